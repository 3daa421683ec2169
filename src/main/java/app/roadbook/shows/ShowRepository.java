package app.roadbook.shows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
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

    /**
     * What deleting a show takes with it, in one statement. Native SQL on purpose: the rows belong to capabilities
     * that refer to shows by id (advancing, schedule, crew, guests, files), which {@code shows} does not depend on;
     * read under RLS by an owner or admin, who sees every one of them. A field pair counts once (our side carries
     * the pair's agreement); "agreed" includes what was agreed and changed since.
     */
    @Query(nativeQuery = true, value = """
            select (select count(*) from advancing_sessions a where a.show_id = :showId) as "advances",
                   (select count(*) from advancing_fields f join advancing_sessions a on a.id = f.session_id
                    where a.show_id = :showId and f.party_type = 'from_us'
                      and f.agreement in ('agreed', 'changed_after_agreement')) as "agreedItems",
                   (select count(*) from schedule_items i where i.show_id = :showId) as "scheduleItems",
                   (select count(*) from show_assignments c where c.show_id = :showId) as "crew",
                   (select count(*) from guest_requests g where g.show_id = :showId) as "guests",
                   (select count(*) from show_collaborators p where p.show_id = :showId) as "promoters",
                   (select count(*) from files f where f.show_id = :showId) as "files"
            """)
    DeletionCounts deletionCounts(UUID showId);

    interface DeletionCounts {
        long getAdvances();

        long getAgreedItems();

        long getScheduleItems();

        long getCrew();

        long getGuests();

        long getPromoters();

        long getFiles();
    }

    /** One statement; the database cascades to what hangs off the show (V27, decision 0027). */
    @Modifying
    @Query("delete from Show s where s.orgId = :orgId and s.id = :id")
    int deleteByOrgIdAndId(UUID orgId, UUID id);

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
