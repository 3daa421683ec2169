package app.roadbook.calendar;

import app.roadbook.schedule.ItemType;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A schedule item on a calendar, each end on its own clock (the venue's, or a travel item's own zones); {@code ends}
 * is null for an item without an end.
 */
public record CalendarItem(
        UUID id,
        UUID showId,
        String title,
        ItemType type,
        ZonedDateTime starts,
        ZonedDateTime ends,
        String location,
        String showSummary) {

    /** "Load-in: Stage door – Artist – Venue" style: what, and of which show. */
    public String summary() {
        String what = title == null || title.isBlank() || title.equalsIgnoreCase(type.label())
                ? type.label()
                : type.label() + ": " + title;
        return what + " – " + showSummary;
    }
}
