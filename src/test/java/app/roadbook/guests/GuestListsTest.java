package app.roadbook.guests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.Party;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.guests.GuestLists.DoorEntry;
import app.roadbook.guests.GuestLists.Page;
import app.roadbook.guests.GuestLists.RequestDraft;
import app.roadbook.guests.GuestLists.Setup;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.RoadbookUser;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Guest lists per role, as the service and the database (V20) decide them together: an org editor sets the list up,
 * asks on either allotment, approves and declines; a viewer reads; the promoter team's editor asks on the promoter's
 * allotment only and sees only the promoter's requests; a promoter viewer reads them; anyone else finds no such show.
 * Over-allotment and the cutoff are refused with a sentence, and two requests for the last place never both get it.
 */
@RoadbookTest
class GuestListsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    GuestLists guests;

    @Autowired
    DataSource dataSource;

    UUID owner;
    UUID editor;
    UUID viewer;
    UUID promoter;
    UUID promoterViewer;
    UUID otherPromoter;
    UUID org;
    UUID show;
    UUID otherShow;

    @BeforeEach
    void world() {
        owner = fixtures.user("Olive");
        org = fixtures.organization("Guest Co", owner);
        editor = fixtures.user("Edda");
        fixtures.member(org, editor, "editor");
        viewer = fixtures.user("Vic");
        fixtures.member(org, viewer, "viewer");
        promoter = fixtures.user("Pia");
        promoterViewer = fixtures.user("Pete");
        otherPromoter = fixtures.user("Otto");
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Rockefeller', 'Oslo', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, current_date + 20, 'Oslo night') returning id",
                        UUID.class,
                        org,
                        venue);
        otherShow = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, current_date + 25, 'Bergen night') returning id",
                        UUID.class,
                        org);
        grant(show, promoter, "promoter_editor");
        grant(show, promoterViewer, "promoter_viewer");
        grant(otherShow, otherPromoter, "promoter_editor");
    }

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    @Test
    void anEditorSetsUpTheListAsksOnBothAllotmentsAndDecides() {
        fixtures.signIn(editor);
        Page empty = guests.page(show);
        assertThat(empty.setUp()).isFalse();
        assertThat(empty.can().manage()).isTrue();
        guests.setUp(
                show, null, new Setup(4, 3, LocalDateTime.now().plusYears(1).withNano(0)));
        UUID band = guests.request(show, new RequestDraft(null, "Ann Band", 1, GuestType.family, null));
        UUID local = guests.request(show, new RequestDraft(Party.from_you, "Lars Local", 0, GuestType.press, "Radio"));

        Page page = guests.page(show);
        assertThat(page.allotment(Party.from_us).orElseThrow().text()).isEqualTo("2 of 4 places taken, 2 left");
        assertThat(page.allotment(Party.from_you).orElseThrow().text()).isEqualTo("1 of 3 places taken, 2 left");
        assertThat(page.cutoffText()).startsWith("Requests close ").endsWith("(Europe/Oslo).");
        assertThat(page.guests()).extracting(GuestLists.Guest::requestedBy).containsOnly("Edda");

        guests.decide(band, version(band), GuestStatus.approved);
        guests.decide(local, version(local), GuestStatus.declined);
        page = guests.page(show);
        assertThat(page.allotment(Party.from_you).orElseThrow().taken())
                .as("a declined request frees its places")
                .isZero();
        assertThat(guests.doorList(show))
                .containsExactly(new DoorEntry("Ann Band", 1, GuestType.family, Party.from_us));
        assertThat(fixtures.owner()
                        .queryForObject("select decided_by from guest_requests where id = ?", UUID.class, band))
                .isEqualTo(editor);
        assertThat(actions()).contains("guest_list.saved", "guest.requested", "guest.approved", "guest.declined");
    }

    @Test
    void aViewerReadsButNeitherSetsUpNorAsksNorDecides() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(4, 4, null));
        UUID asked = guests.request(show, new RequestDraft(null, "Ann Band", 0, GuestType.guest, null));
        fixtures.signIn(viewer);
        Page page = guests.page(show);
        assertThat(page.guests()).hasSize(1);
        assertThat(page.can().manage()).isFalse();
        assertThat(page.canRequestNow()).isFalse();
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Sneaky", 0, GuestType.guest, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> guests.setUp(show, page.listVersion(), new Setup(9, 9, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> guests.decide(asked, 0, GuestStatus.approved))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> guests.withdraw(asked)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePromoterAsksOnItsOwnAllotmentSeesOnlyItsRequestsAndCannotApprove() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 3, null));
        guests.request(show, new RequestDraft(null, "Ann Band", 0, GuestType.guest, null));

        fixtures.signIn(promoter);
        Page page = guests.page(show);
        assertThat(page.can().party()).isEqualTo(Party.from_you);
        assertThat(page.guests())
                .as("the artist team's requests are not the promoter's business")
                .isEmpty();
        assertThat(page.allotments()).extracting(GuestLists.Allotment::party).containsExactly(Party.from_you);
        UUID mine = guests.request(show, new RequestDraft(null, "Lars Local", 1, GuestType.industry, null));
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(Party.from_us, "Sly", 0, GuestType.guest, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("promoter's allotment only");
        assertThatThrownBy(() -> guests.decide(mine, version(mine), GuestStatus.approved))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(status(mine)).isEqualTo("requested");
        assertThat(guests.page(show).guests())
                .singleElement()
                .satisfies(g -> assertThat(g.requestedBy()).isEqualTo("Pia"));

        fixtures.signIn(promoterViewer);
        assertThat(guests.page(show).guests()).hasSize(1);
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Viewer's pal", 0, GuestType.guest, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> guests.withdraw(mine)).isInstanceOf(AccessDeniedException.class);

        fixtures.signIn(promoter);
        guests.withdraw(mine);
        assertThat(guests.page(show).guests()).isEmpty();
        assertThat(actions()).contains("guest.requested", "guest.withdrawn");
    }

    @Test
    void aPromoterOfAnotherShowAndAnotherOrgFindNoSuchShow() throws Exception {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 3, null));
        guests.request(show, new RequestDraft(Party.from_you, "Lars Local", 0, GuestType.guest, null));
        fixtures.signIn(otherPromoter);
        assertThatThrownBy(() -> guests.page(show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Gatecrasher", 0, GuestType.guest, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(appCount(otherPromoter, "select count(*) from guest_requests"))
                .isZero();
        assertThat(appCount(otherPromoter, "select count(*) from guest_lists")).isZero();
        UUID stranger = fixtures.user("Stranger");
        fixtures.organization("Elsewhere", stranger);
        fixtures.signIn(stranger);
        assertThatThrownBy(() -> guests.page(show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> guests.doorList(show)).isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void overAllotmentIsRefusedSayingHowManyPlacesAreLeft() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 3, null));
        fixtures.signIn(promoter);
        guests.request(show, new RequestDraft(null, "Lars Local", 1, GuestType.guest, null));
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Big Party", 2, GuestType.guest, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("The promoter's allotment has 1 place left (2 of 3 taken): this request needs 3 places.");
        guests.request(show, new RequestDraft(null, "Solo", 0, GuestType.guest, null));
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "One more", 0, GuestType.guest, null)))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("The promoter's allotment has no places left");
    }

    @Test
    void theDatabaseRefusesOverAllotmentAndSaysHowManyAreLeft() throws Exception {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 2, null));
        UUID list = fixtures.owner().queryForObject("select id from guest_lists where show_id = ?", UUID.class, show);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, promoter);
            assertThatThrownBy(() -> insertRequest(c, list, "Too many", 2))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("The promoter's allotment has 2 places left (0 of 2 taken)")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            c.rollback();
        }
    }

    @Test
    void afterTheCutoffRequestsAreRefusedWithTheTimeAtTheVenue() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 10, LocalDateTime.of(2020, 3, 1, 18, 0)));
        Page page = guests.page(show);
        assertThat(page.closed()).isTrue();
        assertThat(page.canRequestNow()).isFalse();
        assertThat(page.cutoffText()).isEqualTo("Requests closed 1 Mar 2020, 18:00 (Europe/Oslo).");
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Late Larry", 0, GuestType.guest, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("The guest list closed on 1 Mar 2020, 18:00 (Europe/Oslo), so it takes no more requests.");
        // The database says the same to anyone who skips the service.
        UUID list = fixtures.owner().queryForObject("select id from guest_lists where show_id = ?", UUID.class, show);
        assertThatThrownBy(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        try {
                            actAs(c, promoter);
                            insertRequest(c, list, "Late Larry", 0);
                        } finally {
                            c.rollback();
                        }
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("The guest list closed on 1 Mar 2020, 18:00 (Europe/Oslo)");
    }

    @Test
    void badInputIsRefusedWithASentence() {
        fixtures.signIn(editor);
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Early", 0, GuestType.guest, null)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("not set up yet");
        assertThatThrownBy(() -> guests.setUp(show, null, new Setup(-1, 3, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("The artist team's allotment must be between 0 and 10000 places.");
        assertThatThrownBy(() -> guests.setUp(show, null, new Setup(null, 3, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("The artist team's allotment needs a number of places (0 for none).");
        guests.setUp(show, null, new Setup(5, 5, null));
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "  ", 0, GuestType.guest, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give the guest's name as it should read on the door list.");
        assertThatThrownBy(() -> guests.request(show, new RequestDraft(null, "Ann", 21, GuestType.guest, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Plus-ones must be between 0 and 20.");
        assertThatThrownBy(() -> guests.setUp(show, null, new Setup(5, 5, null)))
                .as("someone else set it up meanwhile")
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from guest_requests where show_id = ?", Integer.class, show))
                .isZero();
    }

    @Test
    void theDoorListIsApprovedGuestsByNameAsCsv() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(20, 20, null));
        UUID zed = guests.request(show, new RequestDraft(null, "Zed, Zara", 2, GuestType.press, null));
        UUID amy = guests.request(show, new RequestDraft(Party.from_you, "amy \"Ace\" Lee", 0, GuestType.photo, null));
        UUID bob = guests.request(show, new RequestDraft(null, "Bob", 1, GuestType.guest, null));
        guests.request(show, new RequestDraft(null, "Pending Pat", 0, GuestType.guest, null));
        UUID eve = guests.request(show, new RequestDraft(null, "=Eve", 0, GuestType.guest, null));
        for (UUID id : List.of(zed, amy, bob, eve)) {
            guests.decide(id, version(id), GuestStatus.approved);
        }
        guests.decide(eve, version(eve), GuestStatus.declined);
        StringWriter csv = new StringWriter();
        guests.writeDoorListCsv(show, csv);
        assertThat(csv.toString())
                .isEqualTo("Name,Plus-ones,Type,Allotment\r\n"
                        + "\"amy \"\"Ace\"\" Lee\",0,Photo,Promoter\r\n"
                        + "Bob,1,Guest,Artist team\r\n"
                        + "\"Zed, Zara\",2,Press,Artist team\r\n");
    }

    /**
     * Two promoters' editors ask for the last places at the same moment, each request alone fitting: the guard
     * trigger locks the list, so the second one waits, counts the first once it committed, and is refused. Done in
     * SQL as the app role so the interleaving is exact: the first request is written but not committed when the
     * second arrives.
     */
    @Test
    void twoRequestsForTheLastPlacesNeverBothGetThem() throws Exception {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 2, null));
        UUID colleague = fixtures.user("Paul");
        grant(show, colleague, "promoter_editor");
        UUID list = fixtures.owner().queryForObject("select id from guest_lists where show_id = ?", UUID.class, show);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            actAs(first, promoter);
            insertRequest(first, list, "First Friend", 1);
            actAs(second, colleague);
            int secondPid = pid(second);
            Future<String> racing = pool.submit(() -> {
                try {
                    insertRequest(second, list, "Second Friend", 1);
                    second.commit();
                    return "saved";
                } catch (SQLException refused) {
                    second.rollback();
                    return refused.getSQLState() + " " + refused.getMessage();
                }
            });
            waitUntilBlocked(secondPid, racing);
            first.commit();
            assertThat(racing.get(30, TimeUnit.SECONDS))
                    .startsWith("23514")
                    .contains("The promoter's allotment has no places left (2 of 2 taken)");
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select sum(1 + plus_ones) from guest_requests where show_id = ? and party = 'from_you'",
                                Integer.class,
                                show))
                .isEqualTo(2);
    }

    /** The same race through the service: one of two requests for the last place wins, the other gets a sentence. */
    @Test
    void twoPromotersAskingThroughTheServiceAtOnceOneGetsTheLastPlace() throws Exception {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(10, 1, null));
        UUID colleague = fixtures.user("Paul");
        grant(show, colleague, "promoter_editor");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (RoadbookUser who : List.of(fixtures.account(promoter), fixtures.account(colleague))) {
            results.add(pool.submit(() -> {
                Fixtures.signIn(who);
                start.await();
                try {
                    guests.request(
                            show, new RequestDraft(null, who.getDisplayName() + "'s friend", 0, GuestType.guest, null));
                    return "saved";
                } catch (Refusal refused) {
                    return refused.getMessage();
                } finally {
                    Fixtures.signOut();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("saved");
        assertThat(outcomes)
                .anySatisfy(
                        o -> assertThat(o).startsWith("The promoter's allotment has no places left (1 of 1 taken)"));
    }

    // Helpers --------------------------------------------------------------------------------------------

    private void grant(UUID showId, UUID user, String role) {
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, ?::show_collab_role, ?)",
                        showId,
                        user,
                        role,
                        org);
    }

    private int version(UUID request) {
        return fixtures.owner()
                .queryForObject("select version from guest_requests where id = ?", Integer.class, request);
    }

    private String status(UUID request) {
        return fixtures.owner()
                .queryForObject("select status::text from guest_requests where id = ?", String.class, request);
    }

    private List<String> actions() {
        return fixtures.owner()
                .queryForList(
                        "select action from activity_log where org_id = ? order by created_at", String.class, org);
    }

    private long appCount(UUID user, String sql) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                actAs(c, user);
                try (PreparedStatement st = c.prepareStatement(sql);
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private void insertRequest(Connection c, UUID list, String name, int plusOnes) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into guest_requests (org_id, guest_list_id, show_id, party, guest_name, plus_ones, requested_by_name)
                select org_id, id, show_id, 'from_you', ?, ?, 'x' from guest_lists where id = ?""")) {
            st.setString(1, name);
            st.setInt(2, plusOnes);
            st.setObject(3, list);
            st.executeUpdate();
        }
    }

    private static void actAs(Connection c, UUID user) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("select set_config('app.user_id', ?, true)")) {
            set.setString(1, user.toString());
            set.execute();
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_backend_pid()");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits (no assertion on how long) until the backend waits for a lock, or its work ended first. */
    private void waitUntilBlocked(int pid, Future<?> work) throws Exception {
        for (int i = 0; i < 600 && !work.isDone(); i++) {
            Integer waiting = fixtures.owner()
                    .queryForObject("select count(*) from pg_locks where pid = ? and not granted", Integer.class, pid);
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        if (work.isDone()) {
            work.get();
        }
        throw new AssertionError("the second request never waited for the first");
    }
}
