package app.roadbook.invitations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByOrgIdAndIdAndStatusIn(UUID orgId, UUID id, Collection<InvitationStatus> statuses);

    /**
     * The org's newest invitations with the show's title for show invitations. SQL because the title belongs to the
     * shows capability, which builds on this one and whose entities this package does not know.
     */
    @Query(value = """
            select i.id as id, i.email::text as email, i.show_id as showId, s.title as showTitle,
                   coalesce(i.org_role::text, i.collab_role::text) as role, i.status::text as status,
                   i.expires_at as expiresAt, i.created_at as createdAt
            from invitations i left join shows s on s.id = i.show_id
            where i.org_id = :orgId order by i.created_at desc limit 500""", nativeQuery = true)
    List<Listed> findListed(@Param("orgId") UUID orgId);

    interface Listed {
        UUID getId();

        String getEmail();

        UUID getShowId();

        String getShowTitle();

        String getRole();

        String getStatus();

        java.time.Instant getExpiresAt();

        java.time.Instant getCreatedAt();
    }

    /**
     * Ends a collaborator's grant. A bulk delete, not an entity: the grant row belongs to the shows capability, which
     * builds on this one; row-level security decides whether the acting user may delete it.
     */
    @Modifying
    @Query(value = "delete from show_collaborators where org_id = :orgId and id = :grantId", nativeQuery = true)
    int deleteGrant(@Param("orgId") UUID orgId, @Param("grantId") UUID grantId);

    /** Ends a membership; row-level security lets owners remove anyone but themselves, admins anyone but owners. */
    @Modifying
    @Query(value = "delete from org_members where org_id = :orgId and user_id = :userId", nativeQuery = true)
    int deleteMembership(@Param("orgId") UUID orgId, @Param("userId") UUID userId);
}
