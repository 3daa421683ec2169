package app.roadbook;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.Party;
import app.roadbook.advancing.ui.AdvanceMailsView;
import app.roadbook.advancing.ui.AdvanceView;
import app.roadbook.advancing.ui.AdvancingBoardView;
import app.roadbook.advancing.ui.MyShowsView;
import app.roadbook.advancing.ui.TemplatesView;
import app.roadbook.audit.ui.AuditView;
import app.roadbook.billing.ui.BillingView;
import app.roadbook.billing.ui.PlatformBillingView;
import app.roadbook.calendar.ui.CalendarFeedView;
import app.roadbook.calendar.ui.CalendarView;
import app.roadbook.contacts.ui.ContactView;
import app.roadbook.contacts.ui.ContactsView;
import app.roadbook.crew.ui.CrewView;
import app.roadbook.crew.ui.PersonView;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.ui.FileView;
import app.roadbook.files.ui.FilesView;
import app.roadbook.guests.ui.DoorListView;
import app.roadbook.guests.ui.GuestListView;
import app.roadbook.home.ui.HomeView;
import app.roadbook.invitations.ui.AcceptInvitationView;
import app.roadbook.invitations.ui.DevOutboxView;
import app.roadbook.invitations.ui.InvitationsView;
import app.roadbook.monitoring.ui.SlowQueriesView;
import app.roadbook.parsing.ui.InboxView;
import app.roadbook.parsing.ui.ReviewView;
import app.roadbook.schedule.ui.DaySheetView;
import app.roadbook.schedule.ui.TourBookView;
import app.roadbook.shows.ui.ArtistsView;
import app.roadbook.shows.ui.ShowView;
import app.roadbook.shows.ui.ShowsView;
import app.roadbook.shows.ui.VenuesView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.ui.AccountsView;
import app.roadbook.tenancy.ui.LoginView;
import app.roadbook.tenancy.ui.MembersView;
import app.roadbook.waitlist.ui.JoinWaitlistView;
import app.roadbook.waitlist.ui.WaitlistView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * docs/product.md §6: for every actor, every route and every kind of resource, what the view lets the person do
 * equals what the database lets them do through RLS. The view side navigates in a browserless UI as the
 * actor and reads whether the view opened and which actions it offers; the database side runs, as the same
 * actor, the reads and writes (rolled back) that the view and its actions stand for. Where the database
 * says no, the page must look exactly like the page of a missing id.
 */
@RoadbookTest
class AccessMatrixTest extends SpringBrowserlessTest {

    enum Actor {
        OWNER,
        ADMIN,
        EDITOR,
        VIEWER,
        OTHER_ORG_OWNER,
        PROMOTER_EDITOR,
        PROMOTER_VIEWER,
        PLATFORM_ADMIN,
        ANONYMOUS
    }

    /** The kinds of resource a URL can name; routes without an id use NONE. */
    enum Resource {
        NONE,
        GRANTED_SHOW,
        UNGRANTED_SHOW,
        OWN_ORG,
        OTHER_ORG,
        /** A closed advance of the granted show. */
        CLOSED_ADVANCE,
        /** A library file about the granted show, shared with its promoter team. */
        SHARED_FILE,
        /** A library file about the granted show, for members only. */
        MEMBERS_FILE,
        /** A library file in the bin. */
        BINNED_FILE,
        MISSING
    }

    record Verdict(boolean open, Set<String> actions) {
        static final Verdict CLOSED = new Verdict(false, Set.of());

        @Override
        public String toString() {
            return open ? "open" + actions : "closed";
        }
    }

    /** One route of the application: how to name its resources, how the view and the database answer. */
    record Route(
            String template,
            List<Resource> resources,
            Set<Class<? extends Component>> views,
            Map<String, String> buttons,
            BiFunction<Probe, UUID, Verdict> database) {}

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    FileLibrary library;

    private final Map<Resource, UUID> shows = new EnumMap<>(Resource.class);
    private final Map<Resource, UUID> sessions = new EnumMap<>(Resource.class);
    private final Map<Resource, UUID> contacts = new EnumMap<>(Resource.class);
    private final Map<Resource, UUID> people = new EnumMap<>(Resource.class);
    private final Map<Resource, UUID> files = new EnumMap<>(Resource.class);
    private final Map<Resource, UUID> inboxItems = new EnumMap<>(Resource.class);
    private final Map<Actor, UUID> users = new EnumMap<>(Actor.class);
    private final List<String> viewProblems = new ArrayList<>();
    private UUID northern;
    private UUID southside;

    static final List<Resource> SHOW_RESOURCES =
            List.of(Resource.GRANTED_SHOW, Resource.UNGRANTED_SHOW, Resource.OTHER_ORG, Resource.MISSING);
    static final List<Resource> ORG_RESOURCES = List.of(Resource.OWN_ORG, Resource.OTHER_ORG, Resource.MISSING);
    static final List<Resource> NONE = List.of(Resource.NONE);
    /** Library files of the matrix's org (shared, members only, in the bin) and of the other org. */
    static final List<Resource> FILE_RESOURCES = List.of(
            Resource.SHARED_FILE, Resource.MEMBERS_FILE, Resource.BINNED_FILE, Resource.OTHER_ORG, Resource.MISSING);
    /** An advance of each show, and a closed advance of the granted show. */
    static final List<Resource> ADVANCE_RESOURCES = List.of(
            Resource.GRANTED_SHOW,
            Resource.UNGRANTED_SHOW,
            Resource.OTHER_ORG,
            Resource.CLOSED_ADVANCE,
            Resource.MISSING);

    /*
     * The advance probes act on the Hotel field, where both sides have answered and differ ("Artist hotel" against
     * "Promoter hotel"): answering, accepting the other side's value and declining it are each a real change of the
     * row, so the guard trigger judges every one of them (an update that changes nothing would pass it).
     */
    static final String ANSWER = """
            update advancing_fields set value = '"Probe hotel"'::jsonb, stance = 'answered', declined_value = null,
              decline_reason = null
            where session_id = ? and field_name = 'Hotel' and party_type = ?::party""";
    static final String ACCEPT = """
            update advancing_fields f set value = o.value, stance = 'answered', declined_value = null, decline_reason = null
            from advancing_fields o
            where f.session_id = ? and f.field_name = 'Hotel' and f.party_type = ?::party
              and o.session_id = f.session_id and o.section = f.section and o.field_name = f.field_name
              and o.party_type <> f.party_type""";
    static final String DECLINE = """
            update advancing_fields f set stance = 'declined', declined_value = o.value, decline_reason = 'Probe'
            from advancing_fields o
            where f.session_id = ? and f.field_name = 'Hotel' and f.party_type = ?::party
              and o.session_id = f.session_id and o.section = f.section and o.field_name = f.field_name
              and o.party_type <> f.party_type""";

    static final String GUEST_REQUEST = """
            insert into guest_requests (org_id, guest_list_id, show_id, party, guest_name, requested_by_name)
            select org_id, id, show_id, ?::party, 'Probe guest', 'Probe' from guest_lists where show_id = ?""";

    /** Every route of the app. A route missing here fails {@link #everyRouteIsInTheMatrix()}. */
    static List<Route> routes() {
        return List.of(
                new Route("", NONE, Set.of(HomeView.class, MyShowsView.class), Map.of(), (db, id) -> db.signedIn()),
                new Route(
                        "login",
                        NONE,
                        Set.of(LoginView.class),
                        Map.of(),
                        (db, id) -> new Verdict(!db.signedIn().open(), Set.of())),
                new Route(
                        "invite/:token",
                        NONE,
                        Set.of(AcceptInvitationView.class),
                        Map.of(),
                        (db, id) -> new Verdict(true, Set.of())),
                // Signed-in people only; which mail each reads is InvitationService.outbox's business (DevOutboxTest).
                new Route("dev/outbox", NONE, Set.of(DevOutboxView.class), Map.of(), (db, id) -> db.signedIn()),
                new Route("my-shows", NONE, Set.of(MyShowsView.class), Map.of(), (db, id) -> db.signedIn()),
                // The Calendar page reads the org's shows (calendar_shows, filtered to the org): every member, nobody
                // else; its feed panel makes the member's own feed (calendar_feeds, own row only).
                new Route(
                        "calendar",
                        NONE,
                        Set.of(CalendarView.class),
                        Map.of("create feed", "Create feed address"),
                        (db, id) -> db.member()
                                        && db.reads(
                                                "select count(*) + 1 from calendar_shows(current_date, current_date)")
                                ? db.open(Map.of("create feed", db.inserts(MY_FEED)))
                                : Verdict.CLOSED),
                // Everyone signed in manages their own feed there (collaborators come from My shows); the feed's
                // address itself (/feeds/<token>.ics) is not a route: CalendarFeedsTest and CalendarFeedHttpTest.
                new Route(
                        "calendar-feed",
                        NONE,
                        Set.of(CalendarFeedView.class),
                        Map.of("create feed", "Create feed address"),
                        (db, id) -> db.signedIn().open()
                                ? db.open(Map.of("create feed", db.inserts(MY_FEED)))
                                : Verdict.CLOSED),
                // The board reads the org's advances: every member, nobody else.
                new Route(
                        "advancing",
                        NONE,
                        Set.of(AdvancingBoardView.class),
                        Map.of(),
                        (db, id) -> db.member()
                                        && db.reads(
                                                "select count(*) from advancing_sessions where org_id = ?", db.org())
                                ? db.open(Map.of())
                                : Verdict.CLOSED),
                // Stopping one's mails about an advance: whoever may see the advance, for themselves.
                new Route(
                        "advance/:sessionId/mails",
                        ADVANCE_RESOURCES,
                        Set.of(AdvanceMailsView.class),
                        Map.of(),
                        (db, id) -> db.reads("select count(*) from advancing_sessions where id = ?", id)
                                ? db.open(Map.of())
                                : Verdict.CLOSED),
                new Route(
                        "contacts",
                        NONE,
                        Set.of(ContactsView.class),
                        Map.of("create", "New contact", "import", "Import CSV"),
                        (db, id) -> db.member()
                                ? db.open(Map.of(
                                        "create",
                                        db.inserts("insert into contacts (org_id, name) values (?, 'Probe')", db.org()),
                                        "import",
                                        db.inserts(
                                                "insert into contacts (org_id, name) values (?, 'Probe')", db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "contacts/:contactId",
                        ORG_RESOURCES,
                        Set.of(ContactView.class),
                        Map.of(
                                "edit",
                                "Edit",
                                "delete",
                                "Delete",
                                "merge",
                                "Merge…",
                                "link venue",
                                "Link venue",
                                "add commission",
                                "Add commission"),
                        (db, id) -> db.reads("select count(*) from contacts where id = ? and org_id = ?", id, db.org())
                                ? db.open(Map.of(
                                        "edit",
                                        db.writes("update contacts set name = name where id = ?", id),
                                        "delete",
                                        db.writes("delete from contacts where id = ?", id),
                                        "merge",
                                        db.writes("update contacts set name = name where id = ?", id),
                                        "link venue",
                                        db.writes("update contacts set name = name where id = ?", id),
                                        "add commission",
                                        db.inserts(
                                                "insert into contact_commissions (org_id, contact_id, amount, currency) values (?, ?, 1, 'EUR')",
                                                db.org(),
                                                id)))
                                : Verdict.CLOSED),
                // The crew roster: members read it, editors add, import, change, remove and assign (V18).
                new Route(
                        "crew",
                        NONE,
                        Set.of(CrewView.class),
                        Map.of("create", "Add person", "import", "Import CSV"),
                        (db, id) -> db.member()
                                ? db.open(Map.of(
                                        "create",
                                        db.inserts("insert into people (org_id, name) values (?, 'Probe')", db.org()),
                                        "import",
                                        db.inserts("insert into people (org_id, name) values (?, 'Probe')", db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "crew/:personId",
                        ORG_RESOURCES,
                        Set.of(PersonView.class),
                        Map.of("edit", "Edit", "remove", "Remove", "assign", "Assign to a show"),
                        (db, id) -> db.reads("select count(*) from people where id = ? and org_id = ?", id, db.org())
                                ? db.open(Map.of(
                                        "edit",
                                        db.writes("update people set name = name where id = ?", id),
                                        "remove",
                                        db.writes("delete from people where id = ?", id),
                                        "assign",
                                        db.inserts(
                                                "insert into show_assignments (show_id, person_id, org_id) select s.id, ?, s.org_id from shows s where s.org_id = ? limit 1",
                                                id,
                                                db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "shows",
                        NONE,
                        Set.of(ShowsView.class),
                        Map.of("create", "New show"),
                        (db, id) -> db.member()
                                ? db.open(Map.of(
                                        "create",
                                        db.inserts(
                                                "insert into shows (org_id, date) values (?, current_date)", db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "shows/:showId",
                        SHOW_RESOURCES,
                        Set.of(ShowView.class),
                        Map.of(
                                "edit",
                                "Edit",
                                "start advance",
                                "Start advance",
                                "invite promoter",
                                "Invite promoter",
                                "assign crew",
                                "Assign crew",
                                "add item",
                                "Add item",
                                "delete show",
                                "Delete show"),
                        (db, id) -> db.reads("select count(*) from shows where id = ? and org_id = ?", id, db.org())
                                ? db.open(Map.of(
                                        "edit",
                                        db.writes("update shows set title = title where id = ?", id),
                                        // V27: owners and admins delete a show (its advances and the rest cascade).
                                        "delete show",
                                        db.writes("delete from shows where id = ?", id),
                                        "add item",
                                        db.inserts(
                                                "insert into schedule_items (org_id, show_id, starts_at, title) values (?, ?, now(), 'Probe')",
                                                db.org(),
                                                id),
                                        "start advance",
                                        db.inserts(
                                                "insert into advancing_sessions (org_id, show_id, title, created_by) values (?, ?, 'Probe', current_app_user_id())",
                                                db.org(),
                                                id),
                                        "invite promoter",
                                        db.inserts("""
                                        insert into invitations (org_id, email, show_id, collab_role, invited_by)
                                        values (?, 'probe-' || gen_random_uuid() || '@example.com', ?, 'promoter_viewer', current_app_user_id())""", db.org(), id),
                                        // The crew section: someone of the show's org put on the show.
                                        "assign crew",
                                        db.inserts(
                                                "insert into show_assignments (show_id, person_id) select ?, p.id from people p where p.org_id = ? limit 1",
                                                id,
                                                db.org())))
                                : Verdict.CLOSED),
                // The day sheet: the org's members and the promoter team granted the show, as day_sheet_show says;
                // its PDF downloads hang off the page and ask the same service again (ScheduleBookTest).
                new Route(
                        "shows/:showId/day-sheet",
                        SHOW_RESOURCES,
                        Set.of(DaySheetView.class),
                        Map.of(),
                        (db, id) -> db.reads("select count(*) from day_sheet_show(?)", id)
                                ? db.open(Map.of())
                                : Verdict.CLOSED),
                // A tour book reads the org's shows: every member, nobody else.
                new Route(
                        "tour-book",
                        NONE,
                        Set.of(TourBookView.class),
                        Map.of(),
                        (db, id) -> db.member() && db.reads("select count(*) from shows where org_id = ?", db.org())
                                ? db.open(Map.of())
                                : Verdict.CLOSED),
                // The guest list: members and the show's promoter team open it; editors set it up, approve and
                // withdraw; promoter editors request on the promoter's allotment and withdraw its pending requests.
                new Route(
                        "shows/:showId/guests",
                        SHOW_RESOURCES,
                        Set.of(GuestListView.class),
                        Map.of(
                                "set up",
                                "Change allotments and cutoff",
                                "request",
                                "Add request",
                                "approve",
                                "Approve",
                                "withdraw",
                                "Withdraw"),
                        (db, id) -> db.reads("select count(*) from guest_lists where show_id = ?", id)
                                ? db.open(Map.of(
                                        "set up",
                                        db.writes(
                                                "update guest_lists set artist_allotment = artist_allotment where show_id = ?",
                                                id),
                                        "request",
                                        db.inserts(GUEST_REQUEST, "from_us", id)
                                                || db.inserts(GUEST_REQUEST, "from_you", id),
                                        "approve",
                                        db.writes(
                                                "update guest_requests set status = 'approved' where show_id = ? and status = 'requested'",
                                                id),
                                        "withdraw",
                                        db.writes(
                                                "delete from guest_requests where show_id = ? and party = 'from_you' and status = 'requested'",
                                                id)))
                                : Verdict.CLOSED),
                new Route(
                        "shows/:showId/guests/door-list",
                        SHOW_RESOURCES,
                        Set.of(DoorListView.class),
                        Map.of(),
                        (db, id) -> db.reads("select count(*) from guest_lists where show_id = ?", id)
                                ? db.open(Map.of())
                                : Verdict.CLOSED),
                // The members page: every member of the current organization; what each may change is MembersGrid's.
                // Owners and admins rename the organization there (the organizations update policy).
                new Route(
                        "members",
                        NONE,
                        Set.of(MembersView.class),
                        Map.of("rename organization", "Rename organization"),
                        (db, id) -> db.member()
                                        && db.reads("select count(*) from org_members where org_id = ?", db.org())
                                ? db.open(Map.of(
                                        "rename organization",
                                        db.writes("update organizations set name = name where id = ?", db.org())))
                                : Verdict.CLOSED),
                // The library: every member reads it; the bin's buttons are on it for owners and admins only when
                // the bin has files (the matrix's bin has one).
                new Route(
                        "files",
                        NONE,
                        Set.of(FilesView.class),
                        Map.of("empty bin", "Empty bin"),
                        (db, id) -> db.member()
                                ? db.open(Map.of(
                                        "empty bin",
                                        db.writes(
                                                "delete from files where org_id = ? and deleted_at is not null",
                                                db.org())))
                                : Verdict.CLOSED),
                // One file, by URL: whoever the files policy lets read it (members, and the promoter team for a file
                // shared with their show); editors move it to the bin, owners and admins restore it.
                new Route(
                        "files/:fileId",
                        FILE_RESOURCES,
                        Set.of(FileView.class),
                        Map.of("move to bin", "Move to bin", "restore", "Restore"),
                        (db, id) -> db.reads("select count(*) from files where id = ?", id)
                                ? db.open(Map.of(
                                        "move to bin",
                                        db.writes(
                                                "update files set deleted_at = now() where id = ? and deleted_at is null",
                                                id),
                                        "restore",
                                        db.writes(
                                                "update files set deleted_at = null where id = ? and deleted_at is not null",
                                                id)))
                                : Verdict.CLOSED),
                // The parsing inbox (decision 0029): editors and up read and add items; the review page of an item
                // opens for whoever its policy lets read it, and offers confirming and dismissing to its org's editors.
                new Route(
                        "inbox",
                        NONE,
                        Set.of(InboxView.class),
                        Map.of("read", "Read mail"),
                        (db, id) ->
                                db.member() && db.reads("select count(*) from parsed_emails where org_id = ?", db.org())
                                        ? db.open(Map.of(
                                                "read",
                                                db.inserts(
                                                        "insert into parsed_emails (org_id, subject, raw_content) values (?, 'Probe', 'probe')",
                                                        db.org())))
                                        : Verdict.CLOSED),
                new Route(
                        "inbox/:itemId",
                        ORG_RESOURCES,
                        Set.of(ReviewView.class),
                        Map.of("confirm", "Create draft show", "dismiss", "Dismiss"),
                        (db, id) -> db.reads("select count(*) from parsed_emails where id = ?", id)
                                ? db.open(Map.of(
                                        "confirm",
                                        db.writes("update parsed_emails set status = 'confirmed' where id = ?", id),
                                        "dismiss",
                                        db.writes("update parsed_emails set status = 'dismissed' where id = ?", id)))
                                : Verdict.CLOSED),
                new Route(
                        "venues",
                        NONE,
                        Set.of(VenuesView.class),
                        Map.of("create", "New venue"),
                        (db, id) -> db.member()
                                ? db.open(Map.of(
                                        "create",
                                        db.inserts("insert into venues (org_id, name) values (?, 'Probe')", db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "artists",
                        NONE,
                        Set.of(ArtistsView.class),
                        Map.of("create", "Add artist"),
                        // Archive, restore and delete are per row, inside the grid, where a browserless view shows no
                        // buttons; whoever sees "Add artist" may change artists, archiving included (probe
                        // artists(archive) in RlsProbes, HousekeepingViewTest for the row buttons).
                        (db, id) -> db.member()
                                ? db.open(Map.of(
                                        "create",
                                        db.inserts("insert into artists (org_id, name) values (?, 'Probe')", db.org())
                                                && db.writes(
                                                        "update artists set archived_at = now() where org_id = ? and archived_at is null",
                                                        db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "advance/:sessionId",
                        ADVANCE_RESOURCES,
                        Set.of(AdvanceView.class),
                        Map.of(
                                "rename",
                                "Rename",
                                "close",
                                "Close advance",
                                "reopen",
                                "Reopen",
                                "delete advance",
                                "Delete advance"),
                        (db, id) -> db.reads("select count(*) from advancing_sessions where id = ?", id)
                                ? db.open(Map.ofEntries(
                                        Map.entry("answer ours", db.writes(ANSWER, id, "from_us")),
                                        Map.entry("answer theirs", db.writes(ANSWER, id, "from_you")),
                                        Map.entry("accept for artist team", db.writes(ACCEPT, id, "from_us")),
                                        Map.entry("decline for artist team", db.writes(DECLINE, id, "from_us")),
                                        Map.entry("accept for promoter", db.writes(ACCEPT, id, "from_you")),
                                        Map.entry("decline for promoter", db.writes(DECLINE, id, "from_you")),
                                        Map.entry("comment", db.inserts("""
                                                insert into advancing_comments (org_id, field_id, author_id, body)
                                                select org_id, id, current_app_user_id(), 'probe' from advancing_fields
                                                where session_id = ? and field_name = 'Hotel' and party_type = 'from_us'""", id)),
                                        Map.entry(
                                                "rename",
                                                db.writes(
                                                        "update advancing_sessions set title = title || ' (probe)' where id = ?",
                                                        id)),
                                        Map.entry(
                                                "close",
                                                db.writes(
                                                        "update advancing_sessions set closed_at = now(), closed_by = current_app_user_id() where id = ? and closed_at is null",
                                                        id)),
                                        Map.entry(
                                                "reopen",
                                                db.writes(
                                                        "update advancing_sessions set closed_at = null, closed_by = null where id = ? and closed_at is not null",
                                                        id)),
                                        Map.entry(
                                                "delete advance",
                                                db.writes("delete from advancing_sessions where id = ?", id))))
                                : Verdict.CLOSED),
                new Route(
                        "advancing-templates",
                        NONE,
                        Set.of(TemplatesView.class),
                        Map.of("save", "Save template"),
                        (db, id) -> db.inserts(
                                        "insert into advancing_templates (org_id, name, fields) values (?, 'Probe', '[]')",
                                        db.org())
                                ? new Verdict(true, Set.of("save"))
                                : Verdict.CLOSED),
                new Route(
                        "invitations",
                        NONE,
                        Set.of(InvitationsView.class),
                        Map.of("invite staff", "Invite"),
                        (db, id) -> db.inserts("""
                                insert into invitations (org_id, email, show_id, collab_role, invited_by)
                                select ?, 'probe-' || gen_random_uuid() || '@example.com', id, 'promoter_viewer', current_app_user_id()
                                from shows where org_id = ? limit 1""", db.org(), db.org())
                                ? db.open(Map.of("invite staff", db.inserts("""
                                insert into invitations (org_id, email, org_role, invited_by)
                                values (?, 'probe-' || gen_random_uuid() || '@example.com', 'viewer', current_app_user_id())""", db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "billing",
                        NONE,
                        Set.of(BillingView.class),
                        Map.of("request plan change", "Request plan change"),
                        (db, id) -> db.reads(
                                        "select count(*) from activity_log where org_id = ? and category = 'billing'",
                                        db.org())
                                ? db.open(Map.of("request plan change", db.inserts("""
                                insert into plan_change_requests (org_id, plan_id, requested_by) values (?, 'solo_artist', current_app_user_id())""", db.org())))
                                : Verdict.CLOSED),
                new Route(
                        "audit",
                        NONE,
                        Set.of(AuditView.class),
                        Map.of(),
                        (db, id) -> new Verdict(
                                db.reads(
                                        "select count(*) from activity_log where org_id = ? and category = 'security'",
                                        db.org()),
                                Set.of())),
                new Route(
                        "admin/billing",
                        NONE,
                        Set.of(PlatformBillingView.class),
                        Map.of("new plan", "New plan"),
                        (db, id) -> db.inserts(
                                        "insert into billing_plans (id, name, price_cents) values ('probe_plan', 'Probe', 0)")
                                ? new Verdict(true, Set.of("new plan"))
                                : Verdict.CLOSED),
                new Route(
                        "admin/accounts",
                        NONE,
                        Set.of(AccountsView.class),
                        Map.of(),
                        (db, id) -> new Verdict(db.seesEveryAccount(), Set.of())),
                new Route(
                        "admin/slow-queries",
                        NONE,
                        Set.of(SlowQueriesView.class),
                        Map.of(),
                        // The matrix org's slow statement (prepareResources): readable to platform admins only.
                        (db, id) -> new Verdict(
                                db.reads(
                                        "select count(*) from query_performance_log where query_name = 'Matrix.slowQuery'"),
                                Set.of())),
                // The public sign-up (decision 0025): anybody, signed in or not; the row is written by a definer
                // function.
                new Route(
                        "waitlist",
                        NONE,
                        Set.of(JoinWaitlistView.class),
                        Map.of(),
                        (db, id) -> new Verdict(true, Set.of())),
                // The waitlist's rows are read and moved under the policies' own helper, is_platform_admin().
                new Route(
                        "admin/waitlist",
                        NONE,
                        Set.of(WaitlistView.class),
                        Map.of(),
                        (db, id) -> new Verdict(db.reads("select (select is_platform_admin())::int"), Set.of())));
    }

    /** A feed of one's own, as the feed panel's "Create feed address" makes it. */
    static final String MY_FEED = "insert into calendar_feeds (user_id, token_hash) values (current_app_user_id(),"
            + " decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))";

    @Test
    void everyRouteIsInTheMatrix() {
        Set<String> registered = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inMatrix = routes().stream().map(Route::template).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inMatrix)
                .as("add the new route to AccessMatrixTest.routes()")
                .isEqualTo(registered);
    }

    @Test
    void theViewsVerdictEqualsTheDatabasesForEveryActorRouteAndResource() {
        prepareResources();
        List<String> mismatches = new ArrayList<>();
        Map<String, String> matrix = new LinkedHashMap<>();
        int cells = 0;
        for (Actor actor : Actor.values()) {
            actAs(actor);
            Map<Route, String> missingPage = new java.util.HashMap<>();
            for (Route route : routes()) {
                for (Resource resource : route.resources()) {
                    UUID id = idFor(route, resource);
                    Verdict ui = view(route, id);
                    String page = pageText();
                    Verdict db = ActingUser.callAs(users.get(actor), () -> database(route, id));
                    cells++;
                    matrix.put(actor + " " + route.template() + " " + resource, ui.toString());
                    if (!ui.equals(db)) {
                        mismatches.add(
                                actor + " " + route.template() + " " + resource + ": view " + ui + ", database " + db);
                    }
                    if (resource == Resource.MISSING) {
                        missingPage.put(route, page);
                    }
                }
                // A resource the database hides renders exactly like a missing one.
                for (Resource resource : route.resources()) {
                    UUID id = idFor(route, resource);
                    if (resource != Resource.MISSING
                            && resource != Resource.NONE
                            && !ActingUser.callAs(users.get(actor), () -> database(route, id))
                                    .open()) {
                        view(route, id);
                        if (!pageText().equals(missingPage.get(route))) {
                            mismatches.add(actor + " " + route.template() + " " + resource
                                    + ": renders differently from a missing id");
                        }
                    }
                }
            }
        }
        int expected = Actor.values().length
                * routes().stream().mapToInt(r -> r.resources().size()).sum();
        System.out.printf(
                "Access matrix: %d actors x %d routes, %d cells (actor x route x resource)%n",
                Actor.values().length, routes().size(), cells);
        assertThat(cells).isEqualTo(expected);
        assertThat(mismatches).as("view and database disagree").isEmpty();
        assertThat(viewProblems)
                .as("the advance page offers what its capabilities say")
                .isEmpty();
        // Spot checks that the matrix is not trivially empty: the mirror has both answers in it.
        assertThat(matrix.get("EDITOR contacts NONE")).isEqualTo("open[create, import]");
        assertThat(matrix.get("VIEWER contacts NONE")).isEqualTo("open[]");
        assertThat(matrix.get("EDITOR crew NONE")).isEqualTo("open[create, import]");
        assertThat(matrix.get("VIEWER crew NONE")).isEqualTo("open[]");
        assertThat(matrix.get("EDITOR crew/:personId OWN_ORG")).isEqualTo("open[assign, edit, remove]");
        assertThat(matrix.get("VIEWER crew/:personId OWN_ORG")).isEqualTo("open[]");
        assertThat(matrix.get("PROMOTER_EDITOR crew NONE")).isEqualTo("closed");
        assertThat(matrix.get("OTHER_ORG_OWNER crew/:personId OWN_ORG")).isEqualTo("closed");
        assertThat(matrix.get("EDITOR shows/:showId UNGRANTED_SHOW")).contains("assign crew");
        assertThat(matrix.get("EDITOR shows/:showId UNGRANTED_SHOW")).doesNotContain("delete show");
        assertThat(matrix.get("ADMIN shows/:showId UNGRANTED_SHOW")).contains("delete show");
        assertThat(matrix.get("EDITOR members NONE")).isEqualTo("open[]");
        assertThat(matrix.get("OWNER members NONE")).isEqualTo("open[rename organization]");
        assertThat(matrix.get("EDITOR artists NONE")).isEqualTo("open[create]");
        assertThat(matrix.get("VIEWER artists NONE")).isEqualTo("open[]");
        assertThat(matrix.get("VIEWER shows/:showId UNGRANTED_SHOW")).doesNotContain("assign crew");
        String advance = " advance/:sessionId ";
        for (Actor manager : List.of(Actor.OWNER, Actor.ADMIN)) {
            assertThat(matrix.get(manager + advance + "GRANTED_SHOW"))
                    .isEqualTo("open[accept for artist team, answer ours, close, comment, decline for artist team,"
                            + " delete advance, rename]");
            assertThat(matrix.get(manager + advance + "CLOSED_ADVANCE")).isEqualTo("open[delete advance, reopen]");
        }
        assertThat(matrix.get("EDITOR" + advance + "GRANTED_SHOW"))
                .isEqualTo(
                        "open[accept for artist team, answer ours, close, comment, decline for artist team, rename]");
        assertThat(matrix.get("EDITOR" + advance + "CLOSED_ADVANCE")).isEqualTo("open[reopen]");
        assertThat(matrix.get("VIEWER" + advance + "GRANTED_SHOW")).isEqualTo("open[]");
        assertThat(matrix.get("VIEWER" + advance + "CLOSED_ADVANCE")).isEqualTo("open[]");
        assertThat(matrix.get("PROMOTER_EDITOR" + advance + "GRANTED_SHOW"))
                .isEqualTo("open[accept for promoter, answer theirs, comment, decline for promoter]");
        assertThat(matrix.get("PROMOTER_EDITOR" + advance + "CLOSED_ADVANCE")).isEqualTo("open[]");
        assertThat(matrix.get("PROMOTER_VIEWER" + advance + "GRANTED_SHOW")).isEqualTo("open[]");
        assertThat(matrix.get("PROMOTER_EDITOR" + advance + "UNGRANTED_SHOW")).isEqualTo("closed");
        assertThat(matrix.get("PROMOTER_VIEWER" + advance + "UNGRANTED_SHOW")).isEqualTo("closed");
        assertThat(matrix.get("OTHER_ORG_OWNER" + advance + "GRANTED_SHOW")).isEqualTo("closed");
        assertThat(matrix.get("OTHER_ORG_OWNER" + advance + "OTHER_ORG"))
                .isEqualTo("open[accept for artist team, answer ours, close, comment, decline for artist team,"
                        + " delete advance, rename]");
        assertThat(matrix.get("PLATFORM_ADMIN" + advance + "GRANTED_SHOW")).isEqualTo("closed");
        assertThat(matrix.get("ANONYMOUS" + advance + "GRANTED_SHOW")).isEqualTo("closed");
        matrix.entrySet().stream()
                .filter(e -> e.getKey().contains(advance))
                .forEach(e -> System.out.println("Access matrix: " + e.getKey() + " = " + e.getValue()));
        assertThat(matrix.get("OTHER_ORG_OWNER shows/:showId GRANTED_SHOW")).isEqualTo("closed");
        assertThat(matrix.get("PLATFORM_ADMIN contacts NONE")).isEqualTo("closed");
        assertThat(matrix.get("ANONYMOUS shows NONE")).isEqualTo("closed");
    }

    /**
     * Issue #17: for each file, the people its page opens for by URL are exactly the ones its "Who can see this?" list
     * names as seeing it, and nobody else.
     */
    @Test
    void aFilesPageOpensByUrlForExactlyTheAudienceItLists() {
        prepareResources();
        Route route = routes().stream()
                .filter(r -> r.template().equals("files/:fileId"))
                .findFirst()
                .orElseThrow();
        List<String> mismatches = new ArrayList<>();
        for (Resource resource : List.of(Resource.SHARED_FILE, Resource.MEMBERS_FILE, Resource.BINNED_FILE)) {
            UUID file = files.get(resource);
            cleanVaadinEnvironment();
            fixtures.signIn(users.get(Actor.OWNER));
            Set<UUID> audience = library.audience(file).stream()
                    .filter(FileLibrary.Viewer::canSee)
                    .map(FileLibrary.Viewer::userId)
                    .collect(Collectors.toSet());
            Fixtures.signOut();
            initVaadinEnvironment();
            for (Actor actor : Actor.values()) {
                if (users.get(actor) == null) {
                    continue;
                }
                actAs(actor);
                boolean opens = view(route, file).open();
                if (opens != audience.contains(users.get(actor))) {
                    mismatches.add(actor + " " + resource + ": page " + (opens ? "opens" : "is missing") + ", audience "
                            + (audience.contains(users.get(actor)) ? "lists" : "omits") + " them");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    // The view's verdict --------------------------------------------------------------------------------

    private Verdict view(Route route, UUID id) {
        String path = route.template().replaceFirst(":[a-zA-Z]+", id == null ? "" : id.toString());
        navigate(path, Component.class);
        Component current = (Component) getCurrentView();
        if (route.views().stream().noneMatch(v -> v.isInstance(current))) {
            return Verdict.CLOSED;
        }
        Set<String> offered = new TreeSet<>();
        List<Button> buttons = $view(Button.class).all();
        if (current instanceof AdvanceView advance) {
            // The field actions the cards offer act for the reader's own side; comments are in a dialog.
            AdvancingExchange.Capabilities can = advance.capabilities();
            boolean ours = can.party() == Party.from_us;
            if (buttons.stream().anyMatch(b -> "Edit".equals(b.getText()) && shown(b))) {
                offered.add(ours ? "answer ours" : "answer theirs");
            }
            if (buttons.stream().anyMatch(b -> b.getText().startsWith("Accept ") && shown(b))) {
                offered.add(ours ? "accept for artist team" : "accept for promoter");
            }
            if (buttons.stream().anyMatch(b -> "Decline".equals(b.getText()) && shown(b))) {
                offered.add(ours ? "decline for artist team" : "decline for promoter");
            }
            if (can.comment()) {
                offered.add("comment");
            }
            // What the cards offer is what the capabilities say (every advance here has a field to accept).
            Set<String> capable = new TreeSet<>();
            if (can.editOurs()) {
                capable.addAll(List.of("answer ours", "accept for artist team", "decline for artist team"));
            }
            if (can.editTheirs()) {
                capable.addAll(List.of("answer theirs", "accept for promoter", "decline for promoter"));
            }
            Set<String> onCards = new TreeSet<>(offered);
            onCards.remove("comment");
            if (!capable.equals(onCards)) {
                viewProblems.add(id + ": capabilities " + can + " but the cards offer " + onCards);
            }
        }
        route.buttons().forEach((action, text) -> {
            if (buttons.stream().anyMatch(b -> text.equals(b.getText()) && b.isEnabled() && shown(b))) {
                offered.add(action);
            }
        });
        return new Verdict(true, offered);
    }

    private static boolean shown(Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String pageText() {
        Component current = (Component) getCurrentView();
        return current.getClass().getSimpleName() + ":" + current.getElement().getTextRecursively();
    }

    private void actAs(Actor actor) {
        cleanVaadinEnvironment();
        Fixtures.signOut();
        if (users.get(actor) != null) {
            fixtures.signIn(users.get(actor));
        }
        initVaadinEnvironment();
    }

    // The database's verdict ----------------------------------------------------------------------------

    private Verdict database(Route route, UUID id) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return route.database().apply(new Probe(new JdbcTemplate(dataSource)), id);
        });
    }

    /** Questions to the database as the acting user; writes run in a savepoint and are undone. */
    static final class Probe {
        private final JdbcTemplate jdbc;
        private final UUID org;

        Probe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            this.org = jdbc
                    .queryForList(
                            "select org_id from org_members where user_id = current_app_user_id() order by org_id limit 1",
                            UUID.class)
                    .stream()
                    .findFirst()
                    .orElse(null);
        }

        UUID org() {
            return org;
        }

        boolean member() {
            return org != null;
        }

        Verdict signedIn() {
            return new Verdict(
                    Boolean.TRUE.equals(jdbc.queryForObject(
                            "select exists (select 1 from app_users where id = current_app_user_id())", Boolean.class)),
                    Set.of());
        }

        boolean reads(String sql, Object... args) {
            return jdbc.queryForObject(sql, Long.class, args) > 0;
        }

        /** Accounts that share no organization with the acting user are visible only to platform admins. */
        boolean seesEveryAccount() {
            return reads("""
                    select count(*) from app_users u where u.id <> current_app_user_id()
                    and not exists (select 1 from org_members m where m.user_id = u.id)""");
        }

        boolean writes(String sql, Object... args) {
            return attempt(() -> jdbc.update(sql, args) > 0);
        }

        boolean inserts(String sql, Object... args) {
            return attempt(() -> jdbc.update(sql, args) > 0);
        }

        Verdict open(Map<String, Boolean> actions) {
            return new Verdict(
                    true,
                    actions.entrySet().stream()
                            .filter(Map.Entry::getValue)
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }

        private boolean attempt(java.util.function.BooleanSupplier write) {
            jdbc.execute("savepoint probe");
            try {
                return write.getAsBoolean();
            } catch (DataAccessException refused) {
                return false;
            } finally {
                jdbc.execute("rollback to savepoint probe");
            }
        }
    }

    // Resources ------------------------------------------------------------------------------------------

    private UUID idFor(Route route, Resource resource) {
        if (resource == Resource.NONE) {
            return route.template().equals("invite/:token") ? UUID.randomUUID() : null;
        }
        if (resource == Resource.MISSING) {
            return UUID.nameUUIDFromBytes(route.template().getBytes());
        }
        return switch (route.template()) {
            case "shows/:showId", "shows/:showId/day-sheet", "shows/:showId/guests", "shows/:showId/guests/door-list" ->
                shows.get(resource);
            case "advance/:sessionId", "advance/:sessionId/mails" -> sessions.get(resource);
            case "contacts/:contactId" -> contacts.get(resource);
            case "crew/:personId" -> people.get(resource);
            case "files/:fileId" -> files.get(resource);
            case "inbox/:itemId" -> inboxItems.get(resource);
            default -> throw new IllegalStateException(route.template());
        };
    }

    private void prepareResources() {
        JdbcTemplate owner = fixtures.owner();
        // The matrix's own world: a live organization with one member per role and two shows (one granted to a
        // promoter), another organization with its own owner, a show and a contact, a promoter and a platform admin.
        UUID ownerId = fixtures.user("Owner");
        northern = fixtures.organization("Matrix North", ownerId);
        users.put(Actor.OWNER, ownerId);
        for (Actor actor : List.of(Actor.ADMIN, Actor.EDITOR, Actor.VIEWER)) {
            UUID member = fixtures.user(actor.name().toLowerCase());
            fixtures.member(northern, member, actor.name().toLowerCase());
            users.put(actor, member);
        }
        UUID otherOwner = fixtures.user("Otto");
        southside = fixtures.organization("Matrix South", otherOwner);
        users.put(Actor.OTHER_ORG_OWNER, otherOwner);
        UUID promoter = fixtures.user("Promoter");
        users.put(Actor.PROMOTER_EDITOR, promoter);
        users.put(Actor.PLATFORM_ADMIN, fixtures.platformAdmin());
        users.put(Actor.ANONYMOUS, null);

        for (UUID org : List.of(northern, southside)) {
            owner.update("insert into artists (org_id, name) values (?, 'Matrix artist')", org);
        }
        UUID granted = owner.queryForObject(
                "insert into shows (org_id, date, title) values (?, current_date + 20, 'Granted') returning id",
                UUID.class,
                northern);
        owner.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                granted,
                promoter,
                northern);
        UUID ungranted = owner.queryForObject(
                "insert into shows (org_id, date, title) values (?, current_date + 40, 'Ungranted') returning id",
                UUID.class,
                northern);
        UUID foreign = owner.queryForObject(
                "insert into shows (org_id, date, title) values (?, current_date + 30, 'Southside matrix show') returning id",
                UUID.class,
                southside);
        shows.put(Resource.GRANTED_SHOW, granted);
        owner.update(
                "insert into query_performance_log (query_name, execution_time_ms, user_id, org_id)"
                        + " values ('Matrix.slowQuery', 250, ?, ?)",
                ownerId,
                northern);
        shows.put(Resource.UNGRANTED_SHOW, ungranted);
        shows.put(Resource.OTHER_ORG, foreign);

        // Every show has a guest list with room on both allotments and one pending request of the promoter's.
        for (UUID show : List.of(granted, ungranted, foreign)) {
            UUID list = owner.queryForObject("""
                    insert into guest_lists (org_id, show_id, artist_allotment, promoter_allotment)
                    select org_id, id, 10, 10 from shows where id = ? returning id""", UUID.class, show);
            owner.update("""
                    insert into guest_requests (org_id, guest_list_id, show_id, party, guest_name, requested_by_name)
                    select org_id, id, show_id, 'from_you', 'Matrix guest', 'Matrix' from guest_lists where id = ?""", list);
        }

        UUID viewerAccount = fixtures.user("Promoviewer");
        owner.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                granted,
                viewerAccount,
                northern);
        users.put(Actor.PROMOTER_VIEWER, viewerAccount);

        sessions.put(Resource.GRANTED_SHOW, sessionOf(granted, users.get(Actor.OWNER), northern));
        sessions.put(Resource.UNGRANTED_SHOW, sessionOf(ungranted, users.get(Actor.OWNER), northern));
        sessions.put(Resource.OTHER_ORG, sessionOf(foreign, users.get(Actor.OTHER_ORG_OWNER), southside));
        fixtures.signIn(users.get(Actor.OWNER));
        try {
            UUID closed = advancing.createSession(northern, granted, "Closed matrix advance", null, null);
            advancing.close(closed);
            sessions.put(Resource.CLOSED_ADVANCE, closed);
        } finally {
            Fixtures.signOut();
        }
        // In every advance both sides answered the hotel, differently: there is a value to accept or decline.
        for (UUID session : sessions.values()) {
            owner.update("""
                    update advancing_fields
                    set value = case party_type when 'from_us' then '"Artist hotel"'::jsonb else '"Promoter hotel"'::jsonb end,
                        stance = 'answered'
                    where session_id = ? and field_name = 'Hotel'""", session);
        }

        contacts.put(
                Resource.OWN_ORG,
                owner.queryForObject(
                        "insert into contacts (org_id, name) values (?, 'Northern matrix contact') returning id",
                        UUID.class,
                        northern));
        contacts.put(
                Resource.OTHER_ORG,
                owner.queryForObject(
                        "insert into contacts (org_id, name) values (?, 'Southside matrix contact') returning id",
                        UUID.class,
                        southside));

        people.put(
                Resource.OWN_ORG,
                owner.queryForObject(
                        "insert into people (org_id, name) values (?, 'Northern matrix crew') returning id",
                        UUID.class,
                        northern));
        people.put(
                Resource.OTHER_ORG,
                owner.queryForObject(
                        "insert into people (org_id, name) values (?, 'Southside matrix crew') returning id",
                        UUID.class,
                        southside));
        // A pasted booking mail in each org's parsing inbox.
        for (Map.Entry<Resource, UUID> org : Map.of(Resource.OWN_ORG, northern, Resource.OTHER_ORG, southside)
                .entrySet()) {
            inboxItems.put(
                    org.getKey(),
                    owner.queryForObject(
                            "insert into parsed_emails (org_id, subject, raw_content) values (?, 'Matrix offer', "
                                    + "'Show on 2027-02-01') returning id",
                            UUID.class,
                            org.getValue()));
        }
        // Library files: about the granted show, shared with its promoter team or for members only; one in the bin;
        // and one of the other org. The view never reads their bytes, so none are stored.
        files.put(Resource.SHARED_FILE, libraryFile(northern, "show_id", granted, "promoter_team", false));
        files.put(Resource.MEMBERS_FILE, libraryFile(northern, "show_id", granted, "members", false));
        files.put(Resource.BINNED_FILE, libraryFile(northern, "show_id", granted, "promoter_team", true));
        files.put(Resource.OTHER_ORG, libraryFile(southside, "show_id", foreign, "promoter_team", false));

        // Both orgs have a billing and a security entry, so "may read the org's log" is a row count, not an empty set.
        for (UUID org : List.of(northern, southside)) {
            owner.update(
                    "insert into activity_log (org_id, category, action, resource_type) values (?, 'billing', 'matrix.probe', 'org')",
                    org);
            owner.update(
                    "insert into activity_log (org_id, category, action, resource_type) values (?, 'security', 'matrix.probe', 'org')",
                    org);
        }
    }

    private UUID libraryFile(UUID org, String subjectColumn, UUID subject, String visibility, boolean binned) {
        return fixtures.owner()
                .queryForObject(
                        "insert into files (org_id, " + subjectColumn + ", storage_path, original_name, content_type,"
                                + " size_bytes, visibility, deleted_at) values (?, ?, 'matrix/' || gen_random_uuid(),"
                                + " 'Matrix " + visibility + ".pdf', 'application/pdf', 10, ?,"
                                + (binned ? " now())" : " null)") + " returning id",
                        UUID.class,
                        org,
                        subject,
                        visibility);
    }

    private UUID sessionOf(UUID show, UUID as, UUID org) {
        List<UUID> existing = fixtures.owner()
                .queryForList(
                        "select id from advancing_sessions where show_id = ? order by created_at, id limit 1",
                        UUID.class,
                        show);
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        fixtures.signIn(as);
        try {
            return advancing.createSession(org, show, "Matrix advance", null, null);
        } finally {
            Fixtures.signOut();
        }
    }
}
