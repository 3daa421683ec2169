package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingBoard;
import app.roadbook.advancing.AdvancingBoard.Line;
import app.roadbook.advancing.AdvancingBoard.Period;
import app.roadbook.advancing.AdvancingBoard.Progress;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.base.NotFoundException;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** The organization's advancing board on the test's own organization ({@link AdvancesUnderWay}). */
@RoadbookTest
class AdvancingBoardViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    AdvancingBoard board;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    AdvancesUnderWay data;

    @BeforeEach
    void advancesUnderWay() {
        data = new AdvancesUnderWay(fixtures, exchange);
    }

    private List<Line> rows(AdvancingBoardView view) {
        var grid = test(view.grid);
        List<Line> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private static List<String> titles(List<Line> rows) {
        return rows.stream().map(Line::title).toList();
    }

    @Test
    void aViewerSeesTheUpcomingAdvancesByShowDateWithWhatWaitsOnWhom() {
        fixtures.signIn(data.viewer);
        AdvancingBoardView view = navigate(AdvancingBoardView.class);
        assertThat(view.period.getValue()).isEqualTo(Period.UPCOMING);
        assertThat(view.count.getText()).isEqualTo("2 advances");
        List<Line> rows = rows(view);
        assertThat(titles(rows)).containsExactly("Oslo advance", "Copenhagen advance");

        Line oslo = rows.get(0);
        assertThat(oslo.sessionId()).isEqualTo(data.oslo);
        assertThat(oslo.date()).isEqualTo(AdvancesUnderWay.today().plusDays(3));
        assertThat(oslo.daysUntil()).isEqualTo(3);
        assertThat(oslo.artistName()).isEqualTo("The Auroras");
        assertThat(oslo.venueName() + ", " + oslo.venueCity()).isEqualTo("Rockefeller, Oslo");
        assertThat(oslo.closed()).isFalse();
        assertThat(oslo.progress())
                .as("agreed, waiting on us, on the promoter, changed, declined")
                .isEqualTo(new Progress(AdvancesUnderWay.FIELDS, 1, 4, 1, 1, 1));
        assertThat(rows.get(1).progress()).isEqualTo(new Progress(AdvancesUnderWay.FIELDS, 0, 0, 1, 0, 0));
        assertThat(rows.get(1).artistName()).isEqualTo("Blue Static");

        var grid = test(view.grid);
        assertThat(grid.getCellText(0, 1)).isEqualTo("In 3 days");
        assertThat(grid.getCellText(0, 5)).isEqualTo("1 of 19 agreed");
        assertThat(grid.getCellText(0, 6)).isEqualTo("4");
        assertThat(grid.getCellText(0, 7)).isEqualTo("1");
        Anchor link = (Anchor) grid.getCellComponent(0, 4);
        assertThat(link.getText()).isEqualTo("Oslo advance");
        assertThat(link.getHref()).isEqualTo("advance/" + data.oslo);
        assertThat(view.empty.isVisible()).isFalse();
        assertThat(page()).as("another organization's advance").doesNotContain("Foreign");
    }

    @Test
    void theFiltersNarrowTheBoard() {
        fixtures.signIn(data.editor);
        AdvancingBoardView view = navigate(AdvancingBoardView.class);

        view.period.setValue(Period.ALL);
        assertThat(titles(rows(view)))
                .as("by show date, last week's first")
                .containsExactly("Last week advance", "Oslo advance", "Copenhagen advance");

        view.period.setValue(Period.PAST);
        List<Line> past = rows(view);
        assertThat(titles(past)).containsExactly("Last week advance");
        assertThat(past.get(0).closed()).isTrue();
        assertThat(past.get(0).daysUntil()).isEqualTo(-5);
        assertThat(past.get(0).progress().agreed()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("5 days ago");
        assertThat(test(view.grid).getCellText(0, 10)).isEqualTo("Closed");

        view.period.setValue(Period.ALL);
        test(view.waitingOnUs).click();
        assertThat(titles(rows(view))).containsExactly("Oslo advance");
        test(view.waitingOnUs).click();
        test(view.changed).click();
        assertThat(titles(rows(view))).containsExactly("Oslo advance");
        test(view.changed).click();

        assertThat(view.artist.getListDataView().getItems().map(AdvancingBoard.ArtistOption::name))
                .as("the artists of advanced shows")
                .containsExactly("Blue Static", "The Auroras");
        test(view.artist).selectItem("Blue Static");
        assertThat(titles(rows(view))).containsExactly("Copenhagen advance");
        assertThat(view.count.getText()).isEqualTo("1 advance");
        test(view.artist).selectItem("The Auroras");
        assertThat(titles(rows(view))).containsExactly("Last week advance", "Oslo advance");

        view.period.setValue(Period.PAST);
        test(view.changed).click();
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.count.getText()).isEqualTo("0 advances");
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).isEqualTo("No advance matches these filters.");
    }

    @Test
    void anOrganizationWithoutAdvancesIsToldHowToStartOne() {
        UUID owner = fixtures.user("Owner");
        fixtures.organization("Quiet Touring", owner);
        fixtures.signIn(owner);
        AdvancingBoardView view = navigate(AdvancingBoardView.class);
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.empty.getText()).startsWith("No advances yet. Open a show under Shows and start its advance");
    }

    @Test
    void anOrganizationWhoseAdvancesAreAllPastSaysWhereTheyAre() {
        fixtures.signIn(data.owner);
        exchange.delete(data.oslo);
        exchange.delete(data.copenhagen);
        AdvancingBoardView view = navigate(AdvancingBoardView.class);
        assertThat(view.empty.getText()).startsWith("No upcoming show is being advanced.");
        view.period.setValue(Period.ALL);
        assertThat(titles(rows(view))).containsExactly("Last week advance");
    }

    @Test
    void anotherOrganizationsAdvancesNeverAppear() {
        fixtures.signIn(data.outsider);
        AdvancingBoardView view = navigate(AdvancingBoardView.class);
        view.period.setValue(Period.ALL);
        assertThat(titles(rows(view))).containsExactly("Foreign advance");
        assertThat(view.artist.getListDataView().getItems().map(AdvancingBoard.ArtistOption::name))
                .containsExactly("Foreign Band");

        // Asked for the other organization by id, the service answers as for a missing one.
        assertThatThrownBy(() -> board.board(data.org, AdvancingBoard.Filter.EVERYTHING, PageRequest.of(0, 50)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> board.countBoard(data.org, AdvancingBoard.Filter.EVERYTHING))
                .isInstanceOf(NotFoundException.class);
        fixtures.signIn(data.viewer);
        assertThatThrownBy(() -> board.artists(data.foreignOrg)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPromoterHasNoRouteToTheBoard() {
        fixtures.signIn(data.promoter);
        navigate("advancing", Component.class);
        assertThat($(AdvancingBoardView.class).exists()).isFalse();
        assertThat(page()).startsWith("NotFoundView");
    }

    @Test
    void theBoardCostsTheSameNumberOfStatementsForTwoAdvancesAndForFifty() {
        fixtures.signIn(data.editor);
        long few = statementsToOpenTheBoard(2);
        fixtures.signIn(data.owner);
        UUID venue = data.venue(data.org, "Bulk venue", "Bergen", "Europe/Oslo");
        for (int i = 1; i <= 55; i++) {
            UUID artist = data.artist(data.org, "Bulk artist " + i);
            UUID show =
                    data.show(data.org, artist, venue, AdvancesUnderWay.today().plusDays(20 + i), "Bulk " + i);
            exchange.createSession(data.org, show, "Bulk advance " + i, null, null);
        }
        fixtures.signIn(data.editor);
        long many = statementsToOpenTheBoard(50);
        assertThat(many).isEqualTo(few);
    }

    private long statementsToOpenTheBoard(int rowsShown) {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            AdvancingBoardView view = navigate(AdvancingBoardView.class);
            // What the browser does: ask for the rows it has room for, then render them in one response.
            view.grid.getDataCommunicator().setViewportRange(0, rowsShown);
            roundTrip();
            long statements = statistics.getPrepareStatementCount();
            // The board's own: the count, one page of rows, the artist filter's options; one statement each.
            List<String> boards = java.util.Arrays.stream(statistics.getQueries())
                    .filter(q -> q.contains("advancing_sessions"))
                    .toList();
            assertThat(boards).hasSize(3);
            assertThat(boards)
                    .allSatisfy(q -> assertThat(statistics.getQueryStatistics(q).getExecutionCount())
                            .isEqualTo(1));
            assertThat(boards).as("the rows came in this response").anyMatch(q -> q.contains("waiting_on_artist_team"));
            assertThat(view.grid.getDataCommunicator().getItem(rowsShown - 1)).isNotNull();
            return statements;
        } finally {
            statistics.setStatisticsEnabled(false);
            statistics.clear();
        }
    }

    /** The rendered view, by class and text. */
    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
