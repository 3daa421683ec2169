package app.roadbook.advancing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Advances. Queries name no org: an advance is opened by its id or its show's, by members and by the collaborators
 * granted the show alike, and RLS answers for each what they may see.
 */
interface AdvancingSessionRepository extends JpaRepository<AdvancingSession, UUID> {

    /**
     * The advances of a show with their progress, in one statement: a field counts once (our side), and is confirmed
     * when either side is.
     */
    default List<Summary> findSummaries(UUID showId) {
        return findSummaries(showId, Party.from_us, Party.from_you, FieldStatus.confirmed);
    }

    /**
     * The enum values are parameters: as literals, Hibernate would cast them to a type named after the Java enum
     * ({@code FieldStatus}), where PostgreSQL's is {@code field_status}.
     */
    @Query("""
            select s.id as id, s.showId as showId, s.orgId as orgId, s.title as title, s.expiresAt as expiresAt,
                   (select count(f) from AdvancingField f where f.session = s and f.partyType = :ours) as fields,
                   (select count(u) from AdvancingField u
                    where u.session = s and u.partyType = :ours
                      and (u.status = :confirmed
                           or exists (select y.id from AdvancingField y
                                      where y.session = u.session and y.section = u.section and y.fieldName = u.fieldName
                                        and y.partyType = :theirs and y.status = :confirmed))) as confirmed
            from AdvancingSession s where s.showId = :showId order by s.createdAt""")
    List<Summary> findSummaries(UUID showId, Party ours, Party theirs, FieldStatus confirmed);

    interface Summary {
        UUID getId();

        UUID getShowId();

        UUID getOrgId();

        String getTitle();

        OffsetDateTime getExpiresAt();

        long getFields();

        long getConfirmed();
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

    interface GrantedShowRow {
        UUID getShowId();

        String getOrgName();

        String getTitle();

        LocalDate getDate();

        OffsetDateTime getDoorsAt();

        String getVenueName();

        String getVenueCity();

        String getVenueTimezone();

        String getArtistName();

        String getRole();
    }
}
