package app.roadbook.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * One line of a show's day as its reader may see it: times on the clock of each end (the venue's unless a travel
 * item says otherwise), a readable {@link #when()}, and for an item an agreed advance field wrote, that it came from the
 * advance and, when a side has moved away from the agreed time since, what it was changed to by whom ({@code change}).
 * The show's own doors and set time stand on the day until the advance writes them ({@code id} null).
 */
public record ScheduleEntry(
        UUID id,
        Integer version,
        LocalDate day,
        LocalTime starts,
        String startsZone,
        LocalDate endDay,
        LocalTime ends,
        String endsZone,
        String when,
        String title,
        ItemType type,
        Audience audience,
        String location,
        String notes,
        List<String> people,
        boolean fromAdvance,
        String change) {

    /** "Agreed in the advance", "Changed to 19:30 by the promoter, not yet agreed" or nothing. */
    public String agreement() {
        return change != null ? change : fromAdvance ? "Agreed in the advance" : "";
    }

    /** Who sees the item, in words, with the names of a named item. */
    public String audienceText() {
        return audience == Audience.named && !people.isEmpty()
                ? audience.label() + ": " + String.join(", ", people)
                : audience.label();
    }

    /** Whether this is a stored item (the show's own times are not). */
    public boolean stored() {
        return id != null;
    }
}
