package app.roadbook.advancing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Advances. Queries name no org: an advance is opened by its id or its show's, by members and by the collaborators
 * granted the show alike, and RLS answers for each what they may see. The board's lists are a fragment
 * ({@link AdvancingBoardQueries}).
 */
interface AdvancingSessionRepository extends JpaRepository<AdvancingSession, UUID>, AdvancingBoardQueries {

    /** Whether the acting person is granted any show (the definer function My shows reads; one cheap statement). */
    @org.springframework.data.jpa.repository.Query(
            value = "select exists (select 1 from my_granted_shows())",
            nativeQuery = true)
    boolean anyGrantedShow();

    /**
     * The advances of a show with their progress, in one statement: a field counts once (our side carries the pair's
     * agreement), and only agreed fields count as done.
     */
    default List<Summary> findSummaries(UUID showId) {
        return findSummaries(showId, Party.from_us, FieldAgreement.agreed);
    }

    /**
     * The enum values are parameters: as literals, Hibernate would cast them to a type named after the Java enum
     * ({@code FieldAgreement}), where PostgreSQL's is {@code field_agreement}.
     */
    @Query("""
            select s.id as id, s.showId as showId, s.orgId as orgId, s.title as title, s.expiresAt as expiresAt,
                   s.closedAt as closedAt,
                   (select count(f) from AdvancingField f where f.session = s and f.partyType = :ours) as fields,
                   (select count(u) from AdvancingField u
                    where u.session = s and u.partyType = :ours and u.agreement = :agreed) as agreed
            from AdvancingSession s where s.showId = :showId order by s.createdAt""")
    List<Summary> findSummaries(UUID showId, Party ours, FieldAgreement agreed);

    interface Summary {
        UUID getId();

        UUID getShowId();

        UUID getOrgId();

        String getTitle();

        OffsetDateTime getExpiresAt();

        OffsetDateTime getClosedAt();

        long getFields();

        long getAgreed();
    }

    /**
     * The public facts of an advance's show. SQL, because advance_show_facts() is a SECURITY DEFINER function (V15):
     * both parties see them, and a collaborator may not read shows, venues or artists.
     */
    @Query(value = """
            select show_id as showId, org_name as orgName, show_title as showTitle, date, doors_at as doorsAt,
                   set_time as setTime, venue_name as venueName, venue_address as venueAddress, venue_city as venueCity,
                   venue_country as venueCountry, venue_timezone as venueTimezone, artist_name as artistName
            from advance_show_facts(:sessionId)""", nativeQuery = true)
    Optional<ShowFactsRow> findShowFacts(UUID sessionId);

    /** The same facts for a show about to get its first advance (org members only: it reads the tables under RLS). */
    @Query(value = """
            select s.id as showId, o.name as orgName, s.title as showTitle, s.date, s.doors_at as doorsAt,
                   s.set_time as setTime, v.name as venueName, v.address as venueAddress, v.city as venueCity,
                   v.country as venueCountry, coalesce(v.timezone, 'UTC') as venueTimezone, a.name as artistName
            from shows s join organizations o on o.id = s.org_id
            left join venues v on v.id = s.venue_id left join artists a on a.id = s.artist_id
            where s.id = :showId""", nativeQuery = true)
    Optional<ShowFactsRow> findShowFactsOfShow(UUID showId);

    /** Times are {@link Instant}s: a native query hands timestamptz to a projection as one, never as an offset. */
    interface ShowFactsRow {
        UUID getShowId();

        String getOrgName();

        String getShowTitle();

        LocalDate getDate();

        /** A native query hands timestamptz out as an Instant (Hibernate cannot project it to OffsetDateTime). */
        Instant getDoorsAt();

        Instant getSetTime();

        String getVenueName();

        String getVenueAddress();

        String getVenueCity();

        String getVenueCountry();

        String getVenueTimezone();

        String getArtistName();
    }

    /**
     * The acting user's granted shows. SQL, because my_granted_shows() is a SECURITY DEFINER function (V11): a
     * collaborator may not read shows, venues or artists, so the function hands out their public facts only.
     */
    @Query(value = """
            select show_id as showId, org_name as orgName, title, date, doors_at as doorsAt, venue_name as venueName,
                   venue_city as venueCity, venue_timezone as venueTimezone, artist_name as artistName, role::text as role
            from my_granted_shows() order by date, title""", nativeQuery = true)
    List<GrantedShowRow> findMyGrantedShows();

    /** Times are instants, as in {@link ShowFactsRow}. */
    interface GrantedShowRow {
        UUID getShowId();

        String getOrgName();

        String getTitle();

        LocalDate getDate();

        Instant getDoorsAt();

        String getVenueName();

        String getVenueCity();

        String getVenueTimezone();

        String getArtistName();

        String getRole();
    }
}
