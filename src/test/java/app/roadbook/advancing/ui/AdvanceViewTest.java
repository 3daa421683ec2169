package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.Party;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The advancing screens on the test's own organization: an advance under way, as the editor, the promoter, a viewer,
 * an admin and someone from another organization see it.
 */
@RoadbookTest
class AdvanceViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange exchange;

    UUID admin, editor, viewer, promoter, outsider, session;

    @BeforeEach
    void anAdvanceUnderWay() {
        UUID owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        outsider = fixtures.user("Outsider");
        UUID org = fixtures.organization("View Touring", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.organization("Elsewhere Artists", outsider);
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Rockefeller', 'Oslo', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        UUID oslo = show(org, venue, "2027-03-01", "Oslo night");
        UUID copenhagen = show(org, null, "2027-03-03", "Copenhagen night");
        for (UUID show : new UUID[] {oslo, copenhagen}) {
            fixtures.owner()
                    .update(
                            "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                            show,
                            promoter,
                            org);
        }
        // Our times are in, two of them confirmed; the promoter answered the doors and the hotel.
        fixtures.signIn(editor);
        session = exchange.createSession(org, oslo, "Oslo advance", null, null);
        exchange.createSession(org, copenhagen, "Copenhagen advance", null, null);
        answer(Party.from_us, "Load-in", "14:00");
        answer(Party.from_us, "Soundcheck", "17:00");
        answer(Party.from_us, "Doors", "19:00");
        answer(Party.from_us, "Set time", "21:00");
        answer(Party.from_us, "Guest list spots", "20");
        for (String confirmed : new String[] {"Load-in", "Set time"}) {
            Side ours = row(confirmed).ours();
            exchange.confirm(ours.fieldId(), ours.version());
        }
        fixtures.signIn(promoter);
        answer(Party.from_you, "Doors", "19:30");
        answer(Party.from_you, "Hotel", "Hotel Continental");
        Fixtures.signOut();
    }

    private UUID show(UUID org, UUID venue, String date, String title) {
        return fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, ?::date, ?) returning id",
                        UUID.class,
                        org,
                        venue,
                        date,
                        title);
    }

    private Row row(String field) {
        return exchange.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    private void answer(Party party, String field, String value) {
        Side side = party == Party.from_us ? row(field).ours() : row(field).theirs();
        exchange.setValue(side.fieldId(), side.version(), value);
    }

    private AdvanceView open() {
        return navigate(AdvanceView.class, Map.of("sessionId", session.toString()));
    }

    @Test
    void theEditorSeesProgressFiltersOpenItemsAndEditsOurSide() {
        fixtures.signIn(editor);
        AdvanceView view = open();
        assertThat(view.progress.getElement().getTextRecursively()).contains("Schedule: 2 of 5 confirmed");
        int all = test(view.grid).size();
        test(view.openOnly).click();
        assertThat(test(view.grid).size()).isEqualTo(all - 2);
        test(view.openOnly).click();

        Row hotel = null;
        for (int i = 0; i < test(view.grid).size(); i++) {
            if (test(view.grid).getRow(i).fieldName().equals("Hotel")) {
                hotel = test(view.grid).getRow(i);
                test(view.grid).clickRow(i);
                break;
            }
        }
        assertThat(hotel).isNotNull();
        assertThat(hotel.theirs().value()).isEqualTo("Hotel Continental");
        FieldPanel panel = $(FieldPanel.class).single();
        assertThat(panel.saveOurs.isVisible()).isTrue();
        assertThat(panel.saveTheirs.isVisible()).isFalse();
        assertThat(panel.confirmTheirs.isVisible()).isTrue();
        test((TextField) panel.oursEditor).setValue("Thon Hotel Opera");
        test(panel.saveOurs).click();
        assertThat(fixtures.owner().queryForObject("""
                select value #>> '{}' from advancing_fields where session_id = ? and field_name = 'Hotel' and party_type = 'from_us'""", String.class, session)).isEqualTo("Thon Hotel Opera");
    }

    @Test
    void thePromoterLandsOnMyShowsAndEditsOnlyTheirSide() {
        fixtures.signIn(promoter);
        MyShowsView mine = navigate("", MyShowsView.class);
        assertThat(test(mine.grid).size()).isEqualTo(2);
        assertThat(test(mine.grid).getRow(0).orgName()).isEqualTo("View Touring");
        assertThat(test(mine.grid).getRow(0).title()).isEqualTo("Oslo night");

        AdvanceView view = open();
        test(view.grid).clickRow(0);
        FieldPanel panel = $(FieldPanel.class).single();
        assertThat(panel.saveTheirs.isVisible()).isTrue();
        assertThat(panel.saveOurs.isVisible()).isFalse();
        assertThat(panel.confirmOurs.isVisible()).isFalse();
        assertThat(panel.addComment.isVisible()).isTrue();
    }

    @Test
    void theEditorEditsInlineWithATimeFieldAndTheRowUpdates() {
        fixtures.signIn(editor);
        AdvanceView view = open();
        int soundcheck = -1;
        for (int i = 0; i < test(view.grid).size(); i++) {
            if (test(view.grid).getRow(i).fieldName().equals("Curfew")) {
                soundcheck = i;
            }
        }
        Row before = test(view.grid).getRow(soundcheck);
        com.vaadin.flow.component.button.Button edit =
                (com.vaadin.flow.component.button.Button) test(view.grid).getCellComponent(soundcheck, 7);
        assertThat(edit.getClassNames()).contains("inline-edit");
        edit.click();
        roundTrip();
        assertThat(view.grid.getEditor().isOpen()).isTrue();
        com.vaadin.flow.component.timepicker.TimePicker ours =
                (com.vaadin.flow.component.timepicker.TimePicker) view.oursField;
        assertThat(ours.getClassNames()).contains("inline-ours");
        assertThat(view.theirsField)
                .as("the editor cannot type the promoter's side")
                .isNull();
        ours.setValue(java.time.LocalTime.of(23, 0));
        view.inlineSave.click();
        roundTrip();
        assertThat(view.grid.getEditor().isOpen()).isFalse();
        Row after = test(view.grid).getRow(soundcheck);
        assertThat(after.fieldName()).isEqualTo("Curfew");
        assertThat(after.ours().value()).isEqualTo("23:00");
        assertThat(after.ours().version()).isEqualTo(before.ours().version() + 1);
    }

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
    }

    @Test
    void editorsHaveNoRouteToTemplates() {
        fixtures.signIn(editor);
        navigate("advancing-templates", Component.class);
        assertThat($(TemplatesView.class).exists()).isFalse();
    }

    @Test
    void aViewerOnlyReads() {
        fixtures.signIn(viewer);
        AdvanceView view = open();
        test(view.grid).clickRow(0);
        FieldPanel panel = $(FieldPanel.class).single();
        assertThat(panel.saveOurs.isVisible()).isFalse();
        assertThat(panel.saveTheirs.isVisible()).isFalse();
        assertThat(panel.confirmOurs.isVisible()).isFalse();
        assertThat(panel.addComment.isVisible()).isFalse();
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

    /** The rendered view, by class and text (the UI element's own text leaves the view out). */
    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
