package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingDocuments;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.Party;
import app.roadbook.shows.ui.ShowView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The advance page as its readers use it, on the test's own organization: the artist team's owner, admin, editor
 * and viewer, the promoter's editor and viewer granted the show, and someone from another organization. The advance
 * is under way: one field agreed, one where the two values differ, two waiting for the artist team, one waiting for
 * the promoter.
 */
@RoadbookTest
class AdvanceViewTest extends SpringBrowserlessTest {

    static final int FIELDS = 19;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    AdvancingDocuments documents;

    UUID owner, admin, editor, viewer, promoter, promoterViewer, outsider, org, oslo, grant, session;

    @BeforeEach
    void anAdvanceUnderWay() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        promoterViewer = fixtures.user("Promoviewer");
        outsider = fixtures.user("Outsider");
        org = fixtures.organization("View Touring", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.organization("Elsewhere Artists", outsider);
        UUID venue = insert("""
                insert into venues (org_id, name, address, city, country, timezone)
                values (?, 'Rockefeller', 'Torggata 16', 'Oslo', 'NO', 'Europe/Oslo') returning id""", org);
        UUID artist = insert("insert into artists (org_id, name) values (?, 'The Aurora Lights') returning id", org);
        oslo = insert("""
                insert into shows (org_id, artist_id, venue_id, date, title, doors_at)
                values (?, ?, ?, date '2027-03-01', 'Oslo night', timestamptz '2027-03-01 19:00 Europe/Oslo') returning id""", org, artist, venue);
        UUID copenhagen = insert(
                "insert into shows (org_id, date, title) values (?, date '2027-03-03', 'Copenhagen night') returning id",
                org);
        grant = insert("""
                insert into show_collaborators (show_id, user_id, role, org_id)
                values (?, ?, 'promoter_editor', ?) returning id""", oslo, promoter, org);
        insert("""
                insert into show_collaborators (show_id, user_id, role, org_id)
                values (?, ?, 'promoter_editor', ?) returning id""", copenhagen, promoter, org);
        insert("""
                insert into show_collaborators (show_id, user_id, role, org_id)
                values (?, ?, 'promoter_viewer', ?) returning id""", oslo, promoterViewer, org);

        // The artist team's doors come from the show (19:00); it answers the load-in and the guest list.
        fixtures.signIn(editor);
        session = exchange.createSession(org, oslo, "Oslo advance", null, null);
        answer(Party.from_us, "Load-in", "14:00");
        answer(Party.from_us, "Guest list spots", "20");
        // The promoter agrees the load-in, wants the doors later, and offers a curfew and a hotel.
        fixtures.signIn(promoter);
        answer(Party.from_you, "Load-in", "14:00");
        answer(Party.from_you, "Doors", "19:30");
        answer(Party.from_you, "Curfew", "23:00");
        answer(Party.from_you, "Hotel", "Hotel Continental");
        Fixtures.signOut();
    }

    /** A row of test data, written as the schema owner; its id. */
    private UUID insert(String sql, Object... args) {
        return fixtures.owner().queryForObject(sql, UUID.class, args);
    }

    private Row row(String field) {
        return exchange.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    private void answer(Party party, String field, String value) {
        Side side = row(field).side(party);
        exchange.setValue(side.fieldId(), side.version(), value);
    }

    private AdvanceView open(UUID as) {
        fixtures.signIn(as);
        return navigate(AdvanceView.class, Map.of("sessionId", session.toString()));
    }

    private FieldCard card(AdvanceView view, String field) {
        return view.cards.stream()
                .filter(c -> c.row.fieldName().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + field));
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    /** The side labels of a card, in the order the reader sees them. */
    private List<String> labels(FieldCard card) {
        return $(Span.class, card).withClassName("side-label").all().stream()
                .map(Span::getText)
                .toList();
    }

    /** The uploads a part of the page offers (one per party the reader adds documents for). */
    private int uploads(Component root) {
        return $(Upload.class, root).all().size();
    }

    /** The buttons a part of the page offers (attached and visible; an upload counts on its own), by text. */
    private static List<String> buttons(Component root) {
        List<String> texts = new ArrayList<>();
        collectButtons(root, texts);
        return texts;
    }

    private static void collectButtons(Component component, List<String> texts) {
        if (component instanceof Text || component instanceof Upload || !component.isVisible()) {
            return;
        }
        if (component instanceof Button b) {
            texts.add(b.getText());
        }
        component.getChildren().forEach(c -> collectButtons(c, texts));
    }

    private String storedValue(String field, Party party) {
        return fixtures.owner()
                .queryForObject(
                        "select value #>> '{}' from advancing_fields where session_id = ? and field_name = ? and party_type = ?::party",
                        String.class,
                        session,
                        field,
                        party.name());
    }

    private String agreement(String field) {
        return fixtures.owner()
                .queryForObject(
                        "select agreement::text from advancing_fields where session_id = ? and field_name = ? and party_type = 'from_us'",
                        String.class,
                        session,
                        field);
    }

    private ConfirmDialog confirmation() {
        return $(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single();
    }

    // Reading the advance ----------------------------------------------------------------------------------

    @Test
    void theEditorReadsTheShowAndBothSidesNamedByParty() {
        AdvanceView view = open(editor);
        assertThat(view.title.getText()).isEqualTo("Oslo advance");
        assertThat(view.back.getText()).isEqualTo("← Show");
        assertThat(test(view.back).getHref()).isEqualTo("shows/" + oslo);
        assertThat(text(view.facts))
                .contains(
                        "The Aurora Lights",
                        LocalDate.of(2027, 3, 1).format(AdvanceView.DATE),
                        "Rockefeller, Torggata 16, Oslo, NO",
                        "Times are local to the venue (Europe/Oslo)",
                        "Doors 19:00")
                .doesNotContain("Advancing with");
        assertThat(text(view.progress)).contains("1 of " + FIELDS + " agreed", "Schedule: 1 of 5 agreed");
        assertThat(view.cards).hasSize(FIELDS);

        FieldCard doors = card(view, "Doors");
        assertThat(labels(doors)).containsExactly("Artist team", "Promoter");
        assertThat(text(doors)).contains("19:00", "19:30", "The two values differ");
        assertThat(text(card(view, "Load-in"))).contains("Agreed");
        assertThat(text(card(view, "Hotel"))).contains("Hotel Continental", "Waiting for the artist team");
        assertThat(text(card(view, "Guest list spots"))).contains("20", "Waiting for the promoter");
        assertThat(text(card(view, "Soundcheck"))).contains("Not started");

        assertThat(buttons(card(view, "Hotel"))).contains("Edit", "Accept Hotel Continental", "Decline", "Comments");
        assertThat(buttons(card(view, "Load-in")))
                .as("nothing to accept in an agreed field")
                .containsExactly("Edit", "Comments");
        assertThat(view.rename.isVisible()).isTrue();
        assertThat(view.close.isVisible()).isTrue();
        assertThat(view.reopen.isVisible()).isFalse();
        assertThat(view.delete.isVisible())
                .as("deleting an advance is for owners and admins")
                .isFalse();
    }

    @Test
    void thePromoterReadsTheirOwnSideAsTheirs() {
        AdvanceView view = open(promoter);
        assertThat(view.back.getText()).isEqualTo("← My shows");
        assertThat(test(view.back).getHref()).isEqualTo("my-shows");
        assertThat(text(view.facts)).contains("The Aurora Lights", "Rockefeller", "Advancing with View Touring");
        FieldCard doors = card(view, "Doors");
        assertThat(labels(doors)).containsExactly("Your side", "Artist team");
        assertThat(text(doors)).contains("The two values differ");
        assertThat(text(card(view, "Hotel"))).contains("Waiting for the artist team");
        assertThat(buttons(card(view, "Guest list spots"))).contains("Edit", "Accept 20", "Decline");
        assertThat(buttons(card(view, "Hotel")))
                .as("the promoter answered the hotel; it waits for the artist team")
                .containsExactly("Edit", "Comments");
        assertThat(view.rename.isVisible()).isFalse();
        assertThat(view.close.isVisible()).isFalse();
        assertThat(view.delete.isVisible()).isFalse();
    }

    @Test
    void viewersOfBothTeamsSeeNoActions() {
        for (UUID reader : List.of(viewer, promoterViewer)) {
            AdvanceView view = open(reader);
            assertThat(view.cards).hasSize(FIELDS);
            for (FieldCard card : view.cards) {
                assertThat(buttons(card)).as(card.row.fieldName()).containsExactly("Comments");
            }
            assertThat(buttons(view.documents)).isEmpty();
            assertThat(uploads(view.documents)).isZero();
            assertThat(List.of(view.rename, view.close, view.reopen, view.delete))
                    .noneMatch(Component::isVisible);
            test(card(view, "Hotel").comments).click();
            CommentsDialog comments =
                    $(CommentsDialog.class).withCondition(Dialog::isOpened).single();
            assertThat(comments.comment.isVisible()).isFalse();
            assertThat(comments.add.isVisible()).isFalse();
            comments.close();
        }
        assertThat(labels(card(open(promoterViewer), "Doors"))).containsExactly("Your side", "Artist team");
    }

    @Test
    void anotherOrgsAdvanceLooksMissing() {
        fixtures.signIn(outsider);
        navigate("advance/" + session, Component.class);
        assertThat($(AdvanceView.class).exists()).isFalse();
        String foreign = page();
        assertThat(foreign).startsWith("NotFoundView: Page not found");
        navigate("advance/" + UUID.randomUUID(), Component.class);
        assertThat(page()).isEqualTo(foreign);
        navigate("advance/not-an-id", Component.class);
        assertThat(page()).isEqualTo(foreign);
    }

    // Answering, accepting, declining --------------------------------------------------------------------

    @Test
    void theEditorAnswersInline() {
        AdvanceView view = open(editor);
        FieldCard soundcheck = card(view, "Soundcheck");
        test(soundcheck.edit).click();
        test($(Button.class, soundcheck).withText("Cancel").single()).click();
        assertThat(soundcheck.editor).isNull();
        // Edit again after a cancel: one save, no "changed by someone else".
        test(soundcheck.edit).click();
        test((TimePicker) soundcheck.editor).setValue(LocalTime.of(17, 0));
        test(soundcheck.save).click();
        assertThat($(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).exists())
                .as("no conflict dialog")
                .isFalse();
        assertThat(storedValue("Soundcheck", Party.from_us)).isEqualTo("17:00");
        assertThat(text(card(view, "Soundcheck"))).contains("17:00", "Waiting for the promoter");

        FieldCard hotel = card(view, "Hotel");
        test(hotel.edit).click();
        test((TextField) hotel.editor).setValue("Thon Hotel Opera");
        test(hotel.save).click();
        assertThat(storedValue("Hotel", Party.from_us)).isEqualTo("Thon Hotel Opera");
        assertThat(text(card(view, "Hotel")))
                .contains("Thon Hotel Opera", "Hotel Continental", "The two values differ");
    }

    @Test
    void theEditorAcceptsThePromotersValue() {
        AdvanceView view = open(editor);
        test(card(view, "Hotel").accept).click();
        assertThat(storedValue("Hotel", Party.from_us)).isEqualTo("Hotel Continental");
        assertThat(agreement("Hotel")).isEqualTo("agreed");
        FieldCard hotel = card(view, "Hotel");
        assertThat(text(hotel)).contains("Agreed");
        assertThat(buttons(hotel)).containsExactly("Edit", "Comments");
        assertThat(text(view.progress)).contains("2 of " + FIELDS + " agreed");
    }

    @Test
    void aDeclineNeedsAReasonAndBothTeamsReadIt() {
        AdvanceView view = open(editor);
        test(card(view, "Doors").decline).click();
        DeclineDialog dialog =
                $(DeclineDialog.class).withCondition(Dialog::isOpened).single();
        test(dialog.decline).click();
        assertThat(dialog.reason.isInvalid()).as("no reason, no decline").isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(agreement("Doors")).isEqualTo("different");

        test(dialog.reason).setValue("Doors are at 19:00 on the whole tour.");
        test(dialog.decline).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(agreement("Doors")).isEqualTo("declined_by_artist_team");
        FieldCard doors = card(view, "Doors");
        assertThat(text(doors))
                .contains("Declined by the artist team", "Reason: Doors are at 19:00 on the whole tour.");
        assertThat(buttons(doors)).as("declined already").containsExactly("Edit", "Accept 19:30", "Comments (1)");

        AdvanceView promoters = open(promoter);
        FieldCard theirs = card(promoters, "Doors");
        assertThat(text(theirs))
                .contains("Declined by the artist team", "Reason: Doors are at 19:00 on the whole tour.");
        assertThat(buttons(theirs)).contains("Accept 19:00", "Decline");
        test(promoters.filter).selectItem("Waiting for you");
        assertThat(promoters.cards).extracting(c -> c.row.fieldName()).contains("Doors");
    }

    @Test
    void theFilterShowsWhatWaitsForTheReader() {
        AdvanceView view = open(editor);
        test(view.filter).selectItem("Waiting for you");
        assertThat(view.cards).extracting(c -> c.row.fieldName()).containsExactly("Curfew", "Hotel");
        test(view.filter).selectItem("Waiting for the other team");
        assertThat(view.cards).extracting(c -> c.row.fieldName()).containsExactly("Guest list spots");
        test(view.filter).selectItem("Not agreed yet");
        assertThat(view.cards).hasSize(FIELDS - 1);
        test(view.filter).selectItem("Changed after agreement");
        assertThat(view.cards).isEmpty();
        assertThat(text(view.sections)).contains("No field is changed after agreement.");

        AdvanceView promoters = open(promoter);
        test(promoters.filter).selectItem("Waiting for you");
        assertThat(promoters.cards).extracting(c -> c.row.fieldName()).containsExactly("Guest list spots");
    }

    // Housekeeping -----------------------------------------------------------------------------------------

    @Test
    void theEditorRenamesClosesAndReopens() {
        AdvanceView view = open(editor);
        test(view.rename).click();
        Dialog rename = $(Dialog.class).withCondition(Dialog::isOpened).single();
        TextField title = $(TextField.class, rename).single();
        test(title).setValue("Oslo, final");
        test($(Button.class, rename).withText("Save").single()).click();
        assertThat(view.title.getText()).isEqualTo("Oslo, final");

        test(view.close).click();
        test(confirmation()).cancel();
        assertThat(view.closedBanner.isVisible()).isFalse();
        test(view.close).click();
        assertThat(test(confirmation()).getHeader()).isEqualTo("Close this advance?");
        test(confirmation()).confirm();
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select closed_at is not null from advancing_sessions where id = ?",
                                Boolean.class,
                                session))
                .isTrue();
        assertThat(view.closedBanner.isVisible()).isTrue();
        assertThat(text(view.closedBanner)).contains("until you reopen it");
        for (FieldCard card : view.cards) {
            assertThat(buttons(card)).as(card.row.fieldName()).containsExactly(commentsOf(card));
        }
        assertThat(buttons(view.documents)).isEmpty();
        assertThat(uploads(view.documents)).isZero();
        assertThat(view.rename.isVisible()).isFalse();
        assertThat(view.close.isVisible()).isFalse();
        assertThat(view.reopen.isVisible()).isTrue();

        AdvanceView promoters = open(promoter);
        assertThat(promoters.closedBanner.isVisible()).isTrue();
        for (FieldCard card : promoters.cards) {
            assertThat(buttons(card)).as(card.row.fieldName()).containsExactly(commentsOf(card));
        }
        assertThat(promoters.reopen.isVisible()).isFalse();
        test(card(promoters, "Hotel").comments).click();
        assertThat($(CommentsDialog.class)
                        .withCondition(Dialog::isOpened)
                        .single()
                        .add
                        .isVisible())
                .isFalse();

        view = open(editor);
        test(view.reopen).click();
        assertThat(view.closedBanner.isVisible()).isFalse();
        assertThat(buttons(card(view, "Hotel"))).contains("Edit", "Accept Hotel Continental");
    }

    private static String commentsOf(FieldCard card) {
        return card.row.comments() == 0 ? "Comments" : "Comments (" + card.row.comments() + ")";
    }

    @Test
    void ownersAndAdminsDeleteAnAdvanceAfterConfirming() {
        AdvanceView view = open(admin);
        assertThat(view.delete.isVisible()).isTrue();
        test(view.delete).click();
        test(confirmation()).cancel();
        assertThat(sessionExists()).isTrue();

        view = open(owner);
        test(view.delete).click();
        assertThat(test(confirmation()).getHeader()).isEqualTo("Delete this advance?");
        test(confirmation()).confirm();
        assertThat(sessionExists()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(ShowView.class);
        assertThat(((ShowView) getCurrentView()).getElement().getTextRecursively())
                .contains("Oslo night");
    }

    private boolean sessionExists() {
        return fixtures.owner()
                .queryForObject(
                        "select exists (select 1 from advancing_sessions where id = ?)", Boolean.class, session);
    }

    @Test
    void aPartyRemovesItsOwnDocumentAfterConfirming() {
        fixtures.signIn(editor);
        documents.upload(session, Party.from_us, "stage-plot.pdf", "%PDF-1.4 plot".getBytes(StandardCharsets.UTF_8));
        fixtures.signIn(promoter);
        documents.upload(session, Party.from_you, "venue-map.pdf", "%PDF-1.4 map".getBytes(StandardCharsets.UTF_8));

        AdvanceView promoters = open(promoter);
        assertThat(text(promoters.documents)).contains("Your documents", "venue-map.pdf", "stage-plot.pdf");
        assertThat(buttons(promoters.documents))
                .as("the promoter removes its own documents only")
                .containsExactly("Remove");
        assertThat(uploads(promoters.documents))
                .as("and adds to its own box only")
                .isEqualTo(1);

        AdvanceView view = open(editor);
        assertThat(text(view.documents)).contains("Artist team's documents", "Promoter's documents");
        List<Button> remove = $(Button.class, view.documents).withText("Remove").all();
        assertThat(remove).hasSize(1);
        assertThat(remove.getFirst().getAriaLabel()).contains("Remove stage-plot.pdf");
        test(remove.getFirst()).click();
        test(confirmation()).cancel();
        assertThat(text(view.documents)).contains("stage-plot.pdf");
        test(remove.getFirst()).click();
        assertThat(test(confirmation()).getHeader()).isEqualTo("Remove stage-plot.pdf?");
        test(confirmation()).confirm();
        assertThat(text(view.documents)).doesNotContain("stage-plot.pdf").contains("venue-map.pdf");
        assertThat(documents.list(session))
                .extracting(AdvancingDocuments.Document::name)
                .containsExactly("venue-map.pdf");
    }

    @Test
    void aDocumentSomeoneElseRemovedMeanwhileIsNotAccessThatEnded() {
        fixtures.signIn(editor);
        UUID plot = documents.upload(
                session, Party.from_us, "stage-plot.pdf", "%PDF-1.4 plot".getBytes(StandardCharsets.UTF_8));
        AdvanceView view = open(editor);
        Button remove = $(Button.class, view.documents).withText("Remove").single();
        fixtures.signIn(owner);
        documents.remove(plot);
        fixtures.signIn(editor);
        test(remove).click();
        test(confirmation()).confirm();
        assertThat(page()).doesNotContain("Access ended");
        assertThat(text(view.documents)).doesNotContain("stage-plot.pdf");
        assertThat(test($(Notification.class).single()).getText()).isEqualTo("No such file.");
    }

    @Test
    void everyoneDeletesTheirOwnCommentAfterConfirming() {
        fixtures.signIn(promoter);
        Side hotel = row("Hotel").ours();
        exchange.addComment(hotel.fieldId(), "Breakfast is included.");
        fixtures.signIn(editor);
        exchange.addComment(hotel.fieldId(), "Can we have late checkout?");

        AdvanceView view = open(editor);
        test(card(view, "Hotel").comments).click();
        CommentsDialog comments =
                $(CommentsDialog.class).withCondition(Dialog::isOpened).single();
        assertThat(text(comments)).contains("Breakfast is included.", "Can we have late checkout?");
        List<Button> delete = $(Button.class, comments).withText("Delete").all();
        assertThat(delete).as("one's own comment only").hasSize(1);
        test(delete.getFirst()).click();
        test(confirmation()).cancel();
        assertThat(text(comments)).contains("Can we have late checkout?");
        test(delete.getFirst()).click();
        assertThat(test(confirmation()).getHeader()).isEqualTo("Delete your comment?");
        test(confirmation()).confirm();
        assertThat(text(comments)).contains("Breakfast is included.").doesNotContain("late checkout");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from advancing_comments where field_id = ?",
                                Integer.class,
                                hotel.fieldId()))
                .isEqualTo(1);
        comments.close();
        assertThat(buttons(card(view, "Hotel"))).contains("Comments (1)");

        test(card(view, "Hotel").comments).click();
        comments = $(CommentsDialog.class).withCondition(Dialog::isOpened).single();
        test(comments.comment).setValue("Late checkout, please.");
        test(comments.add).click();
        assertThat(text(comments)).contains("Late checkout, please.");
    }

    @Test
    void commentTimesAreOnTheVenuesClockWithItsZoneNamed() {
        fixtures.signIn(promoter);
        exchange.addComment(row("Hotel").ours().fieldId(), "Breakfast is included.");
        AdvanceView view = open(editor);
        test(card(view, "Hotel").comments).click();
        CommentsDialog comments =
                $(CommentsDialog.class).withCondition(Dialog::isOpened).single();
        // The browser has not said which clock the reader is on: the venue's zone is named, never its raw id.
        assertThat(text(comments))
                .containsPattern("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} \\(Oslo time\\): ")
                .doesNotContain("Europe/Oslo");
    }

    // Access that ends while the page is open -----------------------------------------------------------------

    @Test
    void aRevokedPromoterLearnsAtTheNextActionThatAccessEnded() {
        AdvanceView view = open(promoter);
        FieldCard guests = card(view, "Guest list spots");
        fixtures.owner().update("delete from show_collaborators where id = ?", grant);
        test(guests.accept).click();
        assertThat(page()).contains("Access ended", "Your access to this advance has ended");
        assertThat(storedValue("Guest list spots", Party.from_you)).isNull();
        assertThat($(Notification.class).exists()).isFalse();
    }

    @Test
    void aRevokedPromoterOpeningCommentsLearnsThatAccessEnded() {
        AdvanceView view = open(promoter);
        FieldCard hotel = card(view, "Hotel");
        fixtures.owner().update("delete from show_collaborators where id = ?", grant);
        test(hotel.comments).click();
        assertThat($(CommentsDialog.class).exists()).isFalse();
        assertThat(page()).contains("Access ended", "Your access to this advance has ended");
    }

    @Test
    void aRevokedPromoterCommentingLearnsThatAccessEnded() {
        AdvanceView view = open(promoter);
        test(card(view, "Hotel").comments).click();
        CommentsDialog comments =
                $(CommentsDialog.class).withCondition(Dialog::isOpened).single();
        test(comments.comment).setValue("Is breakfast included?");
        fixtures.owner().update("delete from show_collaborators where id = ?", grant);
        test(comments.add).click();
        assertThat(comments.isOpened()).isFalse();
        assertThat(page()).contains("Access ended", "Your access to this advance has ended");
        assertThat($(Notification.class).exists()).as("no \"No such field.\"").isFalse();
    }

    @Test
    void aRevokedPromotersSaveSaysAccessEnded() {
        AdvanceView view = open(promoter);
        FieldCard hotel = card(view, "Hotel");
        test(hotel.edit).click();
        test((TextField) hotel.editor).setValue("Hotel Bristol");
        fixtures.owner().update("delete from show_collaborators where id = ?", grant);
        test(hotel.save).click();
        assertThat(page()).contains("Access ended");
        assertThat(storedValue("Hotel", Party.from_you)).isEqualTo("Hotel Continental");
    }

    // Templates ------------------------------------------------------------------------------------------

    @Test
    void anAdminCopiesTheDefaultTemplateAndEditorsCannotOpenTemplates() {
        fixtures.signIn(admin);
        TemplatesView view = navigate(TemplatesView.class);
        test(view.name).setValue("Festival advance");
        test(view.lines).setValue("Schedule | Changeover | time\nProduction | Stage | text\nBroken line");
        test(view.save).click();
        assertThat(view.lines.isInvalid()).isTrue();
        assertThat(view.lines.getErrorMessage()).contains("Line 3");
        test(view.lines).setValue("Schedule | Changeover | time\nProduction | Stage | text");
        test(view.save).click();
        assertThat(test(view.templates).size()).isEqualTo(2);
        assertThat(test(view.templates).getRow(1).fields())
                .extracting(f -> f.name())
                .containsExactly("Changeover", "Stage");

        fixtures.signIn(editor);
        navigate("advancing-templates", Component.class);
        assertThat($(TemplatesView.class).exists()).isFalse();
    }

    @Test
    void thePromoterLandsOnTheirShows() {
        fixtures.signIn(promoter);
        MyShowsView mine = navigate("", MyShowsView.class);
        assertThat(mine.cards).hasSize(2);
        assertThat(mine.cards.getFirst().show.orgName()).isEqualTo("View Touring");
        assertThat(mine.cards.getFirst().show.title()).isEqualTo("Oslo night");
    }

    /** The rendered view, by class and text (the UI element's own text leaves the view out). */
    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
