package app.roadbook.crew.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.ui.CsvImportDialog;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.CrewWorld;
import app.roadbook.crew.PersonDraft;
import app.roadbook.crew.ShowCrew;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The crew pages and the show page's crew section, browserless, as an editor and as a viewer. */
@RoadbookTest
class CrewViewTest extends SpringBrowserlessTest {

    static final LocalDate DAY = LocalDate.of(2031, 8, 20);

    @Autowired
    Fixtures fixtures;

    @Autowired
    CrewRoster roster;

    @Autowired
    ShowCrew crew;

    CrewWorld world;
    UUID oslo;
    UUID bergen;
    UUID dana;

    @BeforeEach
    void aCrewAndTwoShowsOnOneDay() {
        world = new CrewWorld(fixtures);
        oslo = world.show("The Auroras · Oslo", DAY, "Rockefeller Music Hall", "Oslo");
        bergen = world.show("Festival slot", DAY, "Bergenhus", "Bergen");
        fixtures.signIn(world.owner);
        dana = roster.create(
                world.org, new PersonDraft("Dana Driver", "Driver", "dana@crew.test", "+47 2", null, null));
        for (int i = 1; i <= 25; i++) {
            roster.create(world.org, new PersonDraft("Crew " + i, "Backline tech", null, null, null, null));
        }
        crew.assign(world.org, oslo, dana, "Driver");
        Fixtures.signOut();
    }

    @Test
    void anEditorSearchesTheRosterAndAddsSomeone() {
        fixtures.signIn(world.editor);
        CrewView view = navigate(CrewView.class);
        assertThat(view.create.isVisible()).isTrue();
        assertThat(view.importCsv.isVisible()).isTrue();
        assertThat(view.count.getText()).isEqualTo("26 people");
        assertThat(test(view.grid).size()).isEqualTo(26);

        test(view.search).setValue("DRIVER");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("Dana Driver");
        test(view.search).setValue("nobody like this");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.emptyState.getElement().getTextRecursively()).contains("Nobody on the roster matches");

        test(view.create).click();
        PersonEditor editor = $(PersonEditor.class).single();
        test(editor.form.email).setValue("not-mail");
        test(editor.save).click();
        assertThat(editor.form.name.isInvalid())
                .as("name required, beside the field")
                .isTrue();
        assertThat(editor.form.email.isInvalid()).isTrue();
        test(editor.form.name).setValue("Finn Fader");
        test(editor.form.roleTitle).setValue("FOH engineer");
        test(editor.form.email).setValue("finn@crew.test");
        test(editor.form.account)
                .selectItem("Editor (" + fixtures.account(world.editor).getEmail() + ")");
        test(editor.save).click();
        PersonView person = $(PersonView.class).single();
        assertThat(person.name.getText()).isEqualTo("Finn Fader");
        assertThat(person.facts.getElement().getTextRecursively())
                .contains("FOH engineer", "finn@crew.test", "Member account: Editor");
        assertThat(person.noShows.getText()).contains("not on any show yet");
    }

    @Test
    void theShowPageListsTheCrewAndWarnsOfADoubleBookingButAssigns() {
        fixtures.signIn(world.editor);
        navigate("shows/" + bergen, Component.class);
        ShowCrewPanel panel = $(ShowCrewPanel.class).single();
        assertThat(panel.empty.isVisible()).isTrue();
        assertThat(panel.empty.getText()).contains("Nobody is assigned");

        test(panel.assign).click();
        AssignDialog dialog = $(AssignDialog.class).single();
        test(dialog.person).selectItem("Dana Driver · Driver");
        assertThat(dialog.warning.isVisible()).isTrue();
        assertThat(dialog.warning.getText())
                .isEqualTo("Dana Driver is already on The Auroras · Oslo at Rockefeller Music Hall, Oslo that day "
                        + "(Wed 20 Aug 2031). You can still assign them.");
        assertThat(dialog.assign.getText()).isEqualTo("Assign anyway");
        test(dialog.duty).selectItem("Driver");
        test(dialog.assign).click();

        assertThat(panel.cards.getElement().getTextRecursively()).contains("Dana Driver", "Driver", "+47 2");
        assertThat(panel.empty.isVisible()).isFalse();
        assertThat(crew.crew(world.org, bergen)).hasSize(1);

        // Taking someone off the show asks first, naming them.
        test(panel.cards
                        .getChildren()
                        .findFirst()
                        .orElseThrow()
                        .getChildren()
                        .filter(c -> c instanceof com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                        .findFirst()
                        .orElseThrow()
                        .getChildren()
                        .map(com.vaadin.flow.component.button.Button.class::cast)
                        .filter(b -> b.getText().equals("Remove"))
                        .findFirst()
                        .orElseThrow())
                .click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Take Dana Driver off this show?");
        test(confirm).confirm();
        assertThat(crew.crew(world.org, bergen)).isEmpty();
        assertThat(panel.empty.isVisible()).isTrue();
    }

    @Test
    void aPersonsPageListsTheirShowsAndRemovingThemAsksFirstNamingThem() {
        fixtures.signIn(world.editor);
        PersonView page = navigate(PersonView.class, Map.of("personId", dana.toString()));
        assertThat(test(page.shows).size()).isEqualTo(1);
        assertThat(test(page.shows).getCellText(0, 0)).isEqualTo("Wed 20 Aug 2031");
        assertThat(test(page.shows).getCellText(0, 2)).isEqualTo("Driver");

        test(page.assign).click();
        AssignDialog dialog = $(AssignDialog.class).single();
        test(dialog.show).selectItem("Wed 20 Aug 2031 · Festival slot at Bergenhus, Bergen");
        assertThat(dialog.warning.getText()).startsWith("They are already on The Auroras · Oslo");
        test(dialog.assign).click();
        assertThat(test(page.shows).size()).isEqualTo(2);

        test(page.remove).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Remove Dana Driver from the crew?");
        test(confirm).confirm();
        assertThat($(CrewView.class).exists()).isTrue();
        fixtures.signIn(world.editor);
        assertThat(roster.count(world.org, "dana")).isZero();
    }

    @Test
    void aViewerReadsWithoutChangeControls() {
        fixtures.signIn(world.viewer);
        CrewView view = navigate(CrewView.class);
        assertThat(view.create.isVisible()).isFalse();
        assertThat(view.importCsv.isVisible()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(26);

        PersonView page = navigate(PersonView.class, Map.of("personId", dana.toString()));
        assertThat(page.edit.isVisible()).isFalse();
        assertThat(page.remove.isVisible()).isFalse();
        assertThat(page.assign.isVisible()).isFalse();

        navigate("shows/" + oslo, Component.class);
        ShowCrewPanel panel = $(ShowCrewPanel.class).single();
        assertThat(panel.assign.isVisible()).isFalse();
        assertThat(panel.cards.getElement().getTextRecursively()).contains("Dana Driver");
        assertThat($(com.vaadin.flow.component.button.Button.class).all())
                .noneMatch(b -> b.getText().equals("Remove") || b.getText().equals("Duty"));
    }

    @Test
    void anEditorImportsACsvAfterSeeingTheRowsItWouldAddAndTheOnesItSkips() {
        fixtures.signIn(world.editor);
        CrewView view = navigate(CrewView.class);
        test(view.importCsv).click();
        CsvImportDialog<?> dialog = $(CsvImportDialog.class).single();
        Upload upload = $(Upload.class, dialog).single();
        Button importButton = $(Button.class, dialog).withText("Add").single();
        assertThat(importButton.isEnabled()).isFalse();

        test(upload).upload("crew.csv", "text/csv", """
                name,role,email
                Lee Lights,LD,lee@crew.test
                Dana Again,Driver,DANA@crew.test
                ,Rigger,
                """.getBytes(StandardCharsets.UTF_8));
        roundTrip();
        assertThat(dialog.getElement().getTextRecursively())
                .contains("3 row(s): 1 to add, 1 already on the roster (skipped), 1 with errors.")
                .contains("nothing is written until then");
        assertThat(importButton.isEnabled())
                .as("an error blocks the whole file")
                .isFalse();

        test(upload).upload("crew.csv", "text/csv", """
                name;role;email
                Lee Lights;LD;lee@crew.test
                Dana Again;Driver;DANA@crew.test
                """.getBytes(StandardCharsets.UTF_8));
        roundTrip();
        assertThat(importButton.getText()).isEqualTo("Add 1 person");
        test(importButton).click();
        // The import runs off the request thread, as for a large file; wait for its result to reach the page (the test
        // holds the session lock, so the background thread's page updates run when the test lets them).
        VaadinSession session = VaadinSession.getCurrent();
        for (int i = 0; i < 400 && dialog.isOpened(); i++) {
            sleep();
            session.getService().runPendingAccessTasks(session);
        }
        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.count.getText()).isEqualTo("27 people");
        fixtures.signIn(world.editor);
        assertThat(roster.drafts(world.org, "Lee"))
                .extracting(PersonDraft::roleTitle)
                .containsExactly("LD");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aForeignOrMalformedPersonLooksMissing() {
        fixtures.signIn(world.outsider);
        navigate("crew/" + dana, Component.class);
        assertThat($(PersonView.class).exists()).isFalse();
        String foreign = text();
        navigate("crew/" + UUID.randomUUID(), Component.class);
        assertThat(text()).isEqualTo(foreign);
        navigate("crew/not-a-uuid", Component.class);
        assertThat(text()).isEqualTo(foreign);
    }

    private String text() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
