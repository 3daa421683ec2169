package app.roadbook.home;

import app.roadbook.advancing.AdvancingBoard;
import app.roadbook.audit.AuditTrail;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowService;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's day, for the home page: today's and the coming shows (the next {@value #DAYS} days), the advances with
 * items waiting on the artist team, and the organization's recent changes as sentences. It lives in its own package
 * because it reads shows, advancing and the audit trail, which all build on tenancy; each part asks its own service,
 * which decides what the reader may see ("today" is the application's clock).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class HomeBoard {

    public static final int DAYS = 14;
    static final int SHOWS = 20;
    static final int WAITING = 8;
    static final int CHANGES = 8;

    /** Categories of the activity log that say nothing about the organization's work (sign-ins, migrations). */
    private static final Set<String> QUIET = Set.of("security", "migration");

    private final ShowService shows;
    private final ArtistService artists;
    private final AdvancingBoard advancing;
    private final AuditTrail audit;
    private final OrgAccess access;
    private final Clock clock;
    private final JsonMapper json;

    HomeBoard(
            ShowService shows,
            ArtistService artists,
            AdvancingBoard advancing,
            AuditTrail audit,
            OrgAccess access,
            Clock clock,
            JsonMapper json) {
        this.shows = shows;
        this.artists = artists;
        this.advancing = advancing;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
        this.json = json;
    }

    /** What to do first in an organization that has nothing yet. */
    public enum FirstStep {
        ADD_ARTIST,
        ADD_SHOW,
        NONE
    }

    /** An advance with items waiting on the artist team. */
    public record Waiting(
            UUID sessionId,
            String title,
            LocalDate date,
            long daysUntil,
            String artistName,
            String venueName,
            int items) {}

    /** One recent change, said as a sentence ("Olive added the show on 12 Dec 2026"). */
    public record Change(OffsetDateTime at, String sentence) {}

    /**
     * The day. {@code changes} is null when the reader may not read the activity log (only owners and admins do,
     * decision 0013); {@code canEdit} says whether the first steps are theirs to take.
     */
    public record Day(
            LocalDate today,
            List<ShowRow> shows,
            List<Waiting> waiting,
            List<Change> changes,
            FirstStep firstStep,
            boolean canEdit) {}

    @Transactional(readOnly = true)
    public Day day(UUID orgId) {
        access.require(orgId, OrgPermission.READ_DATA);
        LocalDate today = LocalDate.now(clock);
        List<ShowRow> coming =
                shows.shows(orgId, new ShowFilter(null, null, today, today.plusDays(DAYS)), PageRequest.of(0, SHOWS));
        FirstStep first = FirstStep.NONE;
        if (coming.isEmpty()) {
            if (artists.countArtists(orgId, true) == 0) {
                first = FirstStep.ADD_ARTIST;
            } else if (shows.countShows(orgId, ShowFilter.ALL) == 0) {
                first = FirstStep.ADD_SHOW;
            }
        }
        List<Waiting> waiting = advancing
                .board(
                        orgId,
                        new AdvancingBoard.Filter(AdvancingBoard.Period.UPCOMING, true, false, null),
                        PageRequest.of(0, WAITING))
                .stream()
                .filter(l -> !l.closed() && l.progress().waitingOnArtistTeam() > 0)
                .map(l -> new Waiting(
                        l.sessionId(),
                        l.title(),
                        l.date(),
                        l.daysUntil(),
                        l.artistName(),
                        l.venueName(),
                        l.progress().waitingOnArtistTeam()))
                .toList();
        List<Change> changes = null;
        if (access.can(orgId, OrgPermission.READ_AUDIT)) {
            changes = audit.entries(orgId, AuditTrail.Filter.ANY, PageRequest.of(0, CHANGES * 4)).stream()
                    .filter(e -> !QUIET.contains(e.category()))
                    .limit(CHANGES)
                    .map(e -> new Change(e.at(), ChangeSentences.sentence(e.actor(), e.action(), details(e.details()))))
                    .toList();
        }
        return new Day(today, coming, waiting, changes, first, access.canEdit(orgId));
    }

    private Map<String, String> details(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = json.readTree(text);
            java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isValueNode()) {
                    values.put(field.getKey(), field.getValue().asString());
                }
            }
            return values;
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }
}
