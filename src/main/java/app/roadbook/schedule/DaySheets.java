package app.roadbook.schedule;

import app.roadbook.base.Refusal;
import app.roadbook.schedule.ScheduleItemRepository.ShowFacts;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Day sheets and tour books. A day sheet is for the org's members and for the promoter team granted the show; each
 * reads it as themselves, so RLS decides which items, people and contacts are on it (decision 0020). A tour book
 * (the day sheets of an artist's shows in a date range) is for the org's members.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DaySheets {

    /** The longest range a tour book spans, and the most shows it holds. */
    static final int MAX_DAYS = 366;

    static final int MAX_SHOWS = 200;

    private final ScheduleItemRepository items;
    private final OrgAccess access;

    DaySheets(ScheduleItemRepository items, OrgAccess access) {
        this.items = items;
        this.access = access;
    }

    /** The show's day sheet for this reader: a member of its org or a collaborator granted it; "not found" else. */
    @Transactional(readOnly = true)
    public DaySheet sheet(UUID showId) {
        ShowFacts show = items.showFacts(showId).orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
        return sheet(show);
    }

    /** The day sheet as a PDF on A4 or Letter paper. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID showId, Paper paper) {
        return DaySheetPdf.render(List.of(sheet(showId)), paper, null);
    }

    /** The day sheets of the artist's shows from {@code from} to {@code to}, earliest first (members only). */
    @Transactional(readOnly = true)
    public List<DaySheet> tourBook(UUID orgId, UUID artistId, LocalDate from, LocalDate to) {
        access.require(orgId, OrgPermission.READ_DATA);
        if (artistId == null) {
            throw new Refusal("Choose an artist.");
        }
        if (from == null || to == null) {
            throw new Refusal("Give the first and the last day of the tour book.");
        }
        if (to.isBefore(from)) {
            throw new Refusal("The last day (" + to + ") is before the first (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new Refusal("A tour book spans at most a year; choose a shorter range.");
        }
        List<UUID> shows = items.tourShows(orgId, artistId, from, to);
        if (shows.size() > MAX_SHOWS) {
            throw new Refusal("A tour book holds at most " + MAX_SHOWS + " shows; choose a shorter range.");
        }
        return shows.stream()
                .map(id ->
                        sheet(items.showFacts(id).orElseThrow(() -> new OrgAccess.NotFoundException("No such show."))))
                .toList();
    }

    /** The tour book as one PDF, a day sheet per show; {@code cover} names the artist and the range. */
    @Transactional(readOnly = true)
    public byte[] tourBookPdf(UUID orgId, UUID artistId, LocalDate from, LocalDate to, Paper paper) {
        List<DaySheet> sheets = tourBook(orgId, artistId, from, to);
        if (sheets.isEmpty()) {
            throw new Refusal("This artist has no shows from " + from + " to " + to + ".");
        }
        String artist = artists(orgId).getOrDefault(artistId, "Tour");
        return DaySheetPdf.render(sheets, paper, artist + " · tour book · " + from + " to " + to);
    }

    /** The org's artists, id → name, for the tour book's choice. */
    @Transactional(readOnly = true)
    public Map<UUID, String> artists(UUID orgId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return items.artists(orgId).stream()
                .collect(Collectors.toMap(
                        ScheduleItemRepository.ArtistLine::getId,
                        ScheduleItemRepository.ArtistLine::getName,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private DaySheet sheet(ShowFacts show) {
        boolean member = show.getMember();
        // Crew and the venue's contacts are the org's: RLS would return nothing to the promoter team anyway, and the
        // sheet does not even ask (no crew phone number reaches a promoter by any path).
        List<DaySheet.Crew> crew = member
                ? items.crew(show.getShowId()).stream()
                        .map(c -> new DaySheet.Crew(
                                c.getName(),
                                Stream.of(c.getDuty(), c.getRoleTitle())
                                        .filter(s -> s != null && !s.isBlank())
                                        .findFirst()
                                        .orElse(null),
                                c.getPhone(),
                                c.getEmail()))
                        .toList()
                : List.of();
        List<DaySheet.Contact> venueContacts = member && show.getVenueId() != null
                ? items.venueContacts(show.getVenueId()).stream()
                        .map(c -> new DaySheet.Contact(c.getName(), c.getRole(), c.getEmail(), c.getPhone()))
                        .toList()
                : List.of();
        List<DaySheet.Contact> promoters = items.promoters(show.getShowId()).stream()
                .map(p -> new DaySheet.Contact(
                        p.getName(),
                        "promoter_editor".equals(p.getRole()) ? "Promoter" : "Promoter (read-only)",
                        p.getEmail(),
                        null))
                .toList();
        String address = Stream.of(show.getVenueAddress(), show.getVenueCity(), show.getVenueCountry())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        return new DaySheet(
                show.getShowId(),
                show.getOrgName(),
                show.getTitle(),
                show.getArtistName(),
                show.getDate(),
                show.getVenueName(),
                address,
                show.getTimezone(),
                ScheduleBook.entries(items, show),
                crew,
                promoters,
                venueContacts,
                member);
    }

    /** The paper a PDF is laid out for. */
    public enum Paper {
        A4("A4"),
        LETTER("Letter");

        private final String label;

        Paper(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
