package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.RoadbookUser;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class AdvancingExchangeTest {

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    AdvancingTemplates templates;

    @Autowired
    Fixtures fixtures;

    UUID owner, editor, viewer, promoter, promoterViewer, org, show, otherShow;

    @BeforeEach
    void aShowWithAPromoter() {
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        promoterViewer = fixtures.user("PromoterViewer");
        org = fixtures.organization("Advance Co", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, timezone) values (?, 'Rockefeller', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title, fee, notes) values (?, ?, '2026-12-01', 'Oslo', 9000, 'secret') returning id",
                        UUID.class,
                        org,
                        venue);
        otherShow = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, '2026-12-05', 'Not granted') returning id",
                        UUID.class,
                        org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                        show,
                        promoterViewer,
                        org);
    }

    private Row row(UUID session, String field) {
        return advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void bothSidesFillTheirValuesTheEditorConfirmsAndTheScheduleFollows() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(
                org, show, "Oslo advance", OffsetDateTime.now().plusDays(20), null);
        List<Row> rows = advancing.rows(session);
        assertThat(rows).hasSize(AdvancingTemplate.DEFAULT.fields().size());
        assertThat(AdvancingRows.progress(rows)).first().satisfies(p -> {
            assertThat(p.section()).isEqualTo("Schedule");
            assertThat(p.confirmed()).isZero();
            assertThat(p.total()).isEqualTo(5);
        });
        Row doors = row(session, "Doors");
        advancing.setValue(doors.ours().fieldId(), doors.ours().version(), "19:00");
        assertThatThrownBy(() -> advancing.setValue(
                        doors.theirs().fieldId(), doors.theirs().version(), "19:30"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("promoter's team");

        fixtures.signIn(promoter);
        assertThat(advancing.myShows())
                .extracting(AdvancingExchange.GrantedShow::title)
                .containsExactly("Oslo");
        Row seen = row(session, "Doors");
        assertThat(seen.ours().value()).isEqualTo("19:00");
        advancing.setValue(seen.theirs().fieldId(), seen.theirs().version(), "19:30");
        assertThatThrownBy(() ->
                        advancing.setValue(seen.ours().fieldId(), seen.ours().version() + 1, "20:00"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        advancing.confirm(seen.theirs().fieldId(), seen.theirs().version() + 1))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("confirms");
        advancing.addComment(seen.theirs().fieldId(), "Doors at 19:30 suits the support act.");

        fixtures.signIn(editor);
        Row agreed = row(session, "Doors");
        assertThat(agreed.comments()).isEqualTo(1);
        advancing.confirm(agreed.theirs().fieldId(), agreed.theirs().version());
        assertThat(scheduled(show)).containsExactly("Doors 2026-12-01T18:30Z");
        // Confirming again after a change updates the one item, never duplicates it.
        fixtures.signIn(promoter);
        Row changed = row(session, "Doors");
        advancing.setValue(changed.theirs().fieldId(), changed.theirs().version(), "20:00");
        Row reopened = row(session, "Doors");
        assertThat(reopened.theirs().status()).isEqualTo(FieldStatus.pending);
        assertThat(reopened.theirs().previousValue()).isEqualTo("19:30");
        fixtures.signIn(editor);
        advancing.confirm(reopened.theirs().fieldId(), reopened.theirs().version());
        assertThat(scheduled(show)).containsExactly("Doors 2026-12-01T19:00Z");
        assertThat(advancing.sessions(show))
                .singleElement()
                .satisfies(s -> assertThat(s.confirmed()).isEqualTo(1));
    }

    @Test
    void viewersOfEitherSideReadOnlyAndStrangersSeeNothing() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        UUID hidden = advancing.createSession(org, otherShow, "Other", null, null);
        Row deal = row(session, "Deal");
        fixtures.signIn(viewer);
        assertThat(advancing.rows(session)).isNotEmpty();
        assertThatThrownBy(() ->
                        advancing.setValue(deal.ours().fieldId(), deal.ours().version(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.addComment(deal.ours().fieldId(), "hi"))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoterViewer);
        assertThat(advancing.rows(session)).isNotEmpty();
        assertThatThrownBy(() -> advancing.setValue(
                        deal.theirs().fieldId(), deal.theirs().version(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.rows(hidden)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(fixtures.user("Stranger"));
        assertThatThrownBy(() -> advancing.rows(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(advancing.myShows()).isEmpty();
        // Collaborators never see the fee or the internal notes: the shows table is closed to them.
        fixtures.signIn(promoter);
        assertThat(fixtures.owner().queryForObject("select count(*) from shows where id = ?", Integer.class, show))
                .isOne();
        assertThat(advancing.myShows()).singleElement().satisfies(g -> {
            assertThat(g.orgName()).isEqualTo("Advance Co");
            assertThat(g.role()).isEqualTo("promoter_editor");
        });
    }

    @Test
    void twoEditorsSavingOneFieldOneWinsAndTheOtherIsToldNothingIsLost() throws Exception {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row hotel = row(session, "Hotel");
        RoadbookUser first = fixtures.account(editor);
        RoadbookUser second = fixtures.account(owner);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (Object[] who : new Object[][] {{first, "Hotel Continental"}, {second, "Thon Hotel"}}) {
            results.add(pool.submit(() -> {
                Fixtures.signIn((RoadbookUser) who[0]);
                start.await();
                try {
                    advancing.setValue(hotel.ours().fieldId(), hotel.ours().version(), (String) who[1]);
                    return "saved " + who[1];
                } catch (ConcurrentChangeException conflict) {
                    return "conflict";
                } finally {
                    Fixtures.signOut();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("conflict");
        String winner = outcomes.stream()
                .filter(o -> o.startsWith("saved "))
                .findFirst()
                .orElseThrow()
                .substring(6);
        fixtures.signIn(editor);
        assertThat(row(session, "Hotel").ours().value()).isEqualTo(winner);
        assertThat(row(session, "Hotel").ours().version())
                .isEqualTo(hotel.ours().version() + 1);
    }

    @Test
    void typedFieldsRefuseWhatTheyCannotHold() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row doors = row(session, "Doors");
        Row guests = row(session, "Guest list spots");
        Row checkIn = row(session, "Check-in date");
        assertThatThrownBy(() ->
                        advancing.setValue(doors.ours().fieldId(), doors.ours().version(), "7pm"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("19:30");
        assertThatThrownBy(() -> advancing.setValue(
                        guests.ours().fieldId(), guests.ours().version(), "twenty"))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> advancing.setValue(
                        checkIn.ours().fieldId(), checkIn.ours().version(), "1/12"))
                .hasMessageContaining("2026-12-01");
        advancing.setValue(guests.ours().fieldId(), guests.ours().version(), "20");
        assertThat(row(session, "Guest list spots").ours().value()).isEqualTo("20");
        assertThatThrownBy(() ->
                        advancing.confirm(doors.ours().fieldId(), doors.ours().version()))
                .hasMessageContaining("no value");
    }

    @Test
    void adminsKeepTemplatesAndSessionsStartFromThem() {
        fixtures.signIn(editor);
        assertThatThrownBy(() -> templates.save(
                        org,
                        null,
                        "Club",
                        List.of(new AdvancingTemplate.Field("Schedule", "Doors", AdvancingTemplate.FieldType.time))))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(owner);
        UUID template = templates.save(
                org,
                null,
                "Club",
                List.of(
                        new AdvancingTemplate.Field("Schedule", "Doors", AdvancingTemplate.FieldType.time),
                        new AdvancingTemplate.Field("Hospitality", "Drinks", AdvancingTemplate.FieldType.text)));
        assertThat(templates.list(org))
                .extracting(AdvancingTemplate::name)
                .containsExactly("Standard show advance", "Club");
        UUID session = advancing.createSession(org, show, "Club advance", null, template);
        assertThat(advancing.rows(session)).extracting(Row::fieldName).containsExactly("Doors", "Drinks");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log where org_id = ? and action like 'advancing.%'",
                                Integer.class, org))
                .isEqualTo(1);
    }

    @Test
    void typingWhatAConfirmedFieldAlreadySaysKeepsItConfirmed() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row guests = row(session, "Guest list spots");
        advancing.setValue(guests.ours().fieldId(), guests.ours().version(), "20");
        advancing.confirm(guests.ours().fieldId(), guests.ours().version() + 1);
        // jsonb's equality, as the SQL before: 20.0 is the number 20.
        Row confirmed = row(session, "Guest list spots");
        advancing.setValue(confirmed.ours().fieldId(), confirmed.ours().version(), " 20.0 ");
        Row same = row(session, "Guest list spots");
        assertThat(same.ours().status()).isEqualTo(FieldStatus.confirmed);
        assertThat(same.ours().previousValue()).isNull();
        assertThat(same.ours().version())
                .as("still a change someone made")
                .isEqualTo(confirmed.ours().version() + 1);
        assertThat(same.ours().updatedBy()).isEqualTo("Editor");

        advancing.setValue(same.ours().fieldId(), same.ours().version(), "25");
        Row reopened = row(session, "Guest list spots");
        assertThat(reopened.ours().status()).isEqualTo(FieldStatus.pending);
        assertThat(reopened.ours().value()).isEqualTo("25");
        assertThat(reopened.ours().previousValue()).isEqualTo("20");
        assertThat(reopened.open()).isTrue();

        advancing.setValue(reopened.ours().fieldId(), reopened.ours().version(), "");
        assertThat(row(session, "Guest list spots").ours().value()).isNull();
    }

    @Test
    void aStaleVersionIsRefusedAsAConcurrentChange() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row hotel = row(session, "Hotel");
        advancing.setValue(hotel.ours().fieldId(), hotel.ours().version(), "Thon");
        assertThatThrownBy(() ->
                        advancing.setValue(hotel.ours().fieldId(), hotel.ours().version(), "Continental"))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() ->
                        advancing.confirm(hotel.ours().fieldId(), hotel.ours().version()))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(row(session, "Hotel").ours().value()).isEqualTo("Thon");
        assertThatThrownBy(() -> advancing.setValue(UUID.randomUUID(), 0, "x"))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such field.");
    }

    @Test
    void everyChangeIsInTheActivityLogAndTheThreadHasBothSides() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row doors = row(session, "Doors");
        advancing.setValue(doors.ours().fieldId(), doors.ours().version(), "19:00");
        advancing.confirm(doors.ours().fieldId(), doors.ours().version() + 1);
        advancing.addComment(doors.ours().fieldId(), "  Ours first.  ");
        fixtures.signIn(promoter);
        advancing.addComment(doors.theirs().fieldId(), "Then theirs.");
        assertThatThrownBy(() -> advancing.addComment(doors.theirs().fieldId(), " "))
                .hasMessage("A comment is 1 to 4,000 characters.");
        fixtures.signIn(promoterViewer);
        assertThatThrownBy(() -> advancing.addComment(doors.theirs().fieldId(), "Me too"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Your role can read comments but not add them.");
        assertThat(advancing.comments(doors.theirs().fieldId()))
                .extracting(c -> c.author() + ": " + c.body())
                .containsExactly("Editor: Ours first.", "Promoter: Then theirs.");

        assertThat(fixtures.owner().queryForList("""
                select action || ' ' || coalesce(details->>'party', '-') || ' ' || (user_id = ?) from activity_log
                where org_id = ? and action like 'advancing.%' order by created_at, action""", String.class, editor, org))
                .containsExactly(
                        "advancing.session_created - true",
                        "advancing.value_changed from_us true",
                        "advancing.confirmed from_us true",
                        "advancing.commented - true",
                        "advancing.commented - false");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select author_id from advancing_comments where field_id in (?, ?) order by created_at",
                                UUID.class,
                                doors.ours().fieldId(),
                                doors.theirs().fieldId()))
                .containsExactly(editor, promoter);
        assertThat(fixtures.owner()
                        .queryForObject("select created_by from advancing_sessions where id = ?", UUID.class, session))
                .isEqualTo(editor);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select updated_by from advancing_fields where id = ?",
                                UUID.class,
                                doors.ours().fieldId()))
                .isEqualTo(editor);
    }

    /**
     * A confirmed time lands on the venue's clock as java.time resolves it: in the hour that repeats when clocks go back,
     * the earlier instant; in the hour that is skipped, the offset before the gap; without a venue, UTC.
     */
    @Test
    void confirmedTimesFollowTheVenuesClockAcrossDaylightSavingChanges() {
        UUID fallBack = fixtures.owner().queryForObject("""
                insert into shows (org_id, venue_id, date, title) select org_id, id, '2026-10-25', 'Fall back' from venues
                where org_id = ? returning id""", UUID.class, org);
        UUID springForward = fixtures.owner().queryForObject("""
                insert into shows (org_id, venue_id, date, title) select org_id, id, '2026-03-29', 'Spring forward' from venues
                where org_id = ? returning id""", UUID.class, org);
        UUID noVenue = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, '2026-10-25', 'Nowhere') returning id",
                        UUID.class,
                        org);
        fixtures.signIn(editor);
        for (UUID s : List.of(fallBack, springForward, noVenue)) {
            UUID session = advancing.createSession(org, s, "Advance", null, null);
            Row loadIn = row(session, "Load-in");
            advancing.setValue(loadIn.ours().fieldId(), loadIn.ours().version(), "02:30");
            advancing.confirm(loadIn.ours().fieldId(), loadIn.ours().version() + 1);
        }
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        assertThat(scheduled(fallBack))
                .containsExactly("Load-in " + instant(ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, oslo)))
                .containsExactly("Load-in 2026-10-25T00:30Z");
        assertThat(scheduled(springForward))
                .containsExactly("Load-in " + instant(ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, oslo)))
                .containsExactly("Load-in 2026-03-29T01:30Z");
        assertThat(scheduled(noVenue)).containsExactly("Load-in 2026-10-25T02:30Z");
    }

    private static String instant(ZonedDateTime time) {
        return time.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'"));
    }

    private List<String> scheduled(UUID showId) {
        return fixtures.owner().queryForList("""
                select title || ' ' || to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') from schedule_items
                where show_id = ? order by starts_at""", String.class, showId);
    }
}
