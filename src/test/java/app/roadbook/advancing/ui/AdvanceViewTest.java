package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.support.WithDemoUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@RoadbookTest
class AdvanceViewTest extends SpringBrowserlessTest {

    @Autowired Fixtures fixtures;

    private UUID osloAdvance() {
        return fixtures.owner().queryForObject("select id from advancing_sessions where title = 'Oslo advance'", UUID.class);
    }

    private AdvanceView open() {
        return navigate(AdvanceView.class, Map.of("sessionId", osloAdvance().toString()));
    }

    @Test
    @WithDemoUser("editor@roadbook.demo")
    void theEditorSeesProgressFiltersOpenItemsAndEditsOurSide() {
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
                select value #>> '{}' from advancing_fields where session_id = ? and field_name = 'Hotel' and party_type = 'from_us'""",
                String.class, osloAdvance())).isEqualTo("Thon Hotel Opera");
    }

    @Test
    @WithDemoUser("promoter@roadbook.demo")
    void thePromoterLandsOnMyShowsAndEditsOnlyTheirSide() {
        MyShowsView mine = navigate("", MyShowsView.class);
        assertThat(test(mine.grid).size()).isEqualTo(2);
        assertThat(test(mine.grid).getRow(0).orgName()).isEqualTo("Northern Lights Touring");

        AdvanceView view = open();
        test(view.grid).clickRow(0);
        FieldPanel panel = $(FieldPanel.class).single();
        assertThat(panel.saveTheirs.isVisible()).isTrue();
        assertThat(panel.saveOurs.isVisible()).isFalse();
        assertThat(panel.confirmOurs.isVisible()).isFalse();
        assertThat(panel.addComment.isVisible()).isTrue();
    }

    @Test
    @WithDemoUser("editor@roadbook.demo")
    void theEditorEditsInlineWithATimeFieldAndTheRowUpdates() {
        AdvanceView view = open();
        int soundcheck = -1;
        for (int i = 0; i < test(view.grid).size(); i++) {
            if (test(view.grid).getRow(i).fieldName().equals("Curfew")) {
                soundcheck = i;
            }
        }
        Row before = test(view.grid).getRow(soundcheck);
        com.vaadin.flow.component.button.Button edit = (com.vaadin.flow.component.button.Button)
                test(view.grid).getCellComponent(soundcheck, 7);
        assertThat(edit.getClassNames()).contains("inline-edit");
        edit.click();
        roundTrip();
        assertThat(view.grid.getEditor().isOpen()).isTrue();
        com.vaadin.flow.component.timepicker.TimePicker ours = (com.vaadin.flow.component.timepicker.TimePicker) view.oursField;
        assertThat(ours.getClassNames()).contains("inline-ours");
        assertThat(view.theirsField).as("the editor cannot type the promoter's side").isNull();
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
    @WithDemoUser("admin@roadbook.demo")
    void anAdminCopiesTheDefaultTemplateAndEditorsCannotOpenTemplates() {
        TemplatesView view = navigate(TemplatesView.class);
        test(view.name).setValue("Festival advance");
        test(view.lines).setValue("Schedule | Changeover | time\nProduction | Stage | text\nBroken line");
        test(view.save).click();
        assertThat(view.lines.isInvalid()).isTrue();
        assertThat(view.lines.getErrorMessage()).contains("Line 3");
        test(view.lines).setValue("Schedule | Changeover | time\nProduction | Stage | text");
        test(view.save).click();
        assertThat(test(view.templates).size()).isEqualTo(2);
        assertThat(test(view.templates).getRow(1).fields()).extracting(f -> f.name()).containsExactly("Changeover", "Stage");
    }

    @Test
    @WithDemoUser("editor@roadbook.demo")
    void editorsHaveNoRouteToTemplates() {
        navigate("advancing-templates", Component.class);
        assertThat($(TemplatesView.class).exists()).isFalse();
    }

    @Test
    @WithDemoUser("viewer@roadbook.demo")
    void aViewerOnlyReads() {
        AdvanceView view = open();
        test(view.grid).clickRow(0);
        FieldPanel panel = $(FieldPanel.class).single();
        assertThat(panel.saveOurs.isVisible()).isFalse();
        assertThat(panel.saveTheirs.isVisible()).isFalse();
        assertThat(panel.confirmOurs.isVisible()).isFalse();
        assertThat(panel.addComment.isVisible()).isFalse();
    }

    @Test
    @WithDemoUser("other@roadbook.demo")
    void anotherOrgsAdvanceLooksMissing() {
        navigate("advance/" + osloAdvance(), Component.class);
        assertThat($(AdvanceView.class).exists()).isFalse();
        String foreign = page();
        assertThat(foreign).startsWith("NotFoundView: Page not found");
        navigate("advance/" + UUID.randomUUID(), Component.class);
        assertThat(page()).isEqualTo(foreign);
    }

    /** The rendered view, by class and text (the UI element's own text leaves the view out). */
    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
