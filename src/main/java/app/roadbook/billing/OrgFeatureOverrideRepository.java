package app.roadbook.billing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** One org's entitlement overrides; members read them, platform admins write them (RLS). */
interface OrgFeatureOverrideRepository extends JpaRepository<OrgFeatureOverride, OrgFeatureOverride.Key> {

    List<OrgFeatureOverride> findByIdOrgIdOrderByIdKey(UUID orgId);
}
