package app.roadbook.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Reads a date range of the acting person's calendar inside the caller's transaction: the shows {@code
 * calendar_shows} gives them, then the items of those shows that the items' select policy lets them read.
 */
@Component
class CalendarReader {

    private final CalendarQueries queries;

    CalendarReader(CalendarQueries queries) {
        this.queries = queries;
    }

    CalendarPage read(LocalDate from, LocalDate to, Predicate<CalendarShow> which) {
        Map<UUID, CalendarShow> shows = new LinkedHashMap<>();
        for (CalendarQueries.ShowRow r : queries.shows(from, to)) {
            CalendarShow show = new CalendarShow(
                    r.getShowId(),
                    r.getOrgId(),
                    r.getOrgName(),
                    r.getTitle(),
                    r.getDate(),
                    r.getDoorsAt(),
                    r.getSetTime(),
                    "cancelled".equals(r.getStatus()),
                    r.getArtistName(),
                    r.getVenueName(),
                    r.getVenueAddress(),
                    r.getVenueCity(),
                    r.getVenueCountry(),
                    zone(r.getTimezone()),
                    r.getMember());
            if (which.test(show)) {
                shows.put(show.showId(), show);
            }
        }
        List<CalendarItem> items = shows.isEmpty()
                ? List.of()
                : queries.items(shows.keySet()).stream()
                        .map(i -> {
                            CalendarShow show = shows.get(i.showId());
                            ZoneId from0 = i.startsZone() == null ? show.zone() : zone(i.startsZone());
                            ZoneId to0 = i.endsZone() == null ? from0 : zone(i.endsZone());
                            ZonedDateTime starts = i.startsAt().atZoneSameInstant(from0);
                            ZonedDateTime ends =
                                    i.endsAt() == null ? null : i.endsAt().atZoneSameInstant(to0);
                            return new CalendarItem(
                                    i.id(),
                                    i.showId(),
                                    i.title(),
                                    i.type(),
                                    starts,
                                    ends,
                                    i.location(),
                                    show.summary());
                        })
                        .toList();
        return new CalendarPage(from, to, List.copyOf(shows.values()), items);
    }

    /** The database refuses zones Java cannot read (V19), so a fallback to UTC is only for safety. */
    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
