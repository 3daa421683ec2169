package app.roadbook.calendar;

import app.roadbook.schedule.ItemType;
import app.roadbook.schedule.ScheduleItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * What a calendar shows, read as the acting person: the shows through {@code calendar_shows} (their orgs' and those
 * granted to them), the items under the items' own select policy, so a promoter never gets a crew-only item.
 */
interface CalendarQueries extends JpaRepository<ScheduleItem, UUID> {

    /**
     * Native SQL on purpose: {@code calendar_shows} is a SECURITY DEFINER function (a collaborator may not read
     * shows, venues or artists) and JPQL cannot call a set-returning function. Aliases name the getters.
     */
    @Query(nativeQuery = true, value = """
            select f.show_id as "showId", f.org_id as "orgId", f.org_name as "orgName", f.show_title as "title",
                   f.date as "date", f.doors_at as "doorsAt", f.set_time as "setTime", f.status::text as "status",
                   f.artist_name as "artistName", f.venue_name as "venueName", f.venue_address as "venueAddress",
                   f.venue_city as "venueCity", f.venue_country as "venueCountry", f.venue_timezone as "timezone",
                   f.member as "member"
            from calendar_shows(:from, :to) f""")
    List<ShowRow> shows(LocalDate from, LocalDate to);

    interface ShowRow {
        UUID getShowId();

        UUID getOrgId();

        String getOrgName();

        String getTitle();

        LocalDate getDate();

        Instant getDoorsAt();

        Instant getSetTime();

        String getStatus();

        String getArtistName();

        String getVenueName();

        String getVenueAddress();

        String getVenueCity();

        String getVenueCountry();

        String getTimezone();

        boolean getMember();
    }

    /** The items of these shows the reader may see (the select policy is the audience, V19), earliest first. */
    @Query("""
            select new app.roadbook.calendar.CalendarQueries$ItemRow(i.id, i.showId, i.startsAt, i.startsZone,
                   i.endsAt, i.endsZone, i.title, i.itemType, i.location)
            from ScheduleItem i
            where i.showId in :showIds
            order by i.startsAt, i.title, i.id""")
    List<ItemRow> items(Collection<UUID> showIds);

    record ItemRow(
            UUID id,
            UUID showId,
            OffsetDateTime startsAt,
            String startsZone,
            OffsetDateTime endsAt,
            String endsZone,
            String title,
            ItemType type,
            String location) {}
}
