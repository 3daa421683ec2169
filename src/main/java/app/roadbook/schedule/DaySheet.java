package app.roadbook.schedule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A show's day sheet as one reader may see it: the show, its venue, the day's items the items' policy lets through,
 * and, for the org's members only, the crew with their phone numbers and the venue's contacts. The promoter team's
 * sheet has no crew and no crew-only or named items: the database never hands them over.
 */
public record DaySheet(
        UUID showId,
        String orgName,
        String title,
        String artistName,
        LocalDate date,
        String venueName,
        String venueAddress,
        String timezone,
        List<ScheduleEntry> schedule,
        List<Crew> crew,
        List<Contact> promoterTeam,
        List<Contact> venueContacts,
        boolean member) {

    /** Someone on the crew of the show, with what they do that day. */
    public record Crew(String name, String duty, String phone, String email) {}

    /** A contact: the promoter team's accounts, the venue's linked contacts. */
    public record Contact(String name, String role, String email, String phone) {}

    /** "Sentrum Scene, Arbeidersamfunnets plass 1, Oslo, NO" without the missing parts. */
    public String venueLine() {
        return Stream.of(venueName, venueAddress)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    /** An OpenStreetMap search for the venue, or null without a venue. */
    public String mapLink() {
        String line = venueLine();
        return line.isBlank()
                ? null
                : "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(line, StandardCharsets.UTF_8);
    }

    /** The hotel and travel items of the day, for their own block of the sheet. */
    public List<ScheduleEntry> hotelAndTravel() {
        return schedule.stream()
                .filter(e -> e.type() == ItemType.hotel || e.type() == ItemType.travel)
                .toList();
    }

    /** "Northern Lights · Sentrum Scene" or what the show has of it. */
    public String heading() {
        return Stream.of(artistName, title == null || title.isBlank() ? venueName : title)
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                .collect(Collectors.joining(" · "));
    }
}
