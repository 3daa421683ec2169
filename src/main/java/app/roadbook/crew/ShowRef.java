package app.roadbook.crew;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * A show as the crew pages name it: its date, title and venue. The crew capability refers to shows by id and reads
 * these few facts itself (see {@link AssignmentRepository}), so it never depends on the shows package.
 */
public record ShowRef(UUID id, LocalDate date, String title, String venue, String city) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** "The Auroras · Oslo at Rockefeller Music Hall, Oslo", without the date. */
    public String name() {
        String show = title == null || title.isBlank() ? "Untitled show" : title;
        if (venue == null || venue.isBlank()) {
            return show;
        }
        return show + " at " + venue + (city == null || city.isBlank() ? "" : ", " + city);
    }

    /** The date as people read it: "Sun 27 Dec 2026". */
    public String day() {
        return date.format(DATE);
    }

    /** Date and name together, for choosing a show and for warnings. */
    public String label() {
        return day() + " · " + name();
    }
}
