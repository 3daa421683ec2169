package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowService;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.RoadbookUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange of an advance as both parties live it: each answers its own side, accepts or declines the other's, and
 * the database derives the agreement both read; an agreed schedule time reaches the show and its day sheet. Services
 * run as the application role with RLS on; what the database itself refuses is tried with plain SQL as the same role.
 */
@RoadbookTest
class AdvancingExchangeTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    app.roadbook.schedule.ScheduleBook schedule;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    AdvancingTemplates templates;

    @Autowired
    AdvancingDocuments documents;

    @Autowired
    ShowService shows;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    UUID owner, admin, editor, viewer, promoter, promoterViewer, org, venue, show, otherShow;

    @BeforeEach
    void aShowInTokyoWithAPromoter() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        promoterViewer = fixtures.user("PromoterViewer");
        org = fixtures.organization("Advance Co", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        UUID artist = fixtures.owner()
                .queryForObject(
                        "insert into artists (org_id, name) values (?, 'The Auroras') returning id", UUID.class, org);
        venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Zepp', 'Tokyo', 'Asia/Tokyo') returning id",
                        UUID.class,
                        org);
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, artist_id, venue_id, date, title, fee, notes) values (?, ?, ?, '2026-12-01', 'Tokyo', 9000, 'secret') returning id",
                        UUID.class,
                        org,
                        artist,
                        venue);
        otherShow = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, '2026-12-05', 'Not granted') returning id",
                        UUID.class,
                        org);
        grant(show, promoter, "promoter_editor");
        grant(show, promoterViewer, "promoter_viewer");
    }

    private void grant(UUID showId, UUID user, String role) {
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, ?::show_collab_role, ?)",
                        showId,
                        user,
                        role,
                        org);
    }

    private Row row(UUID session, String field) {
        return advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    // Agreement -----------------------------------------------------------------------------------------

    /** What a reader sees of a field's state: everything of both sides but who changed it (names are per reader). */
    record Seen(
            FieldAgreement agreement,
            String label,
            String agreedValue,
            Optional<Party> waitsOn,
            String ours,
            FieldStance ourStance,
            String ourDeclined,
            String ourReason,
            String theirs,
            FieldStance theirStance,
            String theirDeclined,
            String theirReason,
            int comments) {
        static Seen of(Row r) {
            return new Seen(
                    r.agreement(),
                    r.agreement().label(),
                    r.agreedValue(),
                    r.waitsOn(),
                    r.ours().value(),
                    r.ours().stance(),
                    r.ours().declinedValue(),
                    r.ours().declineReason(),
                    r.theirs().value(),
                    r.theirs().stance(),
                    r.theirs().declinedValue(),
                    r.theirs().declineReason(),
                    r.comments());
        }
    }

    /**
     * The field as every reader of both parties sees it (editors and viewers of the artist team, the promoter's editor
     * and viewer): one and the same state, or the test fails. The acting user is signed in again afterwards.
     */
    private Seen seenByBoth(UUID session, String field) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        Map<String, Seen> byReader = new LinkedHashMap<>();
        try {
            for (UUID reader : List.of(editor, viewer, promoter, promoterViewer)) {
                fixtures.signIn(reader);
                byReader.put(fixtures.account(reader).getDisplayName(), Seen.of(row(session, field)));
            }
        } finally {
            if (before != null) {
                Fixtures.signIn((RoadbookUser) before.getPrincipal());
            } else {
                Fixtures.signOut();
            }
        }
        assertThat(new LinkedHashSet<>(byReader.values()))
                .as("both parties read one state of " + field + ": " + byReader)
                .hasSize(1);
        return byReader.values().iterator().next();
    }

    @Test
    void everyStateIsReachableAndBothPartiesReadTheSame() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Tokyo advance", null, null);
        Seen fresh = seenByBoth(session, "Hotel");
        assertThat(fresh.agreement()).isEqualTo(FieldAgreement.not_started);
        assertThat(fresh.waitsOn()).isEmpty();

        Row hotel = row(session, "Hotel");
        advancing.setValue(hotel.ours().fieldId(), hotel.ours().version(), "Thon");
        Seen proposed = seenByBoth(session, "Hotel");
        assertThat(proposed.agreement()).isEqualTo(FieldAgreement.waiting_for_promoter);
        assertThat(proposed.label()).isEqualTo("Waiting for the promoter");
        assertThat(proposed.waitsOn()).contains(Party.from_you);
        assertThat(proposed.ourStance()).isEqualTo(FieldStance.answered);
        assertThat(proposed.theirStance()).isEqualTo(FieldStance.open);

        fixtures.signIn(promoter);
        hotel = row(session, "Hotel");
        assertThat(hotel.acceptable(Party.from_you)).contains("Thon");
        advancing.setValue(hotel.theirs().fieldId(), hotel.theirs().version(), "Continental");
        Seen different = seenByBoth(session, "Hotel");
        assertThat(different.agreement()).isEqualTo(FieldAgreement.different);
        assertThat(different.waitsOn()).isEmpty();
        assertThat(different.ours()).isEqualTo("Thon");
        assertThat(different.theirs()).isEqualTo("Continental");

        fixtures.signIn(editor);
        hotel = row(session, "Hotel");
        advancing.decline(
                hotel.ours().fieldId(), hotel.ours().version(), hotel.theirs().version(), " Too far from the venue. ");
        Seen declinedByUs = seenByBoth(session, "Hotel");
        assertThat(declinedByUs.agreement()).isEqualTo(FieldAgreement.declined_by_artist_team);
        assertThat(declinedByUs.label()).isEqualTo("Declined by the artist team");
        assertThat(declinedByUs.waitsOn()).contains(Party.from_you);
        assertThat(declinedByUs.ours()).as("the decliner keeps its own answer").isEqualTo("Thon");
        assertThat(declinedByUs.ourStance()).isEqualTo(FieldStance.declined);
        assertThat(declinedByUs.ourDeclined()).isEqualTo("Continental");
        assertThat(declinedByUs.ourReason()).isEqualTo("Too far from the venue.");
        assertThat(declinedByUs.theirs()).as("the declined value stays theirs").isEqualTo("Continental");
        assertThat(declinedByUs.comments()).isEqualTo(1);
        fixtures.signIn(promoter);
        hotel = row(session, "Hotel");
        assertThat(hotel.declinable(Party.from_us)).as("declined already").isEmpty();
        assertThat(advancing.comments(hotel.theirs().fieldId()))
                .extracting(c -> c.author() + ": " + c.body())
                .containsExactly("Editor: Declined Continental: Too far from the venue.");

        // A new answer of the declined party clears the decline.
        advancing.setValue(hotel.theirs().fieldId(), hotel.theirs().version(), "Radisson");
        Seen answeredAgain = seenByBoth(session, "Hotel");
        assertThat(answeredAgain.agreement()).isEqualTo(FieldAgreement.different);
        assertThat(answeredAgain.theirs()).isEqualTo("Radisson");

        hotel = row(session, "Hotel");
        advancing.decline(
                hotel.theirs().fieldId(), hotel.theirs().version(), hotel.ours().version(), "Our guests stay at ours.");
        Seen declinedByThem = seenByBoth(session, "Hotel");
        assertThat(declinedByThem.agreement()).isEqualTo(FieldAgreement.declined_by_promoter);
        assertThat(declinedByThem.label()).isEqualTo("Declined by the promoter");
        assertThat(declinedByThem.waitsOn()).contains(Party.from_us);
        assertThat(declinedByThem.theirDeclined()).isEqualTo("Thon");
        assertThat(declinedByThem.theirReason()).isEqualTo("Our guests stay at ours.");

        fixtures.signIn(editor);
        hotel = row(session, "Hotel");
        assertThat(hotel.acceptable(Party.from_us)).contains("Radisson");
        advancing.accept(
                hotel.ours().fieldId(), hotel.ours().version(), hotel.theirs().version());
        Seen agreed = seenByBoth(session, "Hotel");
        assertThat(agreed.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(agreed.label()).isEqualTo("Agreed");
        assertThat(agreed.agreedValue()).isEqualTo("Radisson");
        assertThat(agreed.ours()).isEqualTo("Radisson");
        assertThat(agreed.ourStance()).isEqualTo(FieldStance.answered);
        // The promoter's row still remembers declining Thon, a value nobody holds any more: it counts as its answer.
        assertThat(agreed.theirDeclined()).isEqualTo("Thon");
        assertThat(agreed.waitsOn()).isEmpty();
        assertThat(row(session, "Hotel").ours().previousValue()).isEqualTo("Thon");
        assertThat(row(session, "Hotel").acceptable(Party.from_us)).isEmpty();
        assertThat(row(session, "Hotel").acceptable(Party.from_you)).isEmpty();

        fixtures.signIn(promoter);
        hotel = row(session, "Hotel");
        advancing.setValue(hotel.theirs().fieldId(), hotel.theirs().version(), "Radisson Blu");
        Seen changed = seenByBoth(session, "Hotel");
        assertThat(changed.agreement()).isEqualTo(FieldAgreement.changed_after_agreement);
        assertThat(changed.label()).isEqualTo("Changed after agreement");
        assertThat(changed.agreedValue())
                .as("the agreed value outlives the change")
                .isEqualTo("Radisson");
        assertThat(changed.waitsOn())
                .as("the party still holding the agreed value")
                .contains(Party.from_us);

        fixtures.signIn(editor);
        hotel = row(session, "Hotel");
        advancing.accept(
                hotel.ours().fieldId(), hotel.ours().version(), hotel.theirs().version());
        Seen reagreed = seenByBoth(session, "Hotel");
        assertThat(reagreed.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(reagreed.agreedValue()).isEqualTo("Radisson Blu");

        fixtures.signIn(promoter);
        Row parking = row(session, "Parking");
        advancing.setValue(parking.theirs().fieldId(), parking.theirs().version(), "Behind the venue");
        Seen theirsFirst = seenByBoth(session, "Parking");
        assertThat(theirsFirst.agreement()).isEqualTo(FieldAgreement.waiting_for_artist_team);
        assertThat(theirsFirst.label()).isEqualTo("Waiting for the artist team");
        assertThat(theirsFirst.waitsOn()).contains(Party.from_us);

        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(distinct agreement) from advancing_fields where session_id = ?",
                                Integer.class,
                                session))
                .as("Hotel agreed, Parking waiting for the artist team, the rest not started")
                .isEqualTo(3);
    }

    @Test
    void agreedOnlyWhenBothSidesHoldOneAndTheSameValue() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        for (String[] answer :
                new String[][] {{"Guest list spots", "20"}, {"Hotel", "Thon"}, {"Load-in", "14:00"}, {"Curfew", "23:00"}
                }) {
            Row r = row(session, answer[0]);
            advancing.setValue(r.ours().fieldId(), r.ours().version(), answer[1]);
        }
        fixtures.signIn(promoter);
        for (String[] answer :
                new String[][] {{"Guest list spots", " 20.0 "}, {"Hotel", "thon"}, {"Load-in", "14:00"}}) {
            Row r = row(session, answer[0]);
            advancing.setValue(r.theirs().fieldId(), r.theirs().version(), answer[1]);
        }
        // Typed independently, without accepting: the same value is agreement; jsonb's equality, 20.0 is 20.
        assertThat(seenByBoth(session, "Guest list spots").agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(seenByBoth(session, "Load-in").agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(seenByBoth(session, "Hotel").agreement()).isEqualTo(FieldAgreement.different);
        assertThat(seenByBoth(session, "Curfew").agreement()).isEqualTo(FieldAgreement.waiting_for_promoter);
        assertThat(seenByBoth(session, "Payment terms").agreement()).isEqualTo(FieldAgreement.not_started);

        // One side blanking an agreed value moves away from it: no longer agreed, the agreed value kept.
        fixtures.signIn(editor);
        Row loadIn = row(session, "Load-in");
        advancing.setValue(loadIn.ours().fieldId(), loadIn.ours().version(), " ");
        Seen blanked = seenByBoth(session, "Load-in");
        assertThat(blanked.agreement()).isEqualTo(FieldAgreement.changed_after_agreement);
        assertThat(blanked.agreedValue()).isEqualTo("14:00");
        assertThat(blanked.ours()).isNull();
        assertThat(blanked.ourStance()).isEqualTo(FieldStance.open);
        assertThat(blanked.waitsOn()).contains(Party.from_you);
        assertThat(advancing.sessions(show)).singleElement().satisfies(s -> {
            assertThat(s.fields()).isEqualTo(AdvancingTemplate.DEFAULT.fields().size());
            assertThat(s.agreed()).isEqualTo(1);
        });
    }

    @Test
    void acceptingTakesTheOtherSidesValueAsSeenAndOnlyForOnesOwnSide() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row hotel = row(session, "Hotel");
        assertThatThrownBy(() -> advancing.accept(
                        hotel.ours().fieldId(),
                        hotel.ours().version(),
                        hotel.theirs().version()))
                .isInstanceOf(Refusal.class)
                .hasMessage("There is no value to accept yet.");
        fixtures.signIn(promoter);
        advancing.setValue(hotel.theirs().fieldId(), hotel.theirs().version(), "Continental");
        Row offered = row(session, "Hotel");
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> advancing.accept(
                        offered.ours().fieldId(),
                        offered.ours().version(),
                        offered.theirs().version()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Your role in this organization is viewer: you can read, not change.");
        for (UUID reader : List.of(promoterViewer, promoter)) {
            fixtures.signIn(reader);
            assertThatThrownBy(() -> advancing.accept(
                            offered.ours().fieldId(),
                            offered.ours().version(),
                            offered.theirs().version()))
                    .as("accepting for the artist team as " + reader)
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Only the artist team answers for the artist team.");
        }
        fixtures.signIn(editor);
        assertThatThrownBy(() -> advancing.accept(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the promoter's team answers for the promoter.");
        // The promoter changed the offer after the editor looked: accepting what they saw is refused.
        fixtures.signIn(promoter);
        advancing.setValue(offered.theirs().fieldId(), offered.theirs().version(), "Radisson");
        fixtures.signIn(editor);
        assertThatThrownBy(() -> advancing.accept(
                        offered.ours().fieldId(),
                        offered.ours().version(),
                        offered.theirs().version()))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(seenByBoth(session, "Hotel").ours()).isNull();
        Row now = row(session, "Hotel");
        advancing.accept(
                now.ours().fieldId(), now.ours().version(), now.theirs().version());
        Seen agreed = seenByBoth(session, "Hotel");
        assertThat(agreed.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(agreed.ours()).isEqualTo("Radisson");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action || ' ' || (details->>'party') || ' ' || coalesce(details->>'value', '-') from activity_log where resource_id = ? order by created_at",
                                String.class,
                                now.ours().fieldId()))
                .containsExactly("advancing.accepted Artist team Radisson");
    }

    @Test
    void aDeclineNeedsAReasonIsACommentAndAnsweringAgainClearsIt() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row catering = row(session, "Catering");
        advancing.setValue(catering.ours().fieldId(), catering.ours().version(), "Vegan for six");
        fixtures.signIn(promoter);
        Row offered = row(session, "Catering");
        assertThatThrownBy(() -> advancing.decline(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version(),
                        " "))
                .isInstanceOf(Refusal.class)
                .hasMessage("Say why you decline: the other team reads it.");
        assertThatThrownBy(() -> advancing.decline(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version(),
                        null))
                .hasMessage("Say why you decline: the other team reads it.");
        assertThatThrownBy(() -> advancing.decline(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version(),
                        "x".repeat(4001)))
                .isInstanceOf(Refusal.class);
        Row parking = row(session, "Parking");
        assertThatThrownBy(() -> advancing.decline(
                        parking.theirs().fieldId(),
                        parking.theirs().version(),
                        parking.ours().version(),
                        "No."))
                .isInstanceOf(Refusal.class)
                .hasMessage("There is no value to decline yet.");
        fixtures.signIn(promoterViewer);
        assertThatThrownBy(() -> advancing.decline(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version(),
                        "No."))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> advancing.decline(
                        offered.ours().fieldId(),
                        offered.ours().version(),
                        offered.theirs().version(),
                        "No."))
                .as("declining on the other party's behalf")
                .isInstanceOf(AccessDeniedException.class);
        // A stale view of the other side declines nothing and leaves no comment behind.
        assertThatThrownBy(() -> advancing.decline(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version() - 1,
                        "No."))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(seenByBoth(session, "Catering"))
                .satisfies(s -> assertThat(s.agreement()).isEqualTo(FieldAgreement.waiting_for_promoter))
                .satisfies(s -> assertThat(s.comments()).isZero());

        advancing.decline(
                offered.theirs().fieldId(),
                offered.theirs().version(),
                offered.ours().version(),
                "The kitchen closes at 18:00.\nCold buffet instead?");
        Seen declined = seenByBoth(session, "Catering");
        assertThat(declined.agreement()).isEqualTo(FieldAgreement.declined_by_promoter);
        assertThat(declined.theirs())
                .as("the decliner had no answer and gives none")
                .isNull();
        assertThat(declined.theirDeclined()).isEqualTo("Vegan for six");
        assertThat(declined.theirReason()).isEqualTo("The kitchen closes at 18:00.\nCold buffet instead?");
        assertThat(declined.comments()).isEqualTo(1);
        assertThat(advancing.comments(offered.ours().fieldId())).singleElement().satisfies(c -> {
            assertThat(c.author()).isEqualTo("Promoter");
            assertThat(c.body())
                    .isEqualTo("Declined Vegan for six: The kitchen closes at 18:00.\nCold buffet instead?");
            assertThat(c.mine()).isTrue();
        });

        // The artist team answers anew: the decline was about the old value, and the field waits on the promoter.
        fixtures.signIn(editor);
        Row again = row(session, "Catering");
        assertThat(again.declinable(Party.from_us)).isEmpty();
        advancing.setValue(again.ours().fieldId(), again.ours().version(), "Cold buffet for six");
        Seen cleared = seenByBoth(session, "Catering");
        assertThat(cleared.agreement()).isEqualTo(FieldAgreement.waiting_for_promoter);
        assertThat(cleared.waitsOn()).contains(Party.from_you);
        fixtures.signIn(promoter);
        Row cold = row(session, "Catering");
        assertThat(cold.declinable(Party.from_you)).contains("Cold buffet for six");
        advancing.accept(
                cold.theirs().fieldId(), cold.theirs().version(), cold.ours().version());
        Seen agreed = seenByBoth(session, "Catering");
        assertThat(agreed.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(agreed.theirStance()).isEqualTo(FieldStance.answered);
        assertThat(agreed.theirReason()).as("accepting withdraws one's decline").isNull();
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action || ' ' || (details->>'party') from activity_log where org_id = ? and action in ('advancing.declined', 'advancing.accepted') order by created_at",
                                String.class,
                                org))
                .containsExactly("advancing.declined Promoter", "advancing.accepted Promoter");
    }

    /**
     * Declining the value one holds oneself would say two contradictory things: the database would read the pair as
     * agreed while the decliner says no. Refused; one changes one's own answer instead.
     */
    @Test
    void oneCannotDeclineTheValueOneHoldsOneself() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row hotel = row(session, "Hotel");
        advancing.setValue(hotel.ours().fieldId(), hotel.ours().version(), "Thon");
        fixtures.signIn(promoter);
        Row offered = row(session, "Hotel");
        advancing.accept(
                offered.theirs().fieldId(),
                offered.theirs().version(),
                offered.ours().version());
        Row agreed = row(session, "Hotel");
        assertThat(agreed.declinable(Party.from_you)).isEmpty();
        assertThatThrownBy(() -> advancing.decline(
                        agreed.theirs().fieldId(),
                        agreed.theirs().version(),
                        agreed.ours().version(),
                        "Changed mind"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("change your own answer");
        Seen still = seenByBoth(session, "Hotel");
        assertThat(still.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(still.theirStance()).isEqualTo(FieldStance.answered);
        assertThat(still.comments()).isZero();
    }

    @Test
    void progressCountsAgreedFieldsOnly() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        List<Row> rows = advancing.rows(session);
        assertThat(rows).hasSize(AdvancingTemplate.DEFAULT.fields().size());
        assertThat(AdvancingRows.progress(rows)).first().satisfies(p -> {
            assertThat(p.section()).isEqualTo("Schedule");
            assertThat(p.agreed()).isZero();
            assertThat(p.total()).isEqualTo(5);
        });
        // Load-in agreed; Soundcheck answered on both sides but different; Doors declined; Set time changed after
        // agreement; Curfew waiting: one of five.
        answer(session, Party.from_us, "Load-in", "14:00");
        answer(session, Party.from_us, "Soundcheck", "16:00");
        answer(session, Party.from_us, "Doors", "18:00");
        answer(session, Party.from_us, "Set time", "20:00");
        answer(session, Party.from_us, "Curfew", "23:00");
        answer(session, Party.from_you, "Load-in", "14:00");
        answer(session, Party.from_you, "Soundcheck", "16:30");
        answer(session, Party.from_you, "Set time", "20:00");
        answer(session, Party.from_you, "Set time", "20:15");
        fixtures.signIn(promoter);
        Row doors = row(session, "Doors");
        advancing.decline(
                doors.theirs().fieldId(), doors.theirs().version(), doors.ours().version(), "Too early.");
        for (UUID reader : List.of(editor, promoter)) {
            fixtures.signIn(reader);
            assertThat(AdvancingRows.progress(advancing.rows(session)))
                    .first()
                    .satisfies(p -> assertThat(p.agreed() + " of " + p.total()).isEqualTo("1 of 5"));
            assertThat(advancing.sessions(show)).singleElement().satisfies(s -> {
                assertThat(s.agreed()).isEqualTo(1);
                assertThat(s.fields()).isEqualTo(rows.size());
            });
            assertThat(advancing.advance(session).rows())
                    .filteredOn(Row::agreed)
                    .extracting(Row::fieldName)
                    .containsExactly("Load-in");
        }
    }

    /** Answers one side of a field as that side's editor (the test's editor or promoter). */
    private void answer(UUID session, Party side, String field, String value) {
        fixtures.signIn(side == Party.from_us ? editor : promoter);
        Side s = row(session, field).side(side);
        advancing.setValue(s.fieldId(), s.version(), value);
    }

    // The show is the one source of its times ----------------------------------------------------------

    @Test
    void anAgreedDoorsAndSetTimeReachTheShowTheDaySheetAndEveryScreenInTheVenuesZone() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        answer(session, Party.from_us, "Doors", "18:30");
        fixtures.signIn(promoter);
        Row doors = row(session, "Doors");
        advancing.accept(
                doors.theirs().fieldId(), doors.theirs().version(), doors.ours().version());
        answer(session, Party.from_you, "Set time", "20:00");
        fixtures.signIn(editor);
        Row set = row(session, "Set time");
        advancing.accept(
                set.ours().fieldId(), set.ours().version(), set.theirs().version());
        answer(session, Party.from_us, "Load-in", "13:00");
        answer(session, Party.from_you, "Load-in", "13:00");

        assertTimes(session, LocalTime.of(18, 30), LocalTime.of(20, 0));
        assertThat(daySheet()).containsExactly("13:00 Load-in load_in", "18:30 Doors doors", "20:00 Set time set_time");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select to_char(doors_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || to_char(set_time at time zone 'UTC', 'HH24:MI') from shows where id = ?",
                                String.class,
                                show))
                .as("Tokyo is UTC+9")
                .isEqualTo("2026-12-01 09:30 11:00");

        // A change after agreement is only a proposal: the show and its day sheet keep the agreed time.
        fixtures.signIn(promoter);
        doors = row(session, "Doors");
        advancing.setValue(doors.theirs().fieldId(), doors.theirs().version(), "19:00");
        assertThat(seenByBoth(session, "Doors").agreement()).isEqualTo(FieldAgreement.changed_after_agreement);
        assertTimes(session, LocalTime.of(18, 30), LocalTime.of(20, 0));
        assertThat(daySheet()).contains("18:30 Doors doors");

        // Agreed again: the new time everywhere, the day sheet's item moved rather than duplicated.
        fixtures.signIn(editor);
        doors = row(session, "Doors");
        advancing.accept(
                doors.ours().fieldId(), doors.ours().version(), doors.theirs().version());
        assertTimes(session, LocalTime.of(19, 0), LocalTime.of(20, 0));
        assertThat(daySheet()).containsExactly("13:00 Load-in load_in", "19:00 Doors doors", "20:00 Set time set_time");
    }

    /** The show's doors and set time as every screen reads them: show page, shows list, advance, my shows. */
    private void assertTimes(UUID session, LocalTime doors, LocalTime setTime) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        try {
            fixtures.signIn(viewer);
            ShowDraft draft = shows.show(org, show).draft();
            assertThat(draft.doors() + " " + draft.setTime()).as("show page").isEqualTo(doors + " " + setTime);
            ShowRow line = shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 50)).stream()
                    .filter(r -> r.id().equals(show))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.doors() + " " + line.setTime() + " " + line.timezone())
                    .as("shows list")
                    .isEqualTo(doors + " " + setTime + " Asia/Tokyo");
            for (UUID reader : List.of(editor, promoter)) {
                fixtures.signIn(reader);
                AdvancingRows.ShowFacts facts = advancing.advance(session).show();
                assertThat(facts.doors() + " " + facts.setTime() + " " + facts.timezone())
                        .as("the advance's show facts for " + reader)
                        .isEqualTo(doors + " " + setTime + " Asia/Tokyo");
            }
            fixtures.signIn(promoter);
            assertThat(advancing.myShows()).singleElement().satisfies(g -> {
                assertThat(g.doors()).as("my shows").isEqualTo(doors);
                assertThat(g.timezone()).isEqualTo("Asia/Tokyo");
            });
        } finally {
            Fixtures.signIn((RoadbookUser) before.getPrincipal());
        }
    }

    /** The day sheet as the show page shows it, in the venue's zone. */
    private List<String> daySheet() {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        try {
            fixtures.signIn(viewer);
            return schedule.entries(org, show).stream()
                    .map(e -> e.starts() + " " + e.title() + " " + e.type())
                    .toList();
        } finally {
            Fixtures.signIn((RoadbookUser) before.getPrincipal());
        }
    }

    @Test
    void anAdvancedShowsTimesChangeInItsAdvanceOnly() {
        fixtures.owner()
                .update(
                        "update shows set doors_at = '2026-12-01 18:00 Asia/Tokyo', set_time = '2026-12-01 20:00 Asia/Tokyo' where id = ?",
                        show);
        fixtures.signIn(editor);
        advancing.createSession(org, show, "Advance", null, null);
        var details = shows.show(org, show);
        ShowDraft d = details.draft();
        ShowDraft later = new ShowDraft(
                d.artistId(),
                d.venueId(),
                d.date(),
                LocalTime.of(19, 0),
                d.setTime(),
                d.status(),
                d.title(),
                d.fee(),
                d.feeCurrency(),
                d.notes());
        assertThatThrownBy(() -> shows.updateShow(org, show, details.version(), later))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("agreed in its advance");
        ShowDraft renamed = new ShowDraft(
                d.artistId(),
                d.venueId(),
                d.date(),
                d.doors(),
                d.setTime(),
                d.status(),
                "Tokyo, second night",
                d.fee(),
                d.feeCurrency(),
                d.notes());
        shows.updateShow(org, show, details.version(), renamed);
        assertThat(shows.show(org, show).draft().doors()).isEqualTo(LocalTime.of(18, 0));
    }

    @Test
    void aNewAdvanceStartsFromTheShowsTimesAndIsNamedAfterTheShow() {
        fixtures.owner()
                .update(
                        "update shows set doors_at = '2026-12-01 18:00 Asia/Tokyo', set_time = '2026-12-01 20:30 Asia/Tokyo' where id = ?",
                        show);
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "  ", null, null);
        assertThat(advancing.advance(session).title()).isEqualTo("The Auroras at Zepp, Tokyo");
        assertThat(advancing.sessions(show))
                .singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("The Auroras at Zepp, Tokyo"));
        Seen doors = seenByBoth(session, "Doors");
        assertThat(doors.ours()).as("18:00 in Tokyo, not 09:00 UTC").isEqualTo("18:00");
        assertThat(doors.ourStance()).isEqualTo(FieldStance.answered);
        assertThat(doors.theirs()).isNull();
        assertThat(doors.agreement()).isEqualTo(FieldAgreement.waiting_for_promoter);
        assertThat(seenByBoth(session, "Set time").ours()).isEqualTo("20:30");
        assertThat(seenByBoth(session, "Load-in").agreement()).isEqualTo(FieldAgreement.not_started);
        assertThat(seenByBoth(session, "Curfew").ours()).isNull();

        // A show without artist or venue names the advance after its title; without times nothing is prefilled.
        UUID other = advancing.createSession(org, otherShow, null, null, null);
        assertThat(advancing.advance(other).title()).isEqualTo("Not granted");
        assertThat(row(other, "Doors").ours().value()).isNull();
        UUID named = advancing.createSession(org, show, "  Second advance ", null, null);
        assertThat(advancing.advance(named).title()).isEqualTo("Second advance");
        assertThatThrownBy(() -> advancing.createSession(org, show, "x".repeat(201), null, null))
                .isInstanceOf(Refusal.class);

        // Accepting the prefilled doors agrees the show's own time: the show stays as it was, and the day sheet, which
        // showed the show's times from the start, now holds the agreed doors (the set time is still the show's own).
        fixtures.signIn(promoter);
        Row prefilled = row(session, "Doors");
        advancing.accept(
                prefilled.theirs().fieldId(),
                prefilled.theirs().version(),
                prefilled.ours().version());
        assertThat(seenByBoth(session, "Doors").agreement()).isEqualTo(FieldAgreement.agreed);
        assertTimes(session, LocalTime.of(18, 0), LocalTime.of(20, 30));
        assertThat(daySheet()).containsExactly("18:00 Doors doors", "20:30 Set time set_time");
        fixtures.signIn(viewer);
        assertThat(schedule.entries(org, show))
                .extracting(e -> e.title() + " " + e.fromAdvance() + " " + e.change())
                .containsExactly("Doors true null", "Set time false Not yet agreed in the advance");
    }

    /**
     * An agreed time lands on the venue's clock as java.time resolves it: in the hour that repeats when clocks go back,
     * the earlier instant; in the hour that is skipped, the offset before the gap; without a venue, UTC.
     */
    @Test
    void agreedTimesFollowTheVenuesClockAcrossDaylightSavingChanges() {
        UUID oslo = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, timezone) values (?, 'Rockefeller', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        UUID fallBack = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, '2026-10-25', 'Fall back') returning id",
                        UUID.class,
                        org,
                        oslo);
        UUID springForward = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, '2026-03-29', 'Spring forward') returning id",
                        UUID.class,
                        org,
                        oslo);
        UUID noVenue = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, '2026-10-25', 'Nowhere') returning id",
                        UUID.class,
                        org);
        for (UUID s : List.of(fallBack, springForward, noVenue)) {
            grant(s, promoter, "promoter_editor");
            fixtures.signIn(editor);
            UUID session = advancing.createSession(org, s, "Advance", null, null);
            answer(session, Party.from_us, "Load-in", "02:30");
            answer(session, Party.from_you, "Load-in", "02:30");
        }
        ZoneId osloZone = ZoneId.of("Europe/Oslo");
        assertThat(scheduled(fallBack))
                .containsExactly("Load-in " + instant(ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, osloZone)))
                .containsExactly("Load-in 2026-10-25T00:30Z");
        assertThat(scheduled(springForward))
                .containsExactly("Load-in " + instant(ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, osloZone)))
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

    // Who may do what (service) ----------------------------------------------------------------------------

    @Test
    void viewersOfEitherSideReadOnlyAndStrangersSeeNothing() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        UUID hidden = advancing.createSession(org, otherShow, "Other", null, null);
        Row deal = row(session, "Deal");
        advancing.setValue(deal.ours().fieldId(), deal.ours().version(), "Guarantee");
        Row offered = row(session, "Deal");
        fixtures.signIn(viewer);
        assertThat(advancing.rows(session)).isNotEmpty();
        assertThat(advancing.advance(session).can())
                .isEqualTo(new AdvancingExchange.Capabilities(Party.from_us, false, false, false, false, false, false));
        assertThatThrownBy(() -> advancing.setValue(
                        offered.ours().fieldId(), offered.ours().version(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.addComment(offered.ours().fieldId(), "hi"))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoterViewer);
        assertThat(advancing.rows(session)).isNotEmpty();
        assertThat(advancing.advance(session).can())
                .isEqualTo(
                        new AdvancingExchange.Capabilities(Party.from_you, false, false, false, false, false, false));
        assertThatThrownBy(() -> advancing.setValue(
                        offered.theirs().fieldId(), offered.theirs().version(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.accept(
                        offered.theirs().fieldId(),
                        offered.theirs().version(),
                        offered.ours().version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.rows(hidden)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(promoter);
        assertThat(advancing.advance(session).can())
                .isEqualTo(new AdvancingExchange.Capabilities(Party.from_you, false, true, true, false, false, false));
        assertThatThrownBy(() -> advancing.advance(hidden)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(editor);
        assertThat(advancing.advance(session).can())
                .isEqualTo(new AdvancingExchange.Capabilities(Party.from_us, true, false, true, true, false, false));
        fixtures.signIn(admin);
        assertThat(advancing.advance(session).can())
                .isEqualTo(new AdvancingExchange.Capabilities(Party.from_us, true, false, true, true, true, false));
        fixtures.signIn(fixtures.user("Stranger"));
        assertThatThrownBy(() -> advancing.rows(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> advancing.advance(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(advancing.myShows()).isEmpty();
        // Collaborators never see the fee or the internal notes: the shows table is closed to them.
        fixtures.signIn(promoter);
        assertThat(appSql(promoter, "select count(*) from shows where id = ?", show))
                .isZero();
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

    /**
     * The promoter accepts the artist team's doors while the artist team changes them: the acceptance lands on the
     * promoter's row, the change on the artist team's, two rows in two transactions. Whichever commits first, the
     * database must derive the pair from both committed answers, never call 20:00 against 19:00 agreed or write 19:00
     * through to the show. Done in SQL as the app role so the interleaving is exact: the artist team's change is
     * written but not committed when the acceptance arrives.
     */
    @Test
    void anAcceptanceRacingAChangeOfTheOtherSideNeverAgreesOnAValueOnlyOneSideHolds() throws Exception {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        answer(session, Party.from_us, "Doors", "19:00");
        Row doors = row(session, "Doors");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection change = dataSource.getConnection();
                Connection accept = dataSource.getConnection()) {
            change.setAutoCommit(false);
            accept.setAutoCommit(false);
            actAs(change, editor);
            update(
                    change,
                    "update advancing_fields set value = '\"20:00\"' where id = ?",
                    doors.ours().fieldId());
            actAs(accept, promoter);
            int acceptPid = pid(accept);
            Future<?> accepted = pool.submit(() -> {
                update(
                        accept,
                        "update advancing_fields set value = '\"19:00\"', stance = 'answered' where id = ?",
                        doors.theirs().fieldId());
                accept.commit();
                return null;
            });
            waitUntilBlocked(acceptPid, accepted);
            change.commit();
            accepted.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        Seen raced = seenByBoth(session, "Doors");
        assertThat(raced.ours() + " / " + raced.theirs()).isEqualTo("20:00 / 19:00");
        assertThat(raced.agreement()).isEqualTo(FieldAgreement.different);
        assertThat(raced.agreedValue()).isNull();
        assertThat(fixtures.owner()
                        .queryForObject("select doors_at is null from shows where id = ?", Boolean.class, show))
                .isTrue();
        assertThat(daySheet()).isEmpty();
    }

    /**
     * Both parties change their sides of one field at the very same moment, each transaction holding its own row when
     * it comes to derive the pair's agreement: PostgreSQL ends one of them (a deadlock). Whoever loses is told that
     * someone else changed the field meanwhile, never shown an error; the winner's change stands, and the pair is read
     * from both committed rows. The promoter's side is plain SQL (it locks its row first, then answers); the artist
     * team's is the service.
     */
    @Test
    void bothPartiesChangingOneFieldAtOnceNeverEndInAnErrorOrAWrongAgreement() throws Exception {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row doors = row(session, "Doors");
        RoadbookUser artistTeam = fixtures.account(editor);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        String promoterOutcome;
        Future<String> artistTeamOutcome;
        try (Connection theirs = dataSource.getConnection()) {
            theirs.setAutoCommit(false);
            actAs(theirs, promoter);
            update(
                    theirs,
                    "update advancing_fields set decline_reason = decline_reason where id = ?",
                    doors.theirs().fieldId());
            artistTeamOutcome = pool.submit(() -> {
                Fixtures.signIn(artistTeam);
                try {
                    advancing.setValue(doors.ours().fieldId(), doors.ours().version(), "19:00");
                    return "saved";
                } catch (ConcurrentChangeException raced) {
                    return "someone else changed it";
                } finally {
                    Fixtures.signOut();
                }
            });
            waitUntilAnyoneIsBlocked(pid(theirs), artistTeamOutcome);
            try {
                update(
                        theirs,
                        "update advancing_fields set value = '\"19:30\"', stance = 'answered' where id = ?",
                        doors.theirs().fieldId());
                theirs.commit();
                promoterOutcome = "saved";
            } catch (SQLException deadlock) {
                assertThat(deadlock.getSQLState()).isEqualTo("40P01");
                theirs.rollback();
                promoterOutcome = "deadlock";
            }
        } finally {
            pool.shutdown();
        }
        String outcome = promoterOutcome + ", " + artistTeamOutcome.get(30, TimeUnit.SECONDS);
        assertThat(outcome).isIn("saved, someone else changed it", "deadlock, saved");
        Seen after = seenByBoth(session, "Doors");
        assertThat(after.agreement())
                .isEqualTo(
                        outcome.startsWith("saved")
                                ? FieldAgreement.waiting_for_artist_team
                                : FieldAgreement.waiting_for_promoter);
        assertThat(after.ours() + " / " + after.theirs())
                .isEqualTo(outcome.startsWith("saved") ? "null / 19:30" : "19:00 / null");
    }

    /** Waits (no assertion on how long) until some backend other than {@code pid} waits for a lock. */
    private void waitUntilAnyoneIsBlocked(int pid, Future<?> work) throws Exception {
        for (int i = 0; i < 600 && !work.isDone(); i++) {
            Integer waiting = fixtures.owner()
                    .queryForObject("select count(*) from pg_locks where pid <> ? and not granted", Integer.class, pid);
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        if (work.isDone()) {
            work.get();
        }
        throw new AssertionError("the service never waited for the promoter's row");
    }

    private static void actAs(Connection c, UUID user) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("select set_config('app.user_id', ?, true)")) {
            set.setString(1, user.toString());
            set.execute();
        }
    }

    private static int update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            return st.executeUpdate();
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
        throw new AssertionError("the second transaction never waited for the first");
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
        assertThatThrownBy(() -> advancing.setValue(
                        guests.ours().fieldId(), guests.ours().version(), "1".repeat(501)))
                .isInstanceOf(Refusal.class);
        advancing.setValue(guests.ours().fieldId(), guests.ours().version(), "20");
        assertThat(row(session, "Guest list spots").ours().value()).isEqualTo("20");
        advancing.setValue(checkIn.ours().fieldId(), checkIn.ours().version(), "2026-11-30");
        assertThat(row(session, "Check-in date").ours().value()).isEqualTo("2026-11-30");
        assertThatThrownBy(() ->
                        advancing.accept(doors.ours().fieldId(), doors.ours().version(), 0))
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
    void typingWhatAnAgreedFieldAlreadySaysKeepsItAgreed() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        answer(session, Party.from_us, "Guest list spots", "20");
        answer(session, Party.from_you, "Guest list spots", "20");
        fixtures.signIn(editor);
        Row agreed = row(session, "Guest list spots");
        assertThat(agreed.agreement()).isEqualTo(FieldAgreement.agreed);
        // jsonb's equality, as the SQL's: 20.0 is the number 20.
        advancing.setValue(agreed.ours().fieldId(), agreed.ours().version(), " 20.0 ");
        Row same = row(session, "Guest list spots");
        assertThat(same.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(same.ours().value()).isEqualTo("20");
        assertThat(same.ours().previousValue()).isNull();
        assertThat(same.ours().version())
                .as("still a change someone made")
                .isEqualTo(agreed.ours().version() + 1);
        assertThat(same.ours().updatedBy()).isEqualTo("Editor");

        advancing.setValue(same.ours().fieldId(), same.ours().version(), "25");
        Row changed = row(session, "Guest list spots");
        assertThat(changed.agreement()).isEqualTo(FieldAgreement.changed_after_agreement);
        assertThat(changed.agreedValue()).isEqualTo("20");
        assertThat(changed.ours().value()).isEqualTo("25");
        assertThat(changed.ours().previousValue()).isEqualTo("20");
        assertThat(changed.waitsOn()).contains(Party.from_you);

        advancing.setValue(changed.ours().fieldId(), changed.ours().version(), "");
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
        answer(session, Party.from_you, "Hotel", "Continental");
        fixtures.signIn(editor);
        Row offered = row(session, "Hotel");
        assertThatThrownBy(() -> advancing.accept(
                        offered.ours().fieldId(),
                        hotel.ours().version(),
                        offered.theirs().version()))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> advancing.decline(
                        offered.ours().fieldId(),
                        hotel.ours().version(),
                        offered.theirs().version(),
                        "No."))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(row(session, "Hotel").ours().value()).isEqualTo("Thon");
        assertThat(row(session, "Hotel").comments()).isZero();
        assertThatThrownBy(() -> advancing.setValue(UUID.randomUUID(), 0, "x"))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such field.");
        assertThatThrownBy(() -> advancing.accept(UUID.randomUUID(), 0, 0))
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void everyChangeIsInTheActivityLogAndTheThreadHasBothSides() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row doors = row(session, "Doors");
        advancing.setValue(doors.ours().fieldId(), doors.ours().version(), "19:00");
        advancing.addComment(doors.ours().fieldId(), "  Ours first.  ");
        fixtures.signIn(promoter);
        advancing.addComment(doors.theirs().fieldId(), "Then theirs.");
        assertThatThrownBy(() -> advancing.addComment(doors.theirs().fieldId(), " "))
                .hasMessage("A comment is 1 to 4,000 characters.");
        Row offered = row(session, "Doors");
        advancing.decline(
                offered.theirs().fieldId(),
                offered.theirs().version(),
                offered.ours().version(),
                "Late.");
        advancing.setValue(offered.theirs().fieldId(), offered.theirs().version() + 1, "19:30");
        fixtures.signIn(promoterViewer);
        assertThatThrownBy(() -> advancing.addComment(doors.theirs().fieldId(), "Me too"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Your role can read comments but not add them.");
        assertThat(advancing.comments(doors.theirs().fieldId()))
                .extracting(c -> c.author() + ": " + c.body())
                .containsExactly("Editor: Ours first.", "Promoter: Then theirs.", "Promoter: Declined 19:00: Late.");
        fixtures.signIn(editor);
        Row proposed = row(session, "Doors");
        advancing.accept(
                proposed.ours().fieldId(),
                proposed.ours().version(),
                proposed.theirs().version());

        assertThat(fixtures.owner().queryForList("""
                select action || ' ' || coalesce(details->>'party', '-') || ' ' || (user_id = ?) from activity_log
                where org_id = ? and action like 'advancing.%' order by created_at, action""", String.class, editor, org))
                .containsExactly(
                        "advancing.session_created - true",
                        "advancing.value_changed Artist team true",
                        "advancing.commented - true",
                        "advancing.commented - false",
                        "advancing.declined Promoter false",
                        "advancing.value_changed Promoter false",
                        "advancing.accepted Artist team true");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select author_id from advancing_comments where field_id in (?, ?) order by created_at",
                                UUID.class,
                                doors.ours().fieldId(),
                                doors.theirs().fieldId()))
                .containsExactly(editor, promoter, promoter);
        assertThat(fixtures.owner()
                        .queryForObject("select created_by from advancing_sessions where id = ?", UUID.class, session))
                .isEqualTo(editor);
        assertThat(fixtures.owner()
                        .queryForList(
                                "select updated_by from advancing_fields where id in (?, ?) order by party_type",
                                UUID.class,
                                doors.ours().fieldId(),
                                doors.theirs().fieldId()))
                .containsExactly(editor, promoter);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select created_by from schedule_items where source_field_id = ?",
                                UUID.class,
                                doors.ours().fieldId()))
                .as("the day sheet's item was written by the agreement the editor completed")
                .isEqualTo(editor);
    }

    // Housekeeping: rename, close, reopen, delete; documents and comments ------------------------------------

    @Test
    void editorsRenameCloseAndReopenAndOnlyOwnersAndAdminsDelete() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        advancing.rename(session, "  Tokyo, final  ");
        assertThat(advancing.advance(session).title()).isEqualTo("Tokyo, final");
        assertThatThrownBy(() -> advancing.rename(session, " ")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> advancing.rename(session, "x".repeat(201))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> advancing.delete(session))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only owners and admins delete an advance.");
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> advancing.rename(session, "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.close(session)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> advancing.rename(session, "Mine")).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> advancing.close(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> advancing.delete(session)).isInstanceOf(OrgAccess.NotFoundException.class);

        fixtures.signIn(editor);
        advancing.close(session);
        assertThatThrownBy(() -> advancing.close(session)).isInstanceOf(Refusal.class);
        AdvancingExchange.Advance closed = advancing.advance(session);
        assertThat(closed.closed()).isTrue();
        assertThat(closed.can())
                .isEqualTo(new AdvancingExchange.Capabilities(Party.from_us, false, false, false, false, false, true));
        assertThat(advancing.sessions(show))
                .singleElement()
                .satisfies(s -> assertThat(s.closed()).isTrue());
        assertThat(fixtures.owner()
                        .queryForObject("select closed_by from advancing_sessions where id = ?", UUID.class, session))
                .isEqualTo(editor);
        fixtures.signIn(promoter);
        assertThat(advancing.advance(session).can())
                .as("nothing for the promoter while closed")
                .isEqualTo(
                        new AdvancingExchange.Capabilities(Party.from_you, false, false, false, false, false, false));
        assertThatThrownBy(() -> advancing.reopen(session)).isInstanceOf(OrgAccess.NotFoundException.class);

        fixtures.signIn(editor);
        advancing.reopen(session);
        assertThatThrownBy(() -> advancing.reopen(session))
                .isInstanceOf(Refusal.class)
                .hasMessage("This advance is open already.");
        assertThat(advancing.advance(session).closed()).isFalse();

        fixtures.signIn(admin);
        advancing.delete(session);
        assertThatThrownBy(() -> advancing.rows(session)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(advancing.sessions(show)).isEmpty();
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from advancing_fields where session_id = ?", Integer.class, session))
                .isZero();

        assertThat(fixtures.owner()
                        .queryForList(
                                "select action || ' ' || coalesce(details->>'title', '-') || ' ' || (details->>'show_id' = ?) || ' ' || (select display_name from app_users u where u.id = user_id) from activity_log where resource_id = ? order by created_at",
                                String.class,
                                show.toString(),
                                session))
                .containsExactly(
                        "advancing.session_created - true Editor",
                        "advancing.session_renamed Tokyo, final true Editor",
                        "advancing.session_closed - true Editor",
                        "advancing.session_reopened - true Editor",
                        "advancing.session_deleted Tokyo, final true Admin");
    }

    @Test
    void nothingChangesInAClosedAdvanceUntilItIsReopened() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        answer(session, Party.from_us, "Hotel", "Thon");
        UUID ourFile = documents.upload(session, Party.from_us, "rider.pdf", new byte[] {1});
        fixtures.signIn(promoter);
        Row hotel = row(session, "Hotel");
        UUID comment = advancing.addComment(hotel.theirs().fieldId(), "Let me check.");
        UUID theirFile = documents.upload(session, Party.from_you, "plot.pdf", new byte[] {2});
        fixtures.signIn(editor);
        advancing.close(session);

        String closed = "This advance is closed: an editor of the artist team can reopen it.";
        assertThatThrownBy(() ->
                        advancing.setValue(hotel.ours().fieldId(), hotel.ours().version(), "Continental"))
                .hasMessage(closed);
        assertThatThrownBy(() -> advancing.addComment(hotel.ours().fieldId(), "Hi"))
                .hasMessage(closed);
        assertThatThrownBy(() -> advancing.rename(session, "Renamed")).hasMessage(closed);
        assertThatThrownBy(() -> documents.upload(session, Party.from_us, "more.pdf", new byte[] {1}))
                .hasMessage(closed);
        assertThatThrownBy(() -> documents.remove(ourFile)).hasMessage(closed);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> advancing.accept(
                        hotel.theirs().fieldId(),
                        hotel.theirs().version(),
                        hotel.ours().version()))
                .hasMessage(closed);
        assertThatThrownBy(() -> advancing.decline(
                        hotel.theirs().fieldId(),
                        hotel.theirs().version(),
                        hotel.ours().version(),
                        "No"))
                .hasMessage(closed);
        assertThatThrownBy(() -> advancing.deleteComment(comment)).hasMessage(closed);
        assertThatThrownBy(() -> documents.remove(theirFile)).hasMessage(closed);
        assertThat(advancing.comments(hotel.theirs().fieldId())).hasSize(1);
        assertThat(documents.list(session)).hasSize(2);

        fixtures.signIn(editor);
        advancing.reopen(session);
        fixtures.signIn(promoter);
        advancing.accept(
                hotel.theirs().fieldId(), hotel.theirs().version(), hotel.ours().version());
        assertThat(seenByBoth(session, "Hotel").agreement()).isEqualTo(FieldAgreement.agreed);
    }

    @Test
    void eachPartyRemovesItsOwnDocumentsOnly() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        UUID ours = documents.upload(session, Party.from_us, "rider.pdf", new byte[] {1});
        fixtures.signIn(promoter);
        UUID theirs = documents.upload(session, Party.from_you, "plot.pdf", new byte[] {2});
        assertThatThrownBy(() -> documents.remove(ours))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the artist team removes its own documents.");
        fixtures.signIn(promoterViewer);
        assertThatThrownBy(() -> documents.remove(theirs)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> documents.remove(ours)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(editor);
        assertThatThrownBy(() -> documents.remove(theirs))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the promoter's team removes its own documents.");
        assertThatThrownBy(() -> documents.remove(UUID.randomUUID())).isInstanceOf(OrgAccess.NotFoundException.class);
        documents.remove(ours);
        fixtures.signIn(promoter);
        documents.remove(theirs);
        assertThat(documents.list(session)).isEmpty();
        assertThatThrownBy(() -> documents.download(theirs)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action || ' ' || (details->>'party') || ' ' || (details->>'name') || ' ' || (user_id = ?) from activity_log where org_id = ? and action = 'advancing.document_removed' order by created_at",
                                String.class,
                                editor,
                                org))
                .containsExactly(
                        "advancing.document_removed Artist team rider.pdf true",
                        "advancing.document_removed Promoter plot.pdf false");
    }

    @Test
    void oneDeletesOnesOwnCommentsOnly() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        Row hotel = row(session, "Hotel");
        UUID ours = advancing.addComment(hotel.ours().fieldId(), "Ours.");
        fixtures.signIn(promoter);
        UUID theirs = advancing.addComment(hotel.theirs().fieldId(), "Theirs.");
        assertThat(advancing.comments(hotel.ours().fieldId()))
                .extracting(c -> c.body() + " " + c.mine())
                .containsExactly("Ours. false", "Theirs. true");
        assertThatThrownBy(() -> advancing.deleteComment(ours))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("You can delete your own comments only.");
        fixtures.signIn(owner);
        assertThatThrownBy(() -> advancing.deleteComment(theirs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advancing.deleteComment(UUID.randomUUID()))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(promoter);
        advancing.deleteComment(theirs);
        assertThat(advancing.comments(hotel.theirs().fieldId()))
                .extracting(AdvancingRows.Comment::body)
                .containsExactly("Ours.");
        assertThat(row(session, "Hotel").comments()).isEqualTo(1);
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action || ' ' || (details->>'party') from activity_log where org_id = ? and action = 'advancing.comment_deleted'",
                                String.class,
                                org))
                .containsExactly("advancing.comment_deleted Promoter");
    }

    // What the database itself refuses (plain SQL as the application role) ----------------------------------

    @Test
    void theDatabaseLetsEachPartyAnswerAcceptAndDeclineForItselfOnly() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        answer(session, Party.from_us, "Doors", "18:00");
        answer(session, Party.from_you, "Hotel", "Continental");
        fixtures.signIn(editor);
        Row doors = row(session, "Doors");
        Row hotel = row(session, "Hotel");
        UUID ourDoors = doors.ours().fieldId(), theirDoors = doors.theirs().fieldId();
        UUID ourHotel = hotel.ours().fieldId(), theirHotel = hotel.theirs().fieldId();

        // The promoter's editor: never the artist team's row, never the agreement.
        for (String change : List.of(
                "value = '\"19:00\"'",
                "stance = 'answered'",
                "stance = 'declined', declined_value = '\"Continental\"', decline_reason = 'No'")) {
            assertThat(sql(promoter, "update advancing_fields set " + change + " where id = ?", ourHotel))
                    .as("promoter: " + change + " on the artist team's row")
                    .isIn("0 rows", "refused: only the artist team answers for the artist team");
        }
        for (String change : List.of("agreement = 'agreed'", "agreed_value = '\"18:00\"'", "agreed_at = now()")) {
            assertThat(sql(promoter, "update advancing_fields set " + change + " where id = ?", theirDoors))
                    .as("promoter: " + change)
                    .isEqualTo("refused: only the database records an agreement");
        }
        // The artist team's editors: never the promoter's row (value or stance), never the agreement.
        for (UUID member : List.of(editor, owner)) {
            for (String change : List.of(
                    "value = '\"18:00\"'",
                    "stance = 'answered'",
                    "stance = 'declined', declined_value = '\"18:00\"', decline_reason = 'No'",
                    "previous_value = '\"x\"'")) {
                assertThat(sql(member, "update advancing_fields set " + change + " where id = ?", theirDoors))
                        .as("artist team: " + change + " on the promoter's row")
                        .isEqualTo("refused: only the promoter team answers for the promoter");
            }
            assertThat(sql(member, "update advancing_fields set agreement = 'agreed' where id = ?", ourDoors))
                    .isEqualTo("refused: only the database records an agreement");
            assertThat(sql(member, "update advancing_fields set agreed_value = value where id = ?", ourDoors))
                    .isEqualTo("refused: only the database records an agreement");
        }
        // Viewers of either side change nothing.
        assertThat(sql(viewer, "update advancing_fields set value = '\"x\"' where id = ?", ourHotel))
                .isIn("0 rows", "refused: only the artist team answers for the artist team");
        assertThat(sql(promoterViewer, "update advancing_fields set value = '\"x\"' where id = ?", theirHotel))
                .isIn("0 rows", "refused: only the promoter team answers for the promoter");
        // Nobody inserts a field born agreed or declined.
        assertThat(sql(
                        editor,
                        "insert into advancing_fields (org_id, session_id, section, field_name, party_type, created_by, agreement) values (?, ?, 'S', 'New', 'from_us', current_app_user_id(), 'agreed')",
                        org,
                        session))
                .isEqualTo("refused: only the database records an agreement");
        assertThat(sql(
                        editor,
                        "insert into advancing_fields (org_id, session_id, section, field_name, party_type, created_by, stance, declined_value, decline_reason) values (?, ?, 'S', 'New', 'from_us', current_app_user_id(), 'declined', '\"x\"', 'No')",
                        org,
                        session))
                .isEqualTo("refused: only the database records an agreement");
        assertThat(seenByBoth(session, "Hotel").agreement()).isEqualTo(FieldAgreement.waiting_for_artist_team);
        assertThat(seenByBoth(session, "Doors").agreement()).isEqualTo(FieldAgreement.waiting_for_promoter);

        // Each party for itself: the promoter declines our doors, then accepts them; the artist team accepts the hotel.
        assertThat(sql(
                        promoter,
                        "update advancing_fields set stance = 'declined', declined_value = '\"18:00\"', decline_reason = 'Too early' where id = ?",
                        theirDoors))
                .isEqualTo("1 row");
        assertThat(seenByBoth(session, "Doors").agreement()).isEqualTo(FieldAgreement.declined_by_promoter);
        assertThat(sql(
                        promoter,
                        "update advancing_fields set value = '\"18:00\"', stance = 'answered', declined_value = null, decline_reason = null where id = ?",
                        theirDoors))
                .isEqualTo("1 row");
        assertThat(sql(
                        editor,
                        "update advancing_fields set value = '\"Continental\"', stance = 'answered' where id = ?",
                        ourHotel))
                .isEqualTo("1 row");
        assertThat(seenByBoth(session, "Hotel").agreement()).isEqualTo(FieldAgreement.agreed);
        // The promoter's acceptance completed an agreement that writes to rows the promoter may not write.
        Seen agreedDoors = seenByBoth(session, "Doors");
        assertThat(agreedDoors.agreement()).isEqualTo(FieldAgreement.agreed);
        assertThat(agreedDoors.agreedValue()).isEqualTo("18:00");
        fixtures.signIn(editor);
        assertTimes(session, LocalTime.of(18, 0), null);
        assertThat(daySheet()).containsExactly("18:00 Doors doors");
        assertThat(sql(promoter, "update shows set doors_at = now() where id = ?", show))
                .isEqualTo("0 rows");
        // A party declining the very value it holds itself is read as the decline it says, never as agreement.
        assertThat(sql(
                        editor,
                        "update advancing_fields set stance = 'declined', declined_value = '\"Continental\"', decline_reason = 'No' where id = ?",
                        ourHotel))
                .isEqualTo("1 row");
        Seen contradictory = seenByBoth(session, "Hotel");
        assertThat(contradictory.agreement()).isEqualTo(FieldAgreement.declined_by_artist_team);
        assertThat(contradictory.agreedValue()).isEqualTo("Continental");
        assertThat(sql(promoter, "update schedule_items set title = 'Mine' where show_id = ?", show))
                .isEqualTo("0 rows");
    }

    @Test
    void theDatabaseKeepsAClosedAdvanceAsItIs() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        answer(session, Party.from_us, "Hotel", "Thon");
        fixtures.signIn(editor);
        UUID ourDoc = documents.upload(session, Party.from_us, "rider.pdf", new byte[] {1});
        fixtures.signIn(promoter);
        Row hotel = row(session, "Hotel");
        UUID comment = advancing.addComment(hotel.theirs().fieldId(), "Hm.");
        fixtures.signIn(editor);
        advancing.close(session);

        String closed = "refused: this advance is closed";
        assertThat(sql(
                        editor,
                        "update advancing_fields set value = '\"Continental\"' where id = ?",
                        hotel.ours().fieldId()))
                .isEqualTo(closed);
        assertThat(sql(
                        owner,
                        "update advancing_fields set stance = 'open' where id = ?",
                        hotel.ours().fieldId()))
                .isEqualTo(closed);
        assertThat(sql(
                        promoter,
                        "update advancing_fields set value = '\"Thon\"', stance = 'answered' where id = ?",
                        hotel.theirs().fieldId()))
                .isEqualTo(closed);
        assertThat(sql(editor, "update advancing_sessions set title = 'Renamed' where id = ?", session))
                .isEqualTo(closed);
        assertThat(sql(owner, "update advancing_sessions set expires_at = now() where id = ?", session))
                .isEqualTo(closed);
        assertThat(sql(
                        editor,
                        "insert into advancing_comments (org_id, field_id, author_id, body) values (?, ?, current_app_user_id(), 'Hi')",
                        org,
                        hotel.ours().fieldId()))
                .startsWith("refused: new row violates row-level security policy");
        assertThat(sql(promoter, "delete from advancing_comments where id = ?", comment))
                .isEqualTo("0 rows");
        assertThat(sql(promoter, "update advancing_comments set body = 'Edited' where id = ?", comment))
                .isEqualTo("0 rows");
        assertThat(sql(
                        editor,
                        "delete from advancing_fields where id = ?",
                        hotel.ours().fieldId()))
                .isEqualTo("0 rows");
        assertThat(sql(
                        editor,
                        "insert into advancing_fields (org_id, session_id, section, field_name, party_type, created_by) values (?, ?, 'S', 'New', 'from_us', current_app_user_id())",
                        org,
                        session))
                .startsWith("refused: new row violates row-level security policy");
        assertThat(sql(editor, "delete from files where id = ?", ourDoc)).isEqualTo("0 rows");
        assertThat(sql(
                        editor,
                        "update advancing_documents set label = 'Renamed' where id = (select document_id from files where id = ?)",
                        ourDoc))
                .isEqualTo("0 rows");
        assertThat(sql(
                        promoter,
                        "insert into advancing_documents (org_id, session_id, party_type, label) values (?, ?, 'from_you', 'More')",
                        org,
                        session))
                .startsWith("refused: new row violates row-level security policy");
        assertThat(sql(promoter, "update advancing_sessions set closed_at = null where id = ?", session))
                .as("reopening is the artist team's")
                .isEqualTo("0 rows");
        assertThat(sql(
                        editor,
                        "update advancing_sessions set closed_at = null, closed_by = null where id = ?",
                        session))
                .isEqualTo("1 row");
        assertThat(sql(
                        editor,
                        "update advancing_fields set value = '\"Continental\"' where id = ?",
                        hotel.ours().fieldId()))
                .isEqualTo("1 row");
        assertThat(sql(promoter, "delete from advancing_comments where id = ?", comment))
                .isEqualTo("1 row");
    }

    @Test
    void theDatabaseLetsOnlyOwnersAndAdminsDeleteAnAdvance() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        for (UUID nobody : List.of(editor, viewer, promoter, promoterViewer)) {
            assertThat(sql(nobody, "delete from advancing_sessions where id = ?", session))
                    .as("delete as " + nobody)
                    .isEqualTo("0 rows");
        }
        assertThat(sql(admin, "delete from advancing_sessions where id = ?", session))
                .isEqualTo("1 row");
        fixtures.signIn(editor);
        UUID another = advancing.createSession(org, show, "Advance", null, null);
        assertThat(sql(owner, "delete from advancing_sessions where id = ?", another))
                .isEqualTo("1 row");
    }

    @Test
    void theDatabaseLetsEachPartyRemoveItsOwnDocumentsAndCommentsOnly() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Advance", null, null);
        UUID ourFile = documents.upload(session, Party.from_us, "rider.pdf", new byte[] {1});
        Row hotel = row(session, "Hotel");
        UUID ourComment = advancing.addComment(hotel.ours().fieldId(), "Ours.");
        fixtures.signIn(promoter);
        UUID theirFile = documents.upload(session, Party.from_you, "plot.pdf", new byte[] {2});
        UUID theirComment = advancing.addComment(hotel.theirs().fieldId(), "Theirs.");
        UUID theirBox =
                fixtures.owner().queryForObject("select document_id from files where id = ?", UUID.class, theirFile);
        UUID ourBox =
                fixtures.owner().queryForObject("select document_id from files where id = ?", UUID.class, ourFile);

        assertThat(sql(promoter, "delete from files where id = ?", ourFile)).isEqualTo("0 rows");
        assertThat(sql(promoter, "delete from advancing_documents where id = ?", ourBox))
                .isEqualTo("0 rows");
        assertThat(sql(promoterViewer, "delete from files where id = ?", theirFile))
                .isEqualTo("0 rows");
        for (UUID member : List.of(editor, owner)) {
            assertThat(sql(member, "delete from files where id = ?", theirFile)).isEqualTo("0 rows");
            assertThat(sql(member, "delete from advancing_documents where id = ?", theirBox))
                    .isEqualTo("0 rows");
            assertThat(sql(member, "update advancing_documents set label = 'Ours now' where id = ?", theirBox))
                    .isEqualTo("0 rows");
            assertThat(sql(member, "delete from advancing_comments where id = ?", theirComment))
                    .isEqualTo("0 rows");
        }
        assertThat(sql(promoter, "delete from advancing_comments where id = ?", ourComment))
                .isEqualTo("0 rows");
        assertThat(sql(
                        promoter,
                        "insert into advancing_comments (org_id, field_id, author_id, body) values (?, ?, ?, 'In your name')",
                        org,
                        hotel.theirs().fieldId(),
                        editor))
                .startsWith("refused: new row violates row-level security policy");

        assertThat(sql(promoter, "delete from files where id = ?", theirFile)).isEqualTo("1 row");
        assertThat(sql(editor, "delete from files where id = ?", ourFile)).isEqualTo("1 row");
        assertThat(sql(promoter, "delete from advancing_comments where id = ?", theirComment))
                .isEqualTo("1 row");
        assertThat(sql(editor, "delete from advancing_comments where id = ?", ourComment))
                .isEqualTo("1 row");
    }

    /**
     * One statement as the application role with RLS on, acting as {@code user}, committed when the database takes
     * it: "n rows" it changed, or "refused: " and the database's first line of why.
     */
    private String sql(UUID user, String sql, Object... args) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        fixtures.signIn(user);
        try {
            return transactions.execute(status -> {
                int rows = new JdbcTemplate(dataSource).update(sql, args);
                return rows + (rows == 1 ? " row" : " rows");
            });
        } catch (DataAccessException refused) {
            String message = refused.getMostSpecificCause().getMessage();
            return "refused: " + message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
        } finally {
            if (before != null) {
                Fixtures.signIn((RoadbookUser) before.getPrincipal());
            } else {
                Fixtures.signOut();
            }
        }
    }

    /** One count as the application role with RLS on, acting as {@code user}. */
    private long appSql(UUID user, String sql, Object... args) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        fixtures.signIn(user);
        try {
            return transactions.execute(status -> new JdbcTemplate(dataSource).queryForObject(sql, Long.class, args));
        } finally {
            if (before != null) {
                Fixtures.signIn((RoadbookUser) before.getPrincipal());
            } else {
                Fixtures.signOut();
            }
        }
    }
}
