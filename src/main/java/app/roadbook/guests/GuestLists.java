package app.roadbook.guests;

import app.roadbook.advancing.Party;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guest lists: per show, an allotment of places for each party (the artist team, the promoter), a cutoff time in the
 * venue's zone, named requests that an organization editor approves or declines, and the door list of approved
 * guests. Members read everything and their editors manage everything; the show's promoter team (its collaborators)
 * reads the promoter's requests, and its editors ask for places on the promoter's allotment and withdraw requests not
 * yet decided. The database holds every rule as well (V20): policies for who reads and writes what, and a guard
 * trigger that refuses a request over the allotment or after the cutoff atomically, so two people asking for the last
 * place at once never both get it; its refusals reach people as the same sentences this service says first.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class GuestLists {

    public static final int MAX_ALLOTMENT = 10000;
    public static final int MAX_PLUS_ONES = 20;
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final GuestListRepository lists;
    private final GuestRequestRepository requests;
    private final OrgAccess access;
    private final ActivityLog activity;

    GuestLists(GuestListRepository lists, GuestRequestRepository requests, OrgAccess access, ActivityLog activity) {
        this.lists = lists;
        this.requests = requests;
        this.access = access;
        this.activity = activity;
    }

    /** The show a guest list is for, as both parties may see it. */
    public record ShowFacts(
            UUID showId,
            UUID orgId,
            String orgName,
            String title,
            LocalDate date,
            String venueName,
            String venueCity,
            ZoneId zone,
            String artistName) {

        /** The show's title, else its artist, else "Show". */
        public String name() {
            return title != null && !title.isBlank() ? title : artistName != null ? artistName : "Show";
        }

        /** "Rockefeller Music Hall, Oslo". */
        public String place() {
            if (venueName == null) {
                return "No venue yet";
            }
            return venueName + (venueCity == null ? "" : ", " + venueCity);
        }
    }

    /**
     * What the reader may do: {@code party} is the side they belong to (the artist team for members, the promoter for
     * the show's collaborators); {@code manage}: set up the list, approve, decline, withdraw any request, ask on either
     * allotment; {@code request}: ask for places on their own party's allotment.
     */
    public record Capabilities(Party party, boolean manage, boolean request) {}

    /** One party's allotment: places in all, places taken by requests not declined. */
    public record Allotment(Party party, int places, int taken) {
        public int left() {
            return Math.max(places - taken, 0);
        }

        /** "6 of 10 places taken, 4 left". */
        public String text() {
            return taken + " of " + places + " " + (places == 1 ? "place" : "places") + " taken, " + left() + " left";
        }
    }

    /** The list's settings as a form holds them: the cutoff is a wall-clock time at the venue (null: no cutoff). */
    public record Setup(Integer artistAllotment, Integer promoterAllotment, LocalDateTime cutoff) {}

    /** A request as the list shows it; {@code requestedAt} is an instant (shown in the venue's zone). */
    public record Guest(
            UUID id,
            int version,
            Party party,
            String name,
            int plusOnes,
            GuestType type,
            String note,
            GuestStatus status,
            String requestedBy,
            OffsetDateTime requestedAt) {

        public int places() {
            return 1 + plusOnes;
        }
    }

    /** What a request asks for. {@code party} null: the reader's own. */
    public record RequestDraft(Party party, String name, Integer plusOnes, GuestType type, String note) {}

    /** One line of the door list. */
    public record DoorEntry(String name, int plusOnes, GuestType type, Party party) {}

    /**
     * The guest list page. {@code listVersion} is null while nobody has set the list up (then there are no
     * allotments and no requests); {@code allotments} are those the reader may see (a promoter: the promoter's).
     */
    public record Page(
            ShowFacts show,
            Capabilities can,
            Integer listVersion,
            Setup setup,
            OffsetDateTime cutoffAt,
            boolean closed,
            List<Allotment> allotments,
            List<Guest> guests) {

        public boolean setUp() {
            return listVersion != null;
        }

        /** "Requests close 12 Dec 2026, 18:00 (Europe/Oslo)", "Requests closed …", or that there is no cutoff. */
        public String cutoffText() {
            if (cutoffAt == null) {
                return "No cutoff: requests stay open until the show.";
            }
            String at = WHEN.format(cutoffAt.atZoneSameInstant(show.zone())) + " ("
                    + show.zone().getId() + ")";
            return closed ? "Requests closed " + at + "." : "Requests close " + at + ".";
        }

        /** Whether the reader may ask for places now. */
        public boolean canRequestNow() {
            return setUp() && can.request() && !closed;
        }

        public Optional<Allotment> allotment(Party party) {
            return allotments.stream().filter(a -> a.party() == party).findFirst();
        }
    }

    // Reading ------------------------------------------------------------------------------------------

    /** The guest list of a show, for its members and its promoter team; anyone else finds no such show. */
    @Transactional(readOnly = true)
    public Page page(UUID showId) {
        ShowFacts show = facts(showId);
        Capabilities can = capabilities(show);
        Optional<GuestList> found = lists.findByShowId(showId);
        if (found.isEmpty()) {
            return new Page(show, can, null, new Setup(0, 0, null), null, false, List.of(), List.of());
        }
        GuestList list = found.get();
        List<Guest> guests = requests.findByShowIdOrderByCreatedAtAscIdAsc(showId).stream()
                .map(GuestLists::guest)
                .toList();
        List<Allotment> allotments = new ArrayList<>();
        for (Party party : can.party() == Party.from_us ? Party.values() : new Party[] {Party.from_you}) {
            allotments.add(new Allotment(party, places(list, party), taken(guests, party)));
        }
        boolean closed = list.getCutoffAt() != null
                && !lists.databaseNow().isBefore(list.getCutoffAt().toInstant());
        return new Page(
                show,
                can,
                list.getVersion(),
                new Setup(
                        list.getArtistAllotment(),
                        list.getPromoterAllotment(),
                        list.getCutoffAt() == null
                                ? null
                                : list.getCutoffAt()
                                        .atZoneSameInstant(show.zone())
                                        .toLocalDateTime()),
                list.getCutoffAt(),
                closed,
                List.copyOf(allotments),
                guests);
    }

    /** The door list: approved guests by name, with their plus-ones (a promoter: the promoter's approved guests). */
    @Transactional(readOnly = true)
    public List<DoorEntry> doorList(UUID showId) {
        facts(showId);
        return requests.findDoorList(showId).stream()
                .map(r -> new DoorEntry(r.getGuestName(), r.getPlusOnes(), r.getGuestType(), r.getParty()))
                .toList();
    }

    /** The door list as CSV (RFC 4180): name, plus-ones, type, party; approved guests only, by name. */
    @Transactional(readOnly = true)
    public void writeDoorListCsv(UUID showId, Writer out) {
        List<DoorEntry> entries = doorList(showId);
        try {
            out.write("Name,Plus-ones,Type,Allotment\r\n");
            for (DoorEntry e : entries) {
                out.write(csv(e.name()) + "," + e.plusOnes() + ","
                        + csv(e.type().label()) + "," + csv(e.party().label()) + "\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Changing -----------------------------------------------------------------------------------------

    /**
     * Sets up the guest list of a show, or changes it: the allotments and the cutoff (a wall-clock time at the venue,
     * or none). {@code version} is the list as the editor saw it (null: they saw none yet). Lowering an allotment
     * below what is taken is allowed; it refuses new requests until places free up.
     */
    @Transactional
    public void setUp(UUID showId, Integer version, Setup setup) {
        ShowFacts show = facts(showId);
        access.require(show.orgId(), OrgPermission.EDIT_DATA);
        int artist = allotment("The artist team's allotment", setup.artistAllotment());
        int promoter = allotment("The promoter's allotment", setup.promoterAllotment());
        OffsetDateTime cutoff = setup.cutoff() == null ? null : venueInstant(setup.cutoff(), show.zone());
        GuestList list = lists.findByShowId(showId).orElse(null);
        if (list == null) {
            if (version != null) {
                throw new ConcurrentChangeException();
            }
            list = new GuestList(show.orgId(), showId);
        } else if (version == null || version != list.getVersion()) {
            throw new ConcurrentChangeException();
        }
        list.setUp(artist, promoter, cutoff, OffsetDateTime.now(ZoneOffset.UTC));
        try {
            lists.saveAndFlush(list);
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new ConcurrentChangeException();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("artist_allotment", artist);
        details.put("promoter_allotment", promoter);
        details.put(
                "cutoff",
                setup.cutoff() == null
                        ? "none"
                        : setup.cutoff() + " " + show.zone().getId());
        activity.record(show.orgId(), "general", "guest_list.saved", "show", showId, details);
    }

    /**
     * Asks for places on a party's allotment. Promoter editors ask on the promoter's; organization editors on either
     * (their own by default). Refused with a sentence when the list is not set up, the cutoff has passed, or the
     * allotment has fewer places left than the request needs (saying how many are left).
     */
    @Transactional
    public UUID request(UUID showId, RequestDraft draft) {
        ShowFacts show = facts(showId);
        Capabilities can = capabilities(show);
        if (!can.request()) {
            throw new AccessDeniedException(
                    can.party() == Party.from_us
                            ? "You can read this guest list; only editors ask for places."
                            : "You can read the guest list; only the promoter team's editors ask for places.");
        }
        Party party = draft.party() == null ? can.party() : draft.party();
        if (party != can.party() && !can.manage()) {
            throw new AccessDeniedException("The promoter team asks for places on the promoter's allotment only.");
        }
        String name = name(draft.name());
        int plusOnes = plusOnes(draft.plusOnes());
        GuestType type = draft.type() == null ? GuestType.guest : draft.type();
        String note = note(draft.note());
        GuestList list = lists.findByShowId(showId)
                .orElseThrow(() -> new Refusal(
                        "This guest list is not set up yet: an organization editor sets the allotments first."));
        requireOpen(list, show);
        Allotment allotment =
                new Allotment(party, places(list, party), (int) requests.placesTaken(list.getId(), party));
        if (allotment.left() < 1 + plusOnes) {
            throw new Refusal(overAllotment(allotment, 1 + plusOnes));
        }
        GuestRequest request = new GuestRequest(show.orgId(), list.getId(), showId, party, type, name, plusOnes, note);
        try {
            requests.saveAndFlush(request);
        } catch (DataIntegrityViolationException refused) {
            throw databaseRefusal(refused);
        }
        activity.record(
                show.orgId(),
                "general",
                "guest.requested",
                "guest_request",
                request.getId(),
                Map.of("name", name, "plus_ones", plusOnes, "party", party.name(), "show_id", showId.toString()));
        return request.getId();
    }

    /**
     * Approves or declines a request (or puts it back to requested); organization editors only. A declined request
     * frees its places; taking one back from declined needs them again.
     */
    @Transactional
    public void decide(UUID requestId, int version, GuestStatus decision) {
        GuestRequest request = requests.findById(requestId).orElseThrow(GuestLists::noSuchRequest);
        ShowFacts show = facts(request.getShowId());
        access.require(show.orgId(), OrgPermission.EDIT_DATA);
        if (request.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        if (request.getStatus() == decision) {
            return;
        }
        if (request.getStatus() == GuestStatus.declined) {
            GuestList list = lists.findByShowId(show.showId()).orElseThrow(GuestLists::noSuchRequest);
            Allotment allotment = new Allotment(request.getParty(), places(list, request.getParty()), (int)
                    requests.placesTaken(list.getId(), request.getParty()));
            if (allotment.left() < request.places()) {
                throw new Refusal(overAllotment(allotment, request.places()));
            }
        }
        request.decide(decision);
        try {
            requests.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        } catch (DataIntegrityViolationException refused) {
            throw databaseRefusal(refused);
        }
        String action = switch (decision) {
            case approved -> "guest.approved";
            case declined -> "guest.declined";
            case requested -> "guest.reopened";
        };
        activity.record(
                show.orgId(),
                "general",
                action,
                "guest_request",
                requestId,
                Map.of("name", request.getGuestName(), "show_id", show.showId().toString()));
    }

    /**
     * Withdraws a request: organization editors any, promoter editors the promoter's requests not yet decided (an
     * approved guest is the organization's to decline).
     */
    @Transactional
    public void withdraw(UUID requestId) {
        GuestRequest request = requests.findById(requestId).orElseThrow(GuestLists::noSuchRequest);
        ShowFacts show = facts(request.getShowId());
        Capabilities can = capabilities(show);
        if (!can.manage()) {
            if (!can.request() || request.getParty() != Party.from_you) {
                throw new AccessDeniedException("Only the organization's editors withdraw this request.");
            }
            if (request.getStatus() != GuestStatus.requested) {
                throw new Refusal("This request is already "
                        + request.getStatus().label().toLowerCase() + ": ask the organization to change it.");
            }
        }
        requests.delete(request);
        try {
            requests.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
        activity.record(
                show.orgId(),
                "general",
                "guest.withdrawn",
                "guest_request",
                requestId,
                Map.of("name", request.getGuestName(), "show_id", show.showId().toString()));
    }

    // Rules --------------------------------------------------------------------------------------------

    private ShowFacts facts(UUID showId) {
        GuestListRepository.ShowFactsRow row =
                lists.findShowFacts(showId).orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
        ZoneId zone;
        try {
            zone = ZoneId.of(row.getVenueTimezone() == null ? "UTC" : row.getVenueTimezone());
        } catch (DateTimeException unknown) {
            zone = ZoneOffset.UTC;
        }
        return new ShowFacts(
                row.getShowId(),
                row.getOrgId(),
                row.getOrgName(),
                row.getTitle(),
                row.getDate(),
                row.getVenueName(),
                row.getVenueCity(),
                zone,
                row.getArtistName());
    }

    private Capabilities capabilities(ShowFacts show) {
        if (access.role(show.orgId()).isPresent()) {
            boolean editor = access.can(show.orgId(), OrgPermission.EDIT_DATA);
            return new Capabilities(Party.from_us, editor, editor);
        }
        return new Capabilities(Party.from_you, false, access.promoterEditor(show.showId()));
    }

    private void requireOpen(GuestList list, ShowFacts show) {
        if (list.getCutoffAt() != null
                && !lists.databaseNow().isBefore(list.getCutoffAt().toInstant())) {
            throw new Refusal("The guest list closed on "
                    + WHEN.format(list.getCutoffAt().atZoneSameInstant(show.zone())) + " ("
                    + show.zone().getId()
                    + "), so it takes no more requests.");
        }
    }

    private static int places(GuestList list, Party party) {
        return party == Party.from_us ? list.getArtistAllotment() : list.getPromoterAllotment();
    }

    private static int taken(List<Guest> guests, Party party) {
        return guests.stream()
                .filter(g -> g.party() == party && g.status() != GuestStatus.declined)
                .mapToInt(Guest::places)
                .sum();
    }

    /** The same sentence the database's guard says (V20). */
    static String overAllotment(Allotment allotment, int needed) {
        int left = allotment.left();
        return "The " + (allotment.party() == Party.from_us ? "artist team's" : "promoter's") + " allotment has "
                + (left == 0 ? "no places" : left == 1 ? "1 place" : left + " places") + " left (" + allotment.taken()
                + " of " + allotment.places() + " taken): this request needs "
                + (needed == 1 ? "1 place" : needed + " places") + ".";
    }

    /** The guard trigger's sentence (allotment, cutoff) as a refusal; anything else as it was. */
    private static RuntimeException databaseRefusal(DataIntegrityViolationException e) {
        String message = e.getMostSpecificCause().getMessage();
        if (message != null && (message.contains(" allotment has ") || message.contains("guest list closed"))) {
            return new Refusal(message.replaceFirst("(?s)^ERROR: ", "")
                    .lines()
                    .findFirst()
                    .orElse("The guest list refused this request."));
        }
        return e;
    }

    private static OffsetDateTime venueInstant(LocalDateTime wall, ZoneId zone) {
        Instant instant = wall.atZone(zone).toInstant();
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int allotment(String label, Integer value) {
        if (value == null) {
            throw new Refusal(label + " needs a number of places (0 for none).");
        }
        if (value < 0 || value > MAX_ALLOTMENT) {
            throw new Refusal(label + " must be between 0 and " + MAX_ALLOTMENT + " places.");
        }
        return value;
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new Refusal("Give the guest's name as it should read on the door list.");
        }
        TextInput.requireSingleLine("The guest's name", clean, 120);
        return clean;
    }

    private static int plusOnes(Integer plusOnes) {
        int value = plusOnes == null ? 0 : plusOnes;
        if (value < 0 || value > MAX_PLUS_ONES) {
            throw new Refusal("Plus-ones must be between 0 and " + MAX_PLUS_ONES + ".");
        }
        return value;
    }

    private static String note(String note) {
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty()) {
            return null;
        }
        TextInput.requireMultiLine("The note", clean, 500);
        return clean;
    }

    private static Guest guest(GuestRequest r) {
        return new Guest(
                r.getId(),
                r.getVersion(),
                r.getParty(),
                r.getGuestName(),
                r.getPlusOnes(),
                r.getGuestType(),
                r.getNote(),
                r.getStatus(),
                r.getRequestedByName(),
                r.getCreatedAt());
    }

    private static String csv(String value) {
        String v = value == null ? "" : value;
        // A leading =, +, - or @ would make a spreadsheet read a formula: quote it with a leading apostrophe.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static OrgAccess.NotFoundException noSuchRequest() {
        return new OrgAccess.NotFoundException("No such guest request.");
    }
}
