package app.roadbook.advancing;

import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advancing at a glance. For the organization, one board of every advance: its progress, what waits on the artist
 * team, what waits on the promoter, what changed after agreement and what was declined, by show date. For a promoter,
 * the same figures per granted show ("My shows"). Each list is one statement however many advances and fields it
 * covers ({@link AdvancingBoardQueries}); "today" is the application's clock, for the days until a show and for
 * telling upcoming shows from past ones.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingBoard {

    private final AdvancingSessionRepository sessions;
    private final OrgAccess access;
    private final Clock clock;

    AdvancingBoard(AdvancingSessionRepository sessions, OrgAccess access, Clock clock) {
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    /** Which shows' advances the board lists. */
    public enum Period {
        UPCOMING("Upcoming shows"),
        PAST("Past shows"),
        ALL("All shows");

        private final String label;

        Period(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the board lists: the period, only advances with something waiting on the artist team, only those with a
     * value changed after agreement, one artist (null: every artist).
     */
    public record Filter(Period period, boolean waitingOnUs, boolean changedAfterAgreement, UUID artistId) {

        /** The board as it opens: every advance of an upcoming show. */
        public static final Filter UPCOMING = new Filter(Period.UPCOMING, false, false, null);

        public static final Filter EVERYTHING = new Filter(Period.ALL, false, false, null);

        public Filter {
            if (period == null) {
                throw new IllegalArgumentException("a period");
            }
        }
    }

    /**
     * An advance's figures, counted per field: agreed fields, fields waiting on each party (as the advance page's
     * filters count them), values changed after agreement, and values declined by either party.
     */
    public record Progress(
            int fields, int agreed, int waitingOnArtistTeam, int waitingOnPromoter, int changed, int declined) {

        public int waitingOn(Party party) {
            return party == Party.from_us ? waitingOnArtistTeam : waitingOnPromoter;
        }

        /** "7 of 12 agreed". */
        public String agreedText() {
            return agreed + " of " + fields + " agreed";
        }
    }

    /** One advance on the organization's board; {@code daysUntil} is negative for a past show. */
    public record Line(
            UUID sessionId,
            String title,
            boolean closed,
            UUID showId,
            LocalDate date,
            long daysUntil,
            String artistName,
            String venueName,
            String venueCity,
            Progress progress) {}

    public record ArtistOption(UUID id, String name) {}

    /** A show granted to the acting user, with its advances (none yet: an empty list). */
    public record MyShow(
            UUID showId,
            String orgName,
            String title,
            LocalDate date,
            long daysUntil,
            LocalTime doors,
            String timezone,
            String venueName,
            String venueCity,
            String artistName,
            boolean canEdit,
            List<MyAdvance> advances) {}

    public record MyAdvance(UUID sessionId, String title, boolean closed, Progress progress) {}

    // The organization's board -------------------------------------------------------------------------

    /**
     * One page of the board, in show-date order (past shows: latest first). The order is the board's own: a grid
     * asking for another one is refused rather than silently ignored.
     */
    @Transactional(readOnly = true)
    public List<Line> board(UUID orgId, Filter filter, Pageable page) {
        access.require(orgId, OrgPermission.READ_DATA);
        if (page.getSort().isSorted()) {
            throw new Refusal("The advancing board is sorted by show date.");
        }
        return page.isPaged()
                ? sessions.findBoardPage(orgId, filter, today(), page.getOffset(), page.getPageSize())
                : sessions.findBoardPage(orgId, filter, today(), 0, Integer.MAX_VALUE);
    }

    @Transactional(readOnly = true)
    public int countBoard(UUID orgId, Filter filter) {
        access.require(orgId, OrgPermission.READ_DATA);
        return Math.toIntExact(sessions.countBoard(orgId, filter, today()));
    }

    /** The artists of the organization's advanced shows, for the board's artist filter. */
    @Transactional(readOnly = true)
    public List<ArtistOption> artists(UUID orgId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return sessions.findBoardArtists(orgId);
    }

    // My shows -----------------------------------------------------------------------------------------

    /**
     * For an external collaborator: every show granted to them, across every org that invited them, by date, each
     * with its advances and their figures. Show facts come from the definer function (a collaborator may not read
     * shows, venues or artists); advances and fields are read under RLS, which shows only the granted shows'.
     */
    /** Whether the signed-in person collaborates on any show (the menu offers My shows then). */
    @Transactional(readOnly = true)
    public boolean collaboratesOnShows() {
        return sessions.anyGrantedShow();
    }

    @Transactional(readOnly = true)
    public List<MyShow> myShows() {
        LocalDate today = today();
        Map<UUID, MyShow> shows = new LinkedHashMap<>();
        for (AdvancingBoardQueries.GrantedAdvance g : sessions.findMyShowAdvances()) {
            MyShow show = shows.computeIfAbsent(g.showId(), id -> {
                ZoneId zone = ZoneId.of(g.venueTimezone() == null ? "UTC" : g.venueTimezone());
                return new MyShow(
                        g.showId(),
                        g.orgName(),
                        g.showTitle(),
                        g.date(),
                        ChronoUnit.DAYS.between(today, g.date()),
                        g.doorsAt() == null
                                ? null
                                : g.doorsAt().atZoneSameInstant(zone).toLocalTime(),
                        zone.getId(),
                        g.venueName(),
                        g.venueCity(),
                        g.artistName(),
                        "promoter_editor".equals(g.role()),
                        new ArrayList<>());
            });
            if (g.sessionId() != null) {
                show.advances().add(new MyAdvance(g.sessionId(), g.title(), g.closed(), g.progress()));
            }
        }
        return shows.values().stream()
                .map(s -> new MyShow(
                        s.showId(),
                        s.orgName(),
                        s.title(),
                        s.date(),
                        s.daysUntil(),
                        s.doors(),
                        s.timezone(),
                        s.venueName(),
                        s.venueCity(),
                        s.artistName(),
                        s.canEdit(),
                        List.copyOf(s.advances())))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
