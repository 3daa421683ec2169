package app.roadbook.parsing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.parsing.Decision;
import app.roadbook.parsing.ParsedField;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox and review pages without a browser: paste, the highlighted spans, deciding and confirming. */
@RoadbookTest
class InboxViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    UUID org, editor;
    JdbcTemplate db;

    @BeforeEach
    void anOrgWithAVenue() {
        db = fixtures.owner();
        UUID owner = fixtures.user("Owner");
        org = fixtures.organization("Inbox View Co", owner);
        editor = fixtures.user("Editor");
        fixtures.member(org, editor, "editor");
        db.update(
                "insert into venues (org_id, name, city, country, timezone) values (?, 'Sentrum Scene', 'Oslo', 'NO', "
                        + "'Europe/Oslo')",
                org);
    }

    @Test
    void theEmptyInboxSaysWhatItIsFor() {
        fixtures.signIn(editor);
        InboxView view = navigate(InboxView.class);
        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getElement().getTextRecursively()).contains("Paste an offer or confirmation");
        assertThat(view.grid.isVisible()).isFalse();
        // No model endpoint is configured in the tests: the switch is not shown.
        assertThat(view.model.isVisible()).isFalse();
    }

    @Test
    void aPastedMailOpensItsReviewWithEverySpanMarkedAndConfirmsIntoADraftShow() {
        fixtures.signIn(editor);
        InboxView inbox = navigate(InboxView.class);
        test(inbox.paste).setValue("Confirmed: 2027-04-09\nVenue: Sentrum Scene\nDoors: 19:30\n");
        test(inbox.read).click();
        ReviewView review = (ReviewView) getCurrentView();
        assertThat(review.title.getText()).isEqualTo("Pasted text");
        assertThat($(Span.class, review.source).all().stream()
                        .filter(s -> s.hasClassName("parsed-span"))
                        .map(Span::getText))
                .contains("2027-04-09", "Sentrum Scene", "19:30");
        assertThat(review.values.getElement().getTextRecursively())
                .contains("Fri 9 Apr 2027")
                .contains("Matches venue Sentrum Scene")
                .contains("High confidence")
                .doesNotContain("SHOW_DATE");
        assertThat(review.confirm.getText()).isEqualTo("Create draft show");
        test(review.acceptRest).click();
        test(review.confirm).click();
        assertThat(db.queryForObject(
                        "select count(*) from shows where org_id = ? and date = '2027-04-09' and status = 'draft'",
                        Long.class,
                        org))
                .isEqualTo(1);
        assertThat(db.queryForObject(
                        "select count(*) from parsed_values where decision = ? and field = ? and org_id = ?",
                        Long.class,
                        Decision.ACCEPTED.stored(),
                        ParsedField.DOORS.name(),
                        org))
                .isEqualTo(1);
    }

    @Test
    void anEmptyPasteIsRefusedInWords() {
        fixtures.signIn(editor);
        InboxView inbox = navigate(InboxView.class);
        test(inbox.read).click();
        assertThat(getCurrentView()).isInstanceOf(InboxView.class);
        assertThat(db.queryForObject("select count(*) from parsed_emails where org_id = ?", Long.class, org))
                .isZero();
    }
}
