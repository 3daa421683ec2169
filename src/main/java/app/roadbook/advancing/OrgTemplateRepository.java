package app.roadbook.advancing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** An organization's own advancing templates; every query names the org, on top of RLS. */
interface OrgTemplateRepository extends JpaRepository<OrgTemplate, UUID> {

    @Query("select t from OrgTemplate t where t.orgId = :orgId order by lower(t.name)")
    List<OrgTemplate> findByOrg(UUID orgId);

    Optional<OrgTemplate> findByOrgIdAndId(UUID orgId, UUID id);
}
