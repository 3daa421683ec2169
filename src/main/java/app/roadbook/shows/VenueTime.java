package app.roadbook.shows;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Show times are entered and shown as wall-clock times at the venue and stored as instants, so a show in Oslo
 * reads 19:00 wherever the reader is (docs/product.md §7). A show without a venue keeps its times in UTC.
 */
final class VenueTime {

    static final ZoneId NO_VENUE = ZoneId.of("UTC");

    private VenueTime() {}

    static ZoneId zone(String timezone) {
        return timezone == null ? NO_VENUE : ZoneId.of(timezone);
    }

    /** The instant of a wall-clock time at the venue on the show's date; null stays null. */
    static OffsetDateTime instant(LocalDate date, LocalTime time, ZoneId zone) {
        return time == null ? null : ZonedDateTime.of(date, time, zone).toOffsetDateTime();
    }

    /** The wall-clock time at the venue of a stored instant; null stays null. */
    static LocalTime local(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalTime();
    }
}
