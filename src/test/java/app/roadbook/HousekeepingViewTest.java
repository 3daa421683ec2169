package app.roadbook;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.invitations.ui.InvitationsView;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.VenueService;
import app.roadbook.shows.ui.ArtistsView;
import app.roadbook.shows.ui.ShowView;
import app.roadbook.shows.ui.ShowsView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ui.MembersView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18, items 5 and 6 on screen: deleting a show names it and asks for its name when agreed items would go;
 * archiving an artist; renaming the organization reaches the frame; the Invitations page says who invites whom.
 */
@RoadbookTest
class HousekeepingViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ShowService shows;

    @Autowired
    VenueService venues;

    @Autowired
    ArtistService artists;

    @Autowired
    AdvancingExchange advancing;

    UUID owner, editor, viewer, org, show, artist;

    @BeforeEach
    void aShowInOslo() {
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Housekeeping Touring", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(owner);
        UUID venue = venues.createVenue(org, new VenueDraft("Sentrum Scene", null, "Oslo", "NO", 1750, "Europe/Oslo"));
        artist = artists.createArtist(org, "The Auroras");
        show = shows.createShow(
                org,
                new ShowDraft(
                        artist,
                        venue,
                        LocalDate.of(2027, 1, 15),
                        LocalTime.of(19, 0),
                        null,
                        ShowStatus.confirmed,
                        null,
                        null,
                        "EUR",
                        null));
        advancing.createSession(org, show, "Oslo advance", null, null);
        Fixtures.signOut();
    }

    private Dialog openDialog() {
        return $(Dialog.class).withCondition(Dialog::isOpened).single();
    }

    @Test
    void theShowPageIsTitledAfterTheShowAndOnlyOwnersAndAdminsSeeDelete() {
        fixtures.signIn(editor);
        navigate(ShowView.class, Map.of("showId", show.toString()));
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Oslo · 15 Jan 2027 · Roadbook");
        assertThat($(Button.class).withText("Delete show").exists()
                        && $(Button.class).withText("Delete show").single().isVisible())
                .isFalse();
        fixtures.signIn(owner);
        navigate(ShowView.class, Map.of("showId", show.toString()));
        assertThat($(Button.class).withText("Delete show").single().isVisible()).isTrue();
    }

    @Test
    void anOwnerDeletesAShowAfterAConfirmationThatNamesItAndWhatGoes() {
        fixtures.signIn(owner);
        navigate(ShowView.class, Map.of("showId", show.toString()));
        test($(Button.class).withText("Delete show").single()).click();
        Dialog dialog = openDialog();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Delete the show Oslo, Sentrum Scene, 15 Jan 2027?");
        assertThat(dialog.getElement().getTextRecursively())
                .contains("It also deletes its 1 advance with their answers, comments and documents")
                .contains("This cannot be undone.");
        assertThat($(TextField.class, dialog).exists())
                .as("no name to type without agreed items")
                .isFalse();
        test($(Button.class, dialog).withText("Delete show").single()).click();
        assertThat((Component) getCurrentView()).isInstanceOf(ShowsView.class);
        assertThat(fixtures.owner().queryForObject("select count(*) from shows where id = ?", Long.class, show))
                .isZero();
    }

    @Test
    void aShowWithAgreedItemsIsDeletedOnlyOnceItsNameIsTyped() {
        fixtures.owner().update("""
                update advancing_fields set value = '"Hotel Bristol"'::jsonb, stance = 'answered'
                where session_id in (select id from advancing_sessions where show_id = ?) and field_name = 'Hotel'""", show);
        fixtures.signIn(owner);
        navigate(ShowView.class, Map.of("showId", show.toString()));
        test($(Button.class).withText("Delete show").single()).click();
        Dialog dialog = openDialog();
        assertThat(dialog.getElement().getTextRecursively())
                .contains("Its advances have 1 agreed item")
                .contains("type its name: Oslo, Sentrum Scene, 15 Jan 2027.");
        Button delete = $(Button.class, dialog).withText("Delete show").single();
        TextField typed = $(TextField.class, dialog).single();
        assertThat(delete.isEnabled()).isFalse();
        test(typed).setValue("Oslo");
        assertThat(delete.isEnabled()).isFalse();
        test(typed).setValue("Oslo, Sentrum Scene, 15 Jan 2027");
        assertThat(delete.isEnabled()).isTrue();
        test(delete).click();
        assertThat((Component) getCurrentView()).isInstanceOf(ShowsView.class);
        assertThat(fixtures.owner().queryForObject("select count(*) from shows where id = ?", Long.class, show))
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditorArchivesAnArtistAfterConfirmingAndFindsThemUnderShowArchived() {
        fixtures.signIn(editor);
        navigate(ArtistsView.class);
        Grid<ArtistRow> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        test(rowButton(grid, "Archive")).click();
        ConfirmDialog confirm =
                $(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Archive artist The Auroras?");
        test(confirm).confirm();
        assertThat(test(grid).size()).isZero();
        test($(Checkbox.class).single()).click();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("The Auroras (archived)");
        test(rowButton(grid, "Restore")).click();
        assertThat(artists.options(org)).hasSize(1);

        fixtures.signIn(viewer);
        navigate(ArtistsView.class);
        grid = $(Grid.class).single();
        assertThat(((Component) test(grid).getCellComponent(0, 2)).getChildren())
                .as("a viewer gets no row actions")
                .isEmpty();
    }

    private Button rowButton(Grid<ArtistRow> grid, String text) {
        return ((Component) test(grid).getCellComponent(0, 2))
                .getChildren()
                .filter(c -> c instanceof Button b && text.equals(b.getText()))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAdminRenamesTheOrganizationAndTheFrameShowsTheNewName() {
        UUID admin = fixtures.user("Admin");
        fixtures.member(org, admin, "admin");
        fixtures.signIn(admin);
        navigate(MembersView.class);
        MainLayout layout = $(MainLayout.class).single();
        assertThat(layout.organizationName.getText()).isEqualTo("Housekeeping Touring");
        test($(Button.class).withText("Rename organization").single()).click();
        Dialog dialog = openDialog();
        TextField name = $(TextField.class, dialog).single();
        test(name).setValue(" ");
        test($(Button.class, dialog).withText("Rename").single()).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the organization a name.");
        test(name).setValue("Nordlys Touring");
        test($(Button.class, dialog).withText("Rename").single()).click();
        layout = $(MainLayout.class).single();
        assertThat(layout.organizationName.getText()).isEqualTo("Nordlys Touring");

        fixtures.signIn(editor);
        navigate(MembersView.class);
        assertThat($(Button.class).withText("Rename organization").exists()).isFalse();
    }

    @Test
    void theInvitationsPageSaysWhoInvitesWhomAndViewersHaveNone() {
        fixtures.signIn(editor);
        navigate(InvitationsView.class);
        String who =
                $(Paragraph.class).withClassName("invitations-who").single().getText();
        assertThat(who).contains("Editors invite promoters", "Owners and admins invite people to the organization");
        assertThat($(Paragraph.class).withClassName("empty-state").single().getText())
                .startsWith("No invitations yet. Invite a promoter from a show's page");
        assertThat($(MainLayout.class).single().invitationsItem.isVisible()).isTrue();

        fixtures.signIn(viewer);
        navigate(MembersView.class);
        assertThat($(MainLayout.class).single().invitationsItem.isVisible()).isFalse();
        navigate("invitations", Component.class);
        assertThat((Component) getCurrentView()).isNotInstanceOf(InvitationsView.class);
    }
}
