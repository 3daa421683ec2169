package app.roadbook.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.base.Refusal;
import app.roadbook.parsing.InboxRecords.Confirmation;
import app.roadbook.parsing.InboxRecords.Confirmed;
import app.roadbook.parsing.InboxRecords.Review;
import app.roadbook.parsing.InboxRecords.ValueLine;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** The parsing inbox through its service, as each role: paste, review, decide, confirm, and who sees what. */
@RoadbookTest
class ParsingInboxTest {

    static final String MAIL = """
            Hi team,

            happy to confirm the show on 2027-03-14.
            Venue: Sentrum Scene
            City: Oslo
            Doors: 19:00
            Set: 21:00
            Curfew: 23:00
            Fee: EUR 3500
            Promoter: Nordic Live AS
            Contact: Kari Nordmann
            Write to kari@nordiclive.example with questions.
            """;

    @Autowired
    ParsingInbox inbox;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    UUID owner, editor, viewer, promoter, org, otherOwner, otherOrg, venue, show;
    JdbcTemplate db;

    @BeforeEach
    void twoOrgs() {
        db = fixtures.owner();
        owner = fixtures.user("Owner");
        org = fixtures.organization("Inbox Co", owner);
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        venue = db.queryForObject(
                "insert into venues (org_id, name, city, country, timezone) values (?, 'Sentrum Scene', 'Oslo', 'NO', "
                        + "'Europe/Oslo') returning id",
                UUID.class,
                org);
        show = db.queryForObject(
                "insert into shows (org_id, venue_id, date) values (?, ?, current_date + 30) returning id",
                UUID.class,
                org,
                venue);
        promoter = fixtures.user("Promoter");
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                show,
                promoter,
                org);
        otherOwner = fixtures.user("Otherowner");
        otherOrg = fixtures.organization("Other Co", otherOwner);
    }

    UUID pasted() {
        fixtures.signIn(editor);
        return inbox.paste(org, MAIL);
    }

    ValueLine value(Review review, ParsedField field) {
        return review.values().stream()
                .filter(v -> v.field() == field)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPastedMailIsKeptWithEveryValueAndItsSpan() {
        UUID id = pasted();
        Review review = inbox.review(id);
        assertThat(review.status()).isEqualTo(ItemStatus.NEW);
        assertThat(review.via()).isEqualTo(ReceivedVia.PASTE);
        assertThat(review.text()).isEqualTo(MAIL);
        for (ValueLine v : review.values()) {
            assertThat(MAIL.substring(v.start(), v.end())).isEqualTo(v.source());
        }
        ValueLine venueValue = value(review, ParsedField.VENUE);
        assertThat(venueValue.source()).isEqualTo("Sentrum Scene");
        assertThat(venueValue.match()).isEqualTo("Matches venue Sentrum Scene");
        assertThat(value(review, ParsedField.FEE).readable()).isEqualTo("€3,500.00");
        assertThat(value(review, ParsedField.SHOW_DATE).readable()).isEqualTo("Sun 14 Mar 2027");
        assertThat(value(review, ParsedField.SHOW_DATE).confidence()).isEqualTo("High");
        assertThat(value(review, ParsedField.PROMOTER_COMPANY).confidence()).isEqualTo("Medium");
        // The original is in the files registry, for editors only.
        assertThat(review.sourceFileId()).isNotNull();
        assertThat(db.queryForObject("select visibility from files where id = ?", String.class, review.sourceFileId()))
                .isEqualTo("editors");
        // Nothing is written before confirmation.
        assertThat(db.queryForObject("select count(*) from shows where org_id = ?", Long.class, org))
                .isEqualTo(1);
        assertThat(inbox.inbox(org, null, 0, 10))
                .singleElement()
                .satisfies(l -> assertThat(l.summary()).isEqualTo("Sun 14 Mar 2027 · Sentrum Scene · €3,500.00"));
    }

    @Test
    void confirmingCreatesTheDraftShowFromKeptValuesOnlyAndLogsWhoAcceptedWhat() {
        UUID id = pasted();
        Review review = inbox.review(id);
        for (ValueLine v : review.values()) {
            Decision d = v.field() == ParsedField.CURFEW || v.field() == ParsedField.PROMOTER_COMPANY
                    ? Decision.DROPPED
                    : Decision.ACCEPTED;
            inbox.decide(v.id(), v.version(), d, null);
        }
        ValueLine fee = value(inbox.review(id), ParsedField.FEE);
        inbox.decide(fee.id(), fee.version(), Decision.EDITED, "eur 3600");

        Confirmed confirmed = inbox.confirm(id, Confirmation.PLAIN);

        assertThat(confirmed.created()).isTrue();
        Map<String, Object> made = db.queryForMap(
                "select date, status::text as status, venue_id, fee, fee_currency, notes from shows where id = ?",
                confirmed.showId());
        assertThat(made.get("date").toString()).isEqualTo("2027-03-14");
        assertThat(made.get("status")).isEqualTo("draft");
        assertThat(made.get("venue_id")).isEqualTo(venue);
        assertThat(made.get("fee").toString()).isEqualTo("3600.00");
        assertThat(made.get("fee_currency")).isEqualTo("EUR");
        // Dropped values are never written, kept ones without a column go to the notes.
        assertThat((String) made.get("notes"))
                .contains("Promoter contact: Kari Nordmann")
                .doesNotContain("Curfew")
                .doesNotContain("Nordic Live");
        assertThat(inbox.review(id).status()).isEqualTo(ItemStatus.CONFIRMED);
        assertThat(inbox.review(id).showId()).isEqualTo(confirmed.showId());
        String details = db.queryForObject(
                "select details::text from activity_log where action = 'parsing.confirmed' and resource_id = ? "
                        + "and user_id = ?",
                String.class,
                id,
                editor);
        assertThat(details)
                .contains("Venue: Sentrum Scene")
                .contains("Fee: €3,600.00")
                .contains("Curfew");
        assertThat(db.queryForList("select distinct decided_by from parsed_values where email_id = ?", UUID.class, id))
                .containsExactly(editor);
        assertThatThrownBy(() -> inbox.confirm(id, Confirmation.PLAIN)).isInstanceOf(Refusal.class);
    }

    @Test
    void undecidedValuesStopConfirmation() {
        UUID id = pasted();
        assertThatThrownBy(() -> inbox.confirm(id, Confirmation.PLAIN))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("still undecided");
        assertThat(db.queryForObject("select count(*) from shows where org_id = ?", Long.class, org))
                .isEqualTo(1);
    }

    @Test
    void theMatchedShowIsUpdatedAndANewVenueAndContactAreMadeWhenAskedFor() {
        fixtures.signIn(editor);
        UUID id = inbox.paste(
                org,
                "Hi,\n\nwe would like to offer a show on 2027-05-02 at Rockefeller, Oslo, Norway.\nDoors 19:00.\n"
                        + "Fee: NOK 40 000 flat.\n\nBest regards,\nOla Hansen\nRock Promotions AS\nola@rock.example\n"
                        + "+47 22 00 00 00\n");
        Review review = inbox.review(id);
        assertThat(value(review, ParsedField.VENUE).match()).isEqualTo("New venue");
        assertThat(review.proposedZone()).isEqualTo("Europe/Oslo");
        inbox.acceptRest(id);
        Confirmed confirmed = inbox.confirm(id, new Confirmation(true, "Europe/Oslo", true));
        assertThat(confirmed.venueId()).isNotNull();
        assertThat(confirmed.contactId()).isNotNull();
        assertThat(db.queryForObject("select name from venues where id = ?", String.class, confirmed.venueId()))
                .isEqualTo("Rockefeller");
        assertThat(db.queryForObject(
                        "select email::text from contacts where id = ?", String.class, confirmed.contactId()))
                .isEqualTo("ola@rock.example");

        // A second mail about the same date and venue updates that show instead of making another.
        UUID again = inbox.paste(org, "Update: 2027-05-02\nVenue: Rockefeller\nFee: NOK 40000\n");
        inbox.acceptRest(again);
        Confirmed updated = inbox.confirm(again, Confirmation.PLAIN);
        assertThat(updated.created()).isFalse();
        assertThat(updated.showId()).isEqualTo(confirmed.showId());
        assertThat(db.queryForObject("select fee_currency from shows where id = ?", String.class, updated.showId()))
                .isEqualTo("NOK");
    }

    @Test
    void confirmingAnswersTheShowsOpenAdvanceForTheArtistTeamAndAgreesWhereThePromoterSaidTheSame() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Oslo advance", null, null);
        fixtures.signIn(promoter);
        AdvancingRows.Side theirs = advanceRow(session, "Doors").theirs();
        advancing.setValue(theirs.fieldId(), theirs.version(), "19:30");

        fixtures.signIn(editor);
        LocalDate date = db.queryForObject("select date from shows where id = ?", LocalDate.class, show);
        UUID id = inbox.paste(org, "Confirmation for " + date + "\nVenue: Sentrum Scene\nDoors 19:30\nCurfew 23:00\n");
        inbox.acceptRest(id);
        Confirmed confirmed = inbox.confirm(id, Confirmation.PLAIN);

        assertThat(confirmed.showId()).as("the show on that date and venue").isEqualTo(show);
        AdvancingRows.Row doors = advanceRow(session, "Doors");
        assertThat(doors.agreed()).as("the promoter had said 19:30 already").isTrue();
        assertThat(doors.agreedValue()).contains("19:30");
        AdvancingRows.Row curfew = advanceRow(session, "Curfew");
        assertThat(curfew.ours().value()).as("the artist team's answer").contains("23:00");
        assertThat(curfew.theirs().value()).as("never written for the promoter").isNull();
        assertThat(curfew.agreed()).isFalse();
    }

    private AdvancingRows.Row advanceRow(UUID session, String field) {
        return advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void onlyTheOrgsEditorsAndUpSeeAnItem() {
        UUID id = pasted();
        fixtures.signIn(owner);
        assertThat(inbox.review(id).title()).isEqualTo("Pasted text");
        for (UUID outsider : List.of(viewer, promoter, otherOwner)) {
            fixtures.signIn(outsider);
            assertThatThrownBy(() -> inbox.review(id)).isInstanceOf(app.roadbook.base.NotFoundException.class);
        }
        fixtures.signIn(otherOwner);
        assertThat(inbox.inbox(otherOrg, null, 0, 10)).isEmpty();
        assertThatThrownBy(() -> inbox.inbox(org, null, 0, 10)).isInstanceOf(app.roadbook.base.NotFoundException.class);
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> inbox.inbox(org, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.paste(org, MAIL)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> inbox.paste(org, MAIL)).isInstanceOf(app.roadbook.base.NotFoundException.class);
        // As the database sees it: a viewer reads neither the item, its values nor its source file.
        assertThat(countAs(viewer, "select count(*) from parsed_emails where id = '" + id + "'"))
                .isZero();
        assertThat(countAs(viewer, "select count(*) from parsed_values where email_id = '" + id + "'"))
                .isZero();
        assertThat(countAs(editor, "select count(*) from parsed_values where email_id = '" + id + "'"))
                .isPositive();
        assertThat(countAs(viewer, "select count(*) from files f join parsed_emails e on e.source_file_id = f.id"))
                .isZero();
    }

    long countAs(UUID user, String sql) {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        return ActingUser.callAs(user, () -> transactions.execute(s -> app.queryForObject(sql, Long.class)));
    }

    @Test
    void badInputGetsASentence() {
        fixtures.signIn(editor);
        assertThatThrownBy(() -> inbox.paste(org, "  ")).hasMessageContaining("Paste the text");
        assertThatThrownBy(() -> inbox.upload(org, "huge.pdf", new byte[ParsingInbox.MAX_UPLOAD_BYTES + 1]))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("larger than");
        UUID nothing = inbox.paste(org, "Thanks for the great show last night!");
        assertThat(inbox.review(nothing).values()).isEmpty();
        ValueLine date = value(inbox.review(pasted()), ParsedField.SHOW_DATE);
        assertThatThrownBy(() -> inbox.decide(date.id(), date.version(), Decision.EDITED, "14 March"))
                .hasMessage("Show date: enter a date like 2027-01-15.");
    }
}
