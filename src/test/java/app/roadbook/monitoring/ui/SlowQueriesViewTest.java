package app.roadbook.monitoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.monitoring.SlowQueries.Figures;
import app.roadbook.monitoring.SlowQueryPeriod;
import app.roadbook.monitoring.SlowQueryRecorder;
import app.roadbook.monitoring.SlowWork;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class SlowQueriesViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SlowWork work;

    @Autowired
    SlowQueryRecorder recorder;

    @Test
    void aDeliberatelySlowQueryShowsOnThePlatformAdminsPageWithItsFigures() {
        UUID owner = fixtures.user("Quinn");
        UUID org = fixtures.organization("Slow Page Org", owner);
        Duration threshold = recorder.threshold();
        recorder.threshold(Duration.ofMillis(100));
        try {
            ActingUser.runAs(owner, () -> {
                work.slowReport(org, 0.2);
                work.slowReport(org, 0.3);
            });
        } finally {
            recorder.threshold(threshold);
        }
        for (int attempt = 0; attempt < 300 && recorded(owner) < 2; attempt++) {
            pause();
        }
        assertThat(recorded(owner)).as("both slow runs recorded").isEqualTo(2);

        fixtures.signIn(fixtures.platformAdmin());
        SlowQueriesView view = navigate(SlowQueriesView.class);
        assertThat(test(view.period).getSelected()).isEqualTo(SlowQueryPeriod.DAY);
        Figures figures = row(view, "SlowWork.slowReport");
        // Other tests of this JVM may run the same query, so at least this test's two runs.
        assertThat(figures.count()).isGreaterThanOrEqualTo(2);
        assertThat(figures.maxMs()).isGreaterThanOrEqualTo(300);
        assertThat(figures.p95Ms()).isGreaterThanOrEqualTo(figures.p50Ms()).isGreaterThanOrEqualTo(200);
        assertThat(view.summary.getText()).contains("slow statements in the last 24 hours", "200 ms", "30 days");
        assertThat(view.summary.getText()).doesNotContain("unrecorded");

        assertThat($(SideNavItem.class).all().stream()
                        .filter(SideNavItem::isVisible)
                        .map(SideNavItem::getLabel))
                .contains("Slow queries");
    }

    @Test
    void figuresArePercentilesOfThePeriodReadably() {
        String name = Fixtures.unique("Figures.query");
        // Ten runs of 100 ms .. 1,000 ms now, and one of an hour ago that only the longer periods count.
        fixtures.owner().update("""
                        insert into query_performance_log (query_name, execution_time_ms)
                        select ?, g * 100 from generate_series(1, 10) g""", name);
        fixtures.owner()
                .update(
                        "insert into query_performance_log (query_name, execution_time_ms, created_at)"
                                + " values (?, 90000, now() - interval '2 hours')",
                        name);
        fixtures.signIn(fixtures.platformAdmin());
        SlowQueriesView view = navigate(SlowQueriesView.class);

        test(view.period).selectItem("Last hour");
        int row = rowIndex(view, name);
        assertThat(test(view.grid).getCellText(row, 1)).isEqualTo("10");
        assertThat(test(view.grid).getCellText(row, 2)).as("p50 of 100..1000").isEqualTo("550 ms");
        assertThat(test(view.grid).getCellText(row, 3)).as("p95 of 100..1000").isEqualTo("955 ms");
        assertThat(test(view.grid).getCellText(row, 4)).isEqualTo("1.0 s");

        test(view.period).selectItem("Last 24 hours");
        row = rowIndex(view, name);
        assertThat(test(view.grid).getCellText(row, 1)).isEqualTo("11");
        assertThat(test(view.grid).getCellText(row, 4)).isEqualTo("1 min 30 s");
    }

    @Test
    void anEmptyPeriodSaysSo() {
        fixtures.signIn(fixtures.platformAdmin());
        SlowQueriesView view = navigate(SlowQueriesView.class);
        // The empty state's words, whatever other tests left in the log.
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No statement took 200 ms or longer in the last 24 hours.");
        assertThat(SlowQueriesView.readable(0.4)).isEqualTo("0 ms");
        assertThat(SlowQueriesView.readable(1_250)).isEqualTo("1.3 s");
        assertThat(SlowQueriesView.readable(3_725_000)).isEqualTo("62 min 5 s");
    }

    private int recorded(UUID owner) {
        return fixtures.owner()
                .queryForObject(
                        "select count(*) from query_performance_log where user_id = ? and query_name = 'SlowWork.slowReport'",
                        Integer.class,
                        owner);
    }

    private Figures row(SlowQueriesView view, String name) {
        return test(view.grid).getRow(rowIndex(view, name));
    }

    private int rowIndex(SlowQueriesView view, String name) {
        for (int i = 0; i < test(view.grid).size(); i++) {
            if (test(view.grid).getRow(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not on the page");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
