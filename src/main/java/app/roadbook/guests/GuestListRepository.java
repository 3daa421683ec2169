package app.roadbook.guests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Guest lists, one per show. Queries name no org: members and the show's collaborators alike, RLS decides. */
interface GuestListRepository extends JpaRepository<GuestList, UUID> {

    Optional<GuestList> findByShowId(UUID showId);

    /**
     * The public facts of a show, for its members and its collaborators alike. SQL, because guest_list_show_facts()
     * is a SECURITY DEFINER function (V20): a collaborator may not read shows, venues or artists, and this package
     * refers to shows by id only (it never depends on the shows package's classes).
     */
    @Query(value = """
            select show_id as showId, org_id as orgId, org_name as orgName, title, date, venue_name as venueName,
                   venue_city as venueCity, venue_timezone as venueTimezone, artist_name as artistName
            from guest_list_show_facts(:showId)""", nativeQuery = true)
    Optional<ShowFactsRow> findShowFacts(UUID showId);

    interface ShowFactsRow {
        UUID getShowId();

        UUID getOrgId();

        String getOrgName();

        String getTitle();

        LocalDate getDate();

        String getVenueName();

        String getVenueCity();

        String getVenueTimezone();

        String getArtistName();
    }

    /** The database's clock, which the guard trigger holds the cutoff against. */
    @Query(value = "select now()", nativeQuery = true)
    Instant databaseNow();
}
