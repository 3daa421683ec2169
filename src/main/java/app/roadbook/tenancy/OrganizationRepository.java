package app.roadbook.tenancy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    @Query("""
            select new app.roadbook.tenancy.OrgSummary(o.id, o.name, m.role)
            from Organization o join OrgMember m on m.id.orgId = o.id
            where m.id.userId = :userId
            order by lower(o.name)
            """)
    List<OrgSummary> findSummariesForUser(@Param("userId") UUID userId);

    @Query(value = "select create_organization(:name)", nativeQuery = true)
    UUID createOrganization(@Param("name") String name);

    @Query("""
            select new app.roadbook.tenancy.MemberRow(u.id, u.displayName, u.email, m.role)
            from OrgMember m join AppUser u on u.id = m.id.userId
            where m.id.orgId = :orgId
            order by m.role, lower(u.displayName), u.id
            """)
    List<MemberRow> findMembers(@Param("orgId") UUID orgId, Pageable pageable);
}
