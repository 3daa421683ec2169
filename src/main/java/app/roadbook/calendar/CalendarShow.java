package app.roadbook.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A show on a calendar: its day, its venue's zone, and the public facts a day sheet shows. */
public record CalendarShow(
        UUID showId,
        UUID orgId,
        String orgName,
        String title,
        LocalDate date,
        Instant doorsAt,
        Instant setTime,
        boolean cancelled,
        String artistName,
        String venueName,
        String venueAddress,
        String venueCity,
        String venueCountry,
        ZoneId zone,
        boolean member) {

    /** "Artist – Venue, City" (or the show's title), with "(cancelled)" for a cancelled show. */
    public String summary() {
        String what = artistName != null ? artistName : title;
        String where = Stream.of(venueName, venueCity)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        String text = where.isEmpty() ? what : what + " – " + where;
        return cancelled ? text + " (cancelled)" : text;
    }

    /** The venue's address in one line, or null. */
    public String location() {
        String text = Stream.of(venueName, venueAddress, venueCity, venueCountry)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }
}
