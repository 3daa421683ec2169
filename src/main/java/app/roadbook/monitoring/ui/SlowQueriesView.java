package app.roadbook.monitoring.ui;

import app.roadbook.monitoring.SlowQueries;
import app.roadbook.monitoring.SlowQueries.Figures;
import app.roadbook.monitoring.SlowQueries.Summary;
import app.roadbook.monitoring.SlowQueryPeriod;
import app.roadbook.tenancy.RoadbookUser;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;

/**
 * The platform's slowest database work (decision 0026): per service method or repository query, how often a
 * statement of it passed the threshold in the chosen period, its median, 95th percentile and worst duration.
 */
@Route("admin/slow-queries")
@PageTitle("Slow queries · Roadbook")
@RolesAllowed(RoadbookUser.ROLE_PLATFORM_ADMIN)
public class SlowQueriesView extends VerticalLayout {

    final Select<SlowQueryPeriod> period = new Select<>();
    final Paragraph summary = new Paragraph();
    final Grid<Figures> grid = new Grid<>();

    private final SlowQueries queries;

    public SlowQueriesView(SlowQueries queries) {
        this.queries = queries;
        addClassName("slow-queries-view");
        period.setLabel("Period");
        period.setItems(SlowQueryPeriod.values());
        period.setItemLabelGenerator(SlowQueryPeriod::label);
        period.setValue(SlowQueryPeriod.DAY);
        period.addValueChangeListener(e -> refresh());

        grid.addColumn(Figures::name)
                .setHeader("Service method or query")
                .setComparator(Comparator.comparing(Figures::name))
                .setFlexGrow(3);
        grid.addColumn(f -> String.format(Locale.UK, "%,d", f.count()))
                .setHeader("Slow runs")
                .setComparator(Comparator.comparingLong(Figures::count))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> readable(f.p50Ms()))
                .setHeader("Median")
                .setTooltipGenerator(f -> "Half of the slow runs took " + readable(f.p50Ms()) + " or less (p50)")
                .setComparator(Comparator.comparingDouble(Figures::p50Ms))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> readable(f.p95Ms()))
                .setHeader("p95")
                .setTooltipGenerator(f -> "95 of 100 slow runs took " + readable(f.p95Ms()) + " or less")
                .setComparator(Comparator.comparingDouble(Figures::p95Ms))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> readable(f.maxMs()))
                .setHeader("Slowest")
                .setComparator(Comparator.comparingLong(Figures::maxMs))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();

        add(
                new H2("Slow queries"),
                new Paragraph("Every database statement that takes longer than the threshold is recorded with the"
                        + " service method or repository query that ran it. The slowest come first; click a heading"
                        + " to sort by it."),
                period,
                summary,
                grid);
        refresh();
    }

    private void refresh() {
        SlowQueryPeriod chosen = period.getValue();
        Summary figures = queries.summary(chosen);
        String threshold = readable(figures.threshold().toMillis());
        grid.setEmptyStateText("No statement took " + threshold + " or longer in the " + lower(chosen) + ".");
        grid.setItems(queries.slowest(chosen));
        StringBuilder text = new StringBuilder(String.format(
                Locale.UK,
                "%,d slow statement%s in the %s. Statements taking %s or longer are recorded; entries are kept %d days.",
                figures.entries(),
                figures.entries() == 1 ? "" : "s",
                lower(chosen),
                threshold,
                figures.keepDays()));
        if (figures.droppedSinceStart() > 0) {
            text.append(String.format(
                    Locale.UK,
                    " %,d more went unrecorded since the last start, when slow statements came faster than they could"
                            + " be written.",
                    figures.droppedSinceStart()));
        }
        summary.setText(text.toString());
    }

    private static String lower(SlowQueryPeriod period) {
        return period.label().toLowerCase(Locale.UK);
    }

    /** A duration in milliseconds as people read it: "340 ms", "1.2 s", "2 min 5 s". */
    static String readable(double ms) {
        if (ms < 1_000) {
            return Math.round(ms) + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.UK, "%.1f s", ms / 1_000);
        }
        Duration duration = Duration.ofSeconds(Math.round(ms / 1_000));
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }
}
