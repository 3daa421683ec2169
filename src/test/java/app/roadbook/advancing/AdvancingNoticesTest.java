package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingNoticeJob.Digest;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.invitations.InvitationMail;
import app.roadbook.invitations.InvitationService;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Tell the other party": changes, acceptances, declines and comments reach the other party's people who may see the
 * advance, as one digest per person and advance per window, and nobody else (decision 0017). The job is run directly,
 * as of times the test chooses (its schedule is off in tests).
 */
@RoadbookTest
class AdvancingNoticesTest {

    static final Duration WINDOW = Duration.ofMinutes(10);

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    AdvanceMails mails;

    @Autowired
    AdvancingNoticeJob job;

    @Autowired
    InvitationService invitations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    UUID org, show, otherShow, session;
    UUID owner, admin, editor, viewer, removed, disabled;
    UUID promoter, promoterViewer, secondPromoter, revoked, otherShowPromoter, outsider;
    UUID revokedGrant;
    Instant t0;

    @BeforeEach
    void anAdvanceWithBothTeams() {
        // The job mails whatever waits in the shared test database; other tests' notices go out now, a day ahead, so
        // that this test's runs send its own digests only and the development outbox (the newest 50) keeps them.
        Fixtures.signOut();
        job.run(clock.instant().plus(java.time.Duration.ofDays(1)));
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        removed = fixtures.user("Removed");
        disabled = fixtures.user("Disabled");
        promoter = fixtures.user("Promoter");
        promoterViewer = fixtures.user("Promoviewer");
        secondPromoter = fixtures.user("Copromoter");
        revoked = fixtures.user("Revoked");
        otherShowPromoter = fixtures.user("Elsewhere");
        outsider = fixtures.user("Outsider");
        org = fixtures.organization("Notice Co", owner);
        fixtures.organization("Other Co", outsider);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.member(org, disabled, "viewer");
        UUID artist = fixtures.owner()
                .queryForObject(
                        "insert into artists (org_id, name) values (?, 'Aurora') returning id", UUID.class, org);
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Rockefeller', 'Oslo', "
                                + "'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, '2026-12-12', "
                                + "'Oslo') returning id",
                        UUID.class,
                        org,
                        artist,
                        venue);
        otherShow = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, '2026-12-13') returning id", UUID.class, org);
        grant(show, promoter, "promoter_editor");
        grant(show, promoterViewer, "promoter_viewer");
        grant(show, secondPromoter, "promoter_editor");
        revokedGrant = grant(show, revoked, "promoter_viewer");
        grant(otherShow, otherShowPromoter, "promoter_editor");
        fixtures.owner().update("update app_users set disabled_at = now() where id = ?", disabled);
        fixtures.signIn(editor);
        session = advancing.createSession(org, show, "Oslo advance", null, null);
        t0 = clock.instant();
    }

    @Test
    void thePromotersChangesReachTheArtistTeamsMembersWhoMaySeeTheAdvanceAndNobodyElse() {
        fixtures.member(org, removed, "viewer");
        answer(promoter, Party.from_you, "Doors", "19:30");
        fixtures.owner().update("delete from org_members where org_id = ? and user_id = ?", org, removed);

        List<Digest> sent = run(t0);

        assertThat(sent)
                .extracting(Digest::userId)
                .as("every member who may see the advance, once; not the promoter who acted, not the other "
                        + "collaborators, not a removed member, not a disabled account")
                .containsExactlyInAnyOrder(owner, admin, editor, viewer);
        assertThat(sent)
                .extracting(Digest::to)
                .allSatisfy(to -> assertThat(to).endsWith("@test.roadbook"))
                .contains(email(viewer));
        assertThat(run(t0.plusSeconds(1))).as("nothing waits any more").isEmpty();

        // Without SMTP the development outbox holds the digests; each is read by its recipient, not by colleagues.
        fixtures.signIn(viewer);
        assertThat(invitations.outbox())
                .filteredOn(m -> m.subject().startsWith("Aurora at Rockefeller"))
                .extracting(InvitationMail.Message::to)
                .containsExactly(email(viewer));
        fixtures.signIn(owner);
        assertThat(invitations.outbox())
                .filteredOn(m -> m.to().equals(email(viewer)))
                .isEmpty();
    }

    @Test
    void theArtistTeamsChangesReachTheShowsCollaboratorsButNeverARevokedOne() {
        answer(editor, Party.from_us, "Doors", "19:00");
        fixtures.signIn(editor);
        advancing.addComment(field(Party.from_us, "Doors"), "Doors are early this time.");

        List<Digest> first = run(t0);
        assertThat(first)
                .extracting(Digest::userId)
                .as("the show's collaborators, viewers included; not the member who acted, not other members, not a "
                        + "collaborator on another show, not another org")
                .containsExactlyInAnyOrder(promoter, promoterViewer, secondPromoter, revoked);
        assertThat(first)
                .allSatisfy(d -> assertThat(d.body())
                        .contains("Editor answered: 19:00", "Editor commented: Doors are early this time."));

        // Handed out while the collaborator may still see the advance, held back by the window, revoked before it ends.
        answer(editor, Party.from_us, "Set time", "21:00");
        assertThat(run(t0.plus(Duration.ofMinutes(1)))).as("within the window").isEmpty();
        fixtures.signIn(editor);
        invitations.revokeCollaborator(org, revokedGrant);

        assertThat(run(t0.plus(WINDOW)))
                .extracting(Digest::userId)
                .containsExactlyInAnyOrder(promoter, promoterViewer, secondPromoter);
    }

    @Test
    void atMostOneMailPerPersonAndAdvancePerWindow() {
        answer(promoter, Party.from_you, "Doors", "19:30");
        assertThat(run(t0)).extracting(Digest::userId).contains(editor);

        answer(promoter, Party.from_you, "Set time", "21:00");
        fixtures.signIn(promoter);
        advancing.addComment(field(Party.from_you, "Set time"), "Curfew is 23:00.");
        assertThat(run(t0.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(run(t0.plus(WINDOW).minusSeconds(1))).isEmpty();

        List<Digest> second = run(t0.plus(WINDOW));
        assertThat(second).extracting(Digest::userId).containsExactlyInAnyOrder(owner, admin, editor, viewer);
        Digest toEditor = mailTo(second, editor);
        assertThat(toEditor.subject()).endsWith(": 2 updates from the promoter");
        assertThat(toEditor.body())
                .contains("Promoter answered: 21:00", "Promoter commented: Curfew is 23:00.")
                .doesNotContain("19:30");

        // Quiet since: the next change goes out at the next run.
        answer(promoter, Party.from_you, "Curfew", "23:00");
        assertThat(run(t0.plus(WINDOW.multipliedBy(2))))
                .extracting(Digest::userId)
                .containsExactlyInAnyOrder(owner, admin, editor, viewer);
    }

    @Test
    void someoneWhoStoppedTheMailsGetsNoneUntilTheyTurnThemBackOn() {
        fixtures.signIn(viewer);
        assertThat(mails.setting(session).stopped()).isFalse();
        assertThat(mails.stop(session)).isEqualTo(new AdvanceMails.Setting(session, "Oslo advance", true));
        assertThat(mails.stop(session).stopped())
                .as("stopping twice stays stopped")
                .isTrue();

        answer(promoter, Party.from_you, "Doors", "19:30");
        assertThat(run(t0)).extracting(Digest::userId).containsExactlyInAnyOrder(owner, admin, editor);

        fixtures.signIn(viewer);
        assertThat(mails.resume(session).stopped()).isFalse();
        answer(promoter, Party.from_you, "Set time", "21:00");
        List<Digest> again = run(t0.plus(WINDOW));
        assertThat(again).extracting(Digest::userId).contains(viewer);
        assertThat(mailTo(again, viewer).body())
                .as("only what happened after the mails were back on")
                .contains("21:00")
                .doesNotContain("19:30");

        // Stopping drops what was already waiting for them (handed out, held back by the window).
        answer(promoter, Party.from_you, "Curfew", "23:00");
        assertThat(run(t0.plus(WINDOW).plusSeconds(60))).isEmpty();
        fixtures.signIn(viewer);
        mails.stop(session);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from advancing_notice_recipients where user_id = ? and mailed_at is null",
                                Integer.class,
                                viewer))
                .isZero();
        assertThat(run(t0.plus(WINDOW.multipliedBy(2))))
                .extracting(Digest::userId)
                .containsExactlyInAnyOrder(owner, admin, editor);
    }

    @Test
    void onlyPeopleWhoMaySeeTheAdvanceStopItsMails() {
        fixtures.signIn(outsider);
        assertThatThrownBy(() -> mails.stop(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(otherShowPromoter);
        assertThatThrownBy(() -> mails.stop(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(promoterViewer);
        assertThat(mails.stop(session).stopped()).isTrue();
        assertThat(fixtures.owner()
                        .queryForList(
                                "select user_id from advancing_notice_stops where session_id = ?", UUID.class, session))
                .containsExactly(promoterViewer);
    }

    @Test
    void theDigestSaysWhatHappenedInWordsWithTheShowAndBothLinks() {
        answer(editor, Party.from_us, "Doors", "19:00");
        answer(editor, Party.from_us, "Set time", "21:00");
        answer(editor, Party.from_us, "Catering", "Vegetarian dinner for 8\nNo nuts, please");
        run(t0);

        fixtures.signIn(promoter);
        Row doors = row("Doors");
        advancing.decline(
                doors.theirs().fieldId(),
                doors.theirs().version(),
                doors.ours().version(),
                "The venue opens at 19:30 at the earliest.");
        Row set = row("Set time");
        advancing.accept(
                set.theirs().fieldId(), set.theirs().version(), set.ours().version());
        advancing.addComment(field(Party.from_us, "Catering"), "Fine.\nNuts are banned at the venue anyway.");
        answer(promoter, Party.from_you, "Parking", "Two spaces behind the venue");
        answer(promoter, Party.from_you, "Parking", "");

        Digest digest = mailTo(run(t0.plus(WINDOW)), editor);
        assertThat(digest.to()).isEqualTo(email(editor));
        assertThat(digest.subject())
                .isEqualTo("Aurora at Rockefeller, Oslo · Sat 12 Dec 2026: 5 updates from the promoter");
        assertThat(digest.body())
                .startsWith("Hello Editor,\n\n5 updates from the promoter in the advance \"Oslo advance\" (Aurora at "
                        + "Rockefeller, Oslo · Sat 12 Dec 2026):\n")
                .contains(
                        "\nSchedule › Doors\n  Promoter declined 19:00, saying: The venue opens at 19:30 at the "
                                + "earliest.\n",
                        "\nSchedule › Set time\n  Promoter accepted: 21:00\n",
                        "\nHospitality › Catering\n  Promoter commented: Fine.\n    Nuts are banned at the venue "
                                + "anyway.\n",
                        "\nTravel and accommodation › Parking\n  Promoter answered: Two spaces behind the venue\n"
                                + "  Promoter cleared their answer\n",
                        "/advance/" + session + "\n",
                        "at most one per advance every 10 minutes",
                        "/advance/" + session + "/mails\n");
        assertThat(digest.body().indexOf("Doors")).isLessThan(digest.body().indexOf("Set time"));
    }

    @Test
    void aNoticeIsWrittenWithTheChangeInTheActorsNameAndARefusedChangeLeavesNone() {
        answer(promoter, Party.from_you, "Doors", "19:30");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select actor_id::text || ' ' || actor_name || ' ' || party || ' ' || kind || ' ' || value "
                                        + "from advancing_notices where session_id = ?",
                                String.class,
                                session))
                .containsExactly(promoter + " Promoter from_you changed 19:30");

        fixtures.signIn(viewer);
        Row doors = row("Doors");
        assertThatThrownBy(() ->
                        advancing.setValue(doors.ours().fieldId(), doors.ours().version(), "18:00"))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoterViewer);
        assertThatThrownBy(() -> advancing.addComment(doors.theirs().fieldId(), "Hi"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(notices()).isEqualTo(1);

        fixtures.signIn(promoter);
        Row again = row("Doors");
        advancing.setValue(again.theirs().fieldId(), again.theirs().version(), "19:30");
        assertThat(notices())
                .as("saving the same answer again tells nobody anything")
                .isEqualTo(1);
    }

    @Test
    void theJobsFunctionsAreNotForRequests() {
        fixtures.signIn(editor);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String sql : List.of(
                "select take_advancing_notices(now(), interval '10 minutes')",
                "select count(*) from advancing_digests_due(now(), interval '10 minutes')")) {
            assertThatThrownBy(() -> transactions.execute(tx -> jdbc.queryForObject(sql, Integer.class)))
                    .as(sql)
                    .rootCause()
                    .hasMessageContaining("the notice job runs with nobody acting");
        }
    }

    // Helpers -------------------------------------------------------------------------------------------------

    private UUID grant(UUID onShow, UUID user, String role) {
        return fixtures.owner()
                .queryForObject(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, "
                                + "?::show_collab_role, ?) returning id",
                        UUID.class,
                        onShow,
                        user,
                        role,
                        org);
    }

    private void answer(UUID who, Party side, String fieldName, String value) {
        fixtures.signIn(who);
        AdvancingRows.Side mine = row(fieldName).side(side);
        advancing.setValue(mine.fieldId(), mine.version(), value);
    }

    private Row row(String fieldName) {
        return advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals(fieldName))
                .findFirst()
                .orElseThrow();
    }

    private UUID field(Party side, String fieldName) {
        return row(fieldName).side(side).fieldId();
    }

    /** A run of the job as of {@code now}, nobody signed in (as the scheduler runs it): this advance's digests. */
    private List<Digest> run(Instant now) {
        Fixtures.signOut();
        return job.run(now).stream().filter(d -> d.sessionId().equals(session)).toList();
    }

    private static Digest mailTo(List<Digest> digests, UUID user) {
        return digests.stream().filter(d -> d.userId().equals(user)).findFirst().orElseThrow();
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    private int notices() {
        return fixtures.owner()
                .queryForObject("select count(*) from advancing_notices where session_id = ?", Integer.class, session);
    }
}
