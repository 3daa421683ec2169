package app.roadbook.shows.ui;

import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.support.WithDemoUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@RoadbookTest
class ShowsViewTest extends SpringBrowserlessTest {

    @Autowired Fixtures fixtures;

    @Test
    @WithDemoUser("editor@roadbook.demo")
    void anEditorCreatesAShowWithVenueLocalTimes() {
        ShowsView list = navigate(ShowsView.class);
        assertThat(list.create.isVisible()).isTrue();
        int before = test(list.grid).size();
        assertThat(before).isGreaterThanOrEqualTo(4);
        assertThat(test(list.grid).getRow(0).date()).isAfterOrEqualTo(LocalDate.now());

        test(list.create).click();
        ShowEditor editor = $(ShowEditor.class).single();
        test(editor.venue).selectItem(editor.venue.getListDataView().getItems()
                .filter(v -> v.name().equals("Vega")).findFirst().orElseThrow().label() + " · Europe/Copenhagen");
        editor.date.setValue(LocalDate.of(2027, 1, 15));
        editor.doors.setValue(LocalTime.of(19, 30));
        editor.title.setValue("Browserless night");
        test(editor.save).click();

        ShowView show = $(ShowView.class).single();
        assertThat(show.title.getText()).isEqualTo("Browserless night · 2027-01-15");
        assertThat(show.facts.getElement().getTextRecursively()).contains("Doors: 19:30 (Europe/Copenhagen)");
        assertThat(fixtures.owner().queryForObject("select doors_at from shows where title = 'Browserless night'", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2027-01-15T18:30:00Z"));
    }

    @Test
    @WithDemoUser("viewer@roadbook.demo")
    void aViewerReadsShowsWithoutChangeControls() {
        ShowsView list = navigate(ShowsView.class);
        assertThat(list.create.isVisible()).isFalse();
        ShowRow first = test(list.grid).getRow(0);
        ShowView show = navigate(ShowView.class, Map.of("showId", first.id().toString()));
        assertThat(show.edit.isVisible()).isFalse();
        VenuesView venues = navigate(VenuesView.class);
        assertThat(venues.create.isVisible()).isFalse();
        assertThat(test(venues.grid).size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    @WithDemoUser("viewer@roadbook.demo")
    void theShowPageSaysWhoCanSeeItAndWhy() {
        UUID oslo = fixtures.owner().queryForObject("""
                select sc.show_id from show_collaborators sc join app_users u on u.id = sc.user_id
                where u.email = 'promoter@roadbook.demo' order by sc.granted_at limit 1""", UUID.class);
        ShowView show = navigate(ShowView.class, Map.of("showId", oslo.toString()));
        var audience = test(show.audience);
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < audience.size(); i++) {
            lines.add(audience.getRow(i).email() + " | " + audience.getRow(i).reason());
        }
        assertThat(lines).contains("owner@roadbook.demo | Owner of the organization", "viewer@roadbook.demo | Viewer of the organization");
        assertThat(lines).anyMatch(l -> l.startsWith("promoter@roadbook.demo | Promoter team, can edit the promoter side"));
        assertThat(lines).noneMatch(l -> l.startsWith("other@") || l.startsWith("platform@"));
        assertThat(audience.getCellComponent(0, 3).isVisible()).as("a viewer revokes nothing").isFalse();
    }

    @Test
    @WithDemoUser("promoter@roadbook.demo")
    void anExternalCollaboratorHasNoRouteToTheOrgsShows() {
        navigate("shows", Component.class);
        assertThat($(ShowsView.class).exists()).isFalse();
        navigate("venues", Component.class);
        assertThat($(VenuesView.class).exists()).isFalse();
    }

    @Test
    @WithDemoUser("other@roadbook.demo")
    void aForeignShowLooksLikeAMissingOne() {
        UUID northern = fixtures.owner().queryForObject("""
                select s.id from shows s join organizations o on o.id = s.org_id where o.slug = 'northern-lights-touring' limit 1""",
                UUID.class);
        navigate("shows/" + northern, Component.class);
        assertThat($(ShowView.class).exists()).isFalse();
        String foreign = page();
        assertThat(foreign).startsWith("NotFoundView: Page not found");
        navigate("shows/" + UUID.randomUUID(), Component.class);
        assertThat(page()).isEqualTo(foreign);
    }

    /** The rendered view, by class and text (the UI element's own text leaves the view out). */
    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
