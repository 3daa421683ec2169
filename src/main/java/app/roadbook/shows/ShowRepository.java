package app.roadbook.shows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Shows, always within one organization: every query states its org_id on top of RLS (docs/product.md §3).
 * The filtered, paged list lives in {@link ShowListing}.
 */
interface ShowRepository extends Repository<Show, UUID>, ShowListing {

    /** The show page: the show with its artist and venue in one statement. */
    @Query("""
            select s from Show s left join fetch s.artist left join fetch s.venue
            where s.orgId = :orgId and s.id = :id""")
    Optional<Show> findWithArtistAndVenue(UUID orgId, UUID id);

    Optional<Show> findByOrgIdAndId(UUID orgId, UUID id);

    boolean existsByOrgIdAndId(UUID orgId, UUID id);

    long countByOrgIdAndVenueId(UUID orgId, UUID venueId);

    Show saveAndFlush(Show show);

    void flush();

    /**
     * "Who can see this?" Native SQL on purpose: {@code show_audience} is a SECURITY DEFINER function that reads
     * the rows the RLS policies consult (members, grants, open invitations) and answers members of the show's
     * org only; JPQL cannot call a set-returning function. The quoted aliases name the projection's getters.
     */
    @Query(nativeQuery = true, value = """
            select user_id as "userId", display_name as "name", email as "email", kind as "kind", role as "role",
                   can_see as "canSee", invited_by as "invitedBy", since as "since", grant_id as "grantId"
            from show_audience(:showId)
            order by can_see desc, kind <> 'member', display_name, email""")
    List<AudienceLine> audience(UUID showId);

    interface AudienceLine {
        UUID getUserId();

        String getName();

        String getEmail();

        String getKind();

        String getRole();

        boolean getCanSee();

        String getInvitedBy();

        Instant getSince();

        UUID getGrantId();
    }
}
