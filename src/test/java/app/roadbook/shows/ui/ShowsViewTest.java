package app.roadbook.shows.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.ui.AdvanceView;
import app.roadbook.invitations.ShowCollabRole;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.ShowsTestData;
import app.roadbook.shows.VenueService;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shows screens on the test's own organization: an owner, an editor, a viewer, a promoter and an outsider. */
@RoadbookTest
class ShowsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ShowService shows;

    @Autowired
    ArtistService artists;

    @Autowired
    VenueService venues;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    AdvancingExchange advancing;

    ShowsTestData data;
    UUID owner, editor, viewer, promoter, org, vega, granted;

    @BeforeEach
    void anOrgWithVenuesArtistsAndShows() {
        data = new ShowsTestData(fixtures.owner());
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        org = fixtures.organization("Views Co", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(owner);
        vega = venues.createVenue(
                org, new VenueDraft("Vega", "Enghavevej 40", "Copenhagen", "DK", 1550, "Europe/Copenhagen"));
        UUID rockefeller =
                venues.createVenue(org, new VenueDraft("Rockefeller", null, "Oslo", "NO", 1350, "Europe/Oslo"));
        UUID auroras = artists.createArtist(org, "The Auroras");
        LocalDate today = LocalDate.now();
        granted =
                shows.createShow(org, show(auroras, rockefeller, today.plusDays(3), LocalTime.of(19, 0), "Oslo night"));
        shows.createShow(org, show(auroras, vega, today.plusDays(10), LocalTime.of(20, 0), "Copenhagen night"));
        shows.createShow(org, show(auroras, vega, today.minusDays(5), null, "Last week"));
        shows.createShow(org, show(null, null, today.minusDays(40), null, "Long ago"));
        data.grant(org, granted, promoter, ShowCollabRole.promoter_editor);
    }

    private static ShowDraft show(UUID artist, UUID venue, LocalDate date, LocalTime doors, String title) {
        return new ShowDraft(artist, venue, date, doors, null, ShowStatus.confirmed, title, null, "EUR", null);
    }

    @Test
    void anEditorCreatesAShowWithVenueLocalTimes() {
        fixtures.signIn(editor);
        ShowsView list = navigate(ShowsView.class);
        assertThat(list.create.isVisible()).isTrue();
        assertThat(list.count.getText()).isEqualTo("4 shows");
        assertThat(test(list.grid).size()).isEqualTo(4);
        assertThat(test(list.grid).getRow(0).title())
                .as("the soonest upcoming show first")
                .isEqualTo("Oslo night");
        assertThat(test(list.grid).getRow(0).doors()).isEqualTo(LocalTime.of(19, 0));
        assertThat(test(list.grid).getRow(3).title())
                .as("the oldest past show last")
                .isEqualTo("Long ago");

        test(list.create).click();
        ShowEditor editor = $(ShowEditor.class).single();
        test(editor.venue)
                .selectItem(editor.venue
                                .getListDataView()
                                .getItems()
                                .filter(v -> v.name().equals("Vega"))
                                .findFirst()
                                .orElseThrow()
                                .label()
                        + " · Europe/Copenhagen");
        editor.date.setValue(LocalDate.of(2027, 1, 15));
        editor.doors.setValue(LocalTime.of(19, 30));
        editor.title.setValue("Browserless night");
        test(editor.save).click();

        ShowView show = $(ShowView.class).single();
        assertThat(show.title.getText())
                .as("the date as people read it")
                .isEqualTo("Browserless night · Fri 15 Jan 2027");
        assertThat(show.facts.getElement().getTextRecursively())
                .contains("Doors: 19:30 (Europe/Copenhagen)", "Venue: Vega");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select doors_at from shows where org_id = ? and title = 'Browserless night'",
                                OffsetDateTime.class,
                                org))
                .isEqualTo(OffsetDateTime.parse("2027-01-15T18:30:00Z"));
    }

    @Test
    void theFiltersNarrowTheList() {
        fixtures.signIn(viewer);
        ShowsView list = navigate(ShowsView.class);
        test(list.artist).selectItem("The Auroras");
        assertThat(list.count.getText()).isEqualTo("3 shows");
        list.from.setValue(LocalDate.now());
        assertThat(list.count.getText()).isEqualTo("2 shows");
        assertThat(test(list.grid).getRow(1).venueName()).isEqualTo("Vega");
        list.to.setValue(LocalDate.now().minusDays(1));
        assertThat(list.grid.isVisible()).isFalse();
        assertThat(list.empty.getText()).isEqualTo("No show matches these filters.");
    }

    @Test
    void aViewerReadsShowsWithoutChangeControls() {
        fixtures.signIn(viewer);
        ShowsView list = navigate(ShowsView.class);
        assertThat(list.create.isVisible()).isFalse();
        ShowRow first = test(list.grid).getRow(0);
        ShowView show = navigate(ShowView.class, Map.of("showId", first.id().toString()));
        assertThat(show.edit.isVisible()).isFalse();
        assertThat(show.facts.getElement().getTextRecursively())
                .contains("Doors: 19:00 (Europe/Oslo)", "Artist: The Auroras");
        VenuesView venuesView = navigate(VenuesView.class);
        assertThat(venuesView.create.isVisible()).isFalse();
        assertThat(test(venuesView.grid).size()).isEqualTo(2);
        assertThat(test(venuesView.grid).getRow(0).name()).isEqualTo("Rockefeller");
        ArtistsView artistsView = navigate(ArtistsView.class);
        assertThat(artistsView.add.isVisible()).isFalse();
        assertThat(test(artistsView.grid).getRow(0).shows()).isEqualTo(3);
    }

    @Test
    void anEditorAddsAnArtistAndTheListShowsIt() {
        fixtures.signIn(editor);
        ArtistsView view = navigate(ArtistsView.class);
        assertThat(test(view.grid).size()).isEqualTo(1);
        test(view.name).setValue("<b>Bold</b>");
        test(view.add).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).contains("markup");
        test(view.name).setValue("Aalborg Drums");
        test(view.add).click();
        assertThat(view.name.isInvalid()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("Aalborg Drums");
    }

    @Test
    void theShowPageSaysWhoCanSeeItAndWhy() {
        fixtures.signIn(viewer);
        ShowView show = navigate(ShowView.class, Map.of("showId", granted.toString()));
        var audience = test(show.audience);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < audience.size(); i++) {
            lines.add(audience.getRow(i).email() + " | " + audience.getRow(i).reason());
        }
        assertThat(lines)
                .contains(
                        data.email(owner) + " | Owner of the organization",
                        data.email(viewer) + " | Viewer of the organization",
                        data.email(promoter) + " | Promoter team, can edit the promoter side");
        assertThat(lines).hasSize(4);
        assertThat(audience.getCellComponent(0, 3).isVisible())
                .as("a viewer revokes nothing")
                .isFalse();
    }

    @Test
    void anAdvanceStartsNamedAfterTheShowAndThenHoldsItsTimes() {
        fixtures.signIn(editor);
        ShowView show = navigate(ShowView.class, Map.of("showId", granted.toString()));
        test(show.edit).click();
        ShowEditor before = $(ShowEditor.class).single();
        assertThat(before.doors.isReadOnly()).as("no advance yet").isFalse();
        before.close();

        test(show.newAdvance).click();
        Dialog start = $(Dialog.class).withCondition(Dialog::isOpened).single();
        assertThat($(TextField.class, start).single().getValue())
                .as("no title made up")
                .isEmpty();
        test($(Button.class, start).withText("Start").single()).click();
        assertThat(getCurrentView()).isInstanceOf(AdvanceView.class);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select title from advancing_sessions where show_id = ?", String.class, granted))
                .isEqualTo("The Auroras at Rockefeller, Oslo");

        show = navigate(ShowView.class, Map.of("showId", granted.toString()));
        assertThat(test(show.advances).getRow(0).title()).isEqualTo("The Auroras at Rockefeller, Oslo");
        assertThat(test(show.advances).getCellText(0, 1)).isEqualTo("0 of 19 agreed");
        test(show.edit).click();
        ShowEditor after = $(ShowEditor.class).withCondition(Dialog::isOpened).single();
        assertThat(after.doors.isReadOnly()).isTrue();
        assertThat(after.setTime.isReadOnly()).isTrue();
        assertThat(after.doors.getHelperText()).isEqualTo("Agreed in the advance: change it there");
        after.close();

        advancing.close(test(show.advances).getRow(0).id());
        show = navigate(ShowView.class, Map.of("showId", granted.toString()));
        assertThat(test(show.advances).getCellText(0, 1)).isEqualTo("0 of 19 agreed · closed");
    }

    @Test
    void revokingACollaboratorAsksFirstAndEndsTheirAccess() {
        fixtures.signIn(owner);
        ShowView show = navigate(ShowView.class, Map.of("showId", granted.toString()));
        var audience = test(show.audience);
        int row = -1;
        for (int i = 0; i < audience.size(); i++) {
            if (audience.getRow(i).email().equals(data.email(promoter))) {
                row = i;
            }
        }
        assertThat(row).as("the promoter is in the audience").isNotNegative();
        Button revoke = (Button) audience.getCellComponent(row, 3);
        test(revoke).click();
        ConfirmDialog confirm =
                $(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single();
        assertThat(test(confirm).getHeader()).contains("Revoke", "access to this show");
        test(confirm).cancel();
        assertThat(grants()).as("cancelled: nothing revoked").isEqualTo(1);

        test(revoke).click();
        test($(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single())
                .confirm();
        assertThat(grants()).isZero();
        assertThat(test(show.audience).size()).isEqualTo(3);
    }

    private int grants() {
        return fixtures.owner()
                .queryForObject(
                        "select count(*) from show_collaborators where show_id = ? and user_id = ?",
                        Integer.class,
                        granted,
                        promoter);
    }

    @Test
    void anExternalCollaboratorHasNoRouteToTheOrgsShows() {
        fixtures.signIn(promoter);
        navigate("shows", Component.class);
        assertThat($(ShowsView.class).exists()).isFalse();
        navigate("shows/" + granted, Component.class);
        assertThat($(ShowView.class).exists()).isFalse();
        navigate("venues", Component.class);
        assertThat($(VenuesView.class).exists()).isFalse();
        navigate("artists", Component.class);
        assertThat($(ArtistsView.class).exists()).isFalse();
    }

    @Test
    void aForeignShowLooksLikeAMissingOne() {
        UUID outsider = fixtures.user("Outsider");
        fixtures.organization("Elsewhere", outsider);
        fixtures.signIn(outsider);
        navigate("shows/" + granted, Component.class);
        assertThat($(ShowView.class).exists()).isFalse();
        String foreign = page();
        assertThat(foreign).startsWith("NotFoundView: Page not found");
        navigate("shows/" + UUID.randomUUID(), Component.class);
        assertThat(page()).isEqualTo(foreign);
        navigate("shows/not-a-uuid", Component.class);
        assertThat(page()).isEqualTo(foreign);
    }

    @Test
    void theShowsPageCostsTheSameNumberOfStatementsForFourShowsAndForFifty() {
        fixtures.signIn(editor);
        long few = statementsToOpenTheShowsPage(4);
        data.showsWithTheirOwnArtistAndVenue(org, 60);
        long many = statementsToOpenTheShowsPage(50);
        assertThat(many).isEqualTo(few);
    }

    private long statementsToOpenTheShowsPage(int rowsShown) {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            ShowsView list = navigate(ShowsView.class);
            // What the browser does: ask for the rows it has room for, then render them in one response.
            list.grid.getDataCommunicator().setViewportRange(0, rowsShown);
            roundTrip();
            long statements = statistics.getPrepareStatementCount();
            assertThat(statistics.getQueries())
                    .as("the rows came in this response")
                    .anyMatch(q -> q.contains("from shows s left join artists a on a.id = s.artist_id"));
            assertThat(list.grid.getDataCommunicator().getItem(rowsShown - 1)).isNotNull();
            return statements;
        } finally {
            statistics.setStatisticsEnabled(false);
            statistics.clear();
        }
    }

    /** The rendered view, by class and text (the UI element's own text leaves the view out). */
    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
