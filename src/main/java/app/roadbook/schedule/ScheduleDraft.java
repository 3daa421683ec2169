package app.roadbook.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * A schedule item as its form gives it: wall-clock times on the clock of each end. For every type but travel both
 * ends are on the venue's clock and the zones are ignored; a travel item departs on {@code startsZone}'s clock and
 * arrives on {@code endsZone}'s (a flight Oslo→London). {@code endDay} defaults to {@code day}.
 */
public record ScheduleDraft(
        ItemType type,
        String title,
        LocalDate day,
        LocalTime starts,
        String startsZone,
        LocalDate endDay,
        LocalTime ends,
        String endsZone,
        String location,
        String notes,
        Audience audience,
        Set<UUID> people) {}
