package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingRows;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.AdvancingService;
import app.roadbook.tenancy.OrgAccess;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The advancing grid: one row per field, our value and the promoter's side by side, status, comments and the last
 * change. Members of the org and collaborators granted the show open it; what each may change is decided by the
 * service and the database.
 */
@Route("advance/:sessionId")
@PageTitle("Advance · Roadbook")
@PermitAll
public class AdvanceView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    final H2 title = new H2("Advance");
    final Div progress = new Div();
    final Checkbox openOnly = new Checkbox("Open items only");
    final Grid<Row> grid = new Grid<>();

    private final AdvancingService advancing;
    private UUID sessionId;
    private List<Row> rows = List.of();
    private AdvancingService.Capabilities can;

    public AdvanceView(AdvancingService advancing) {
        this.advancing = advancing;
        setSizeFull();
        progress.addClassName("advance-progress");
        openOnly.addValueChangeListener(e -> show());
        grid.addColumn(Row::section).setHeader("Section").setAutoWidth(true);
        grid.addColumn(Row::fieldName).setHeader("Field").setAutoWidth(true);
        grid.addColumn(r -> sideText(r.ours())).setHeader("Our side").setFlexGrow(2);
        grid.addColumn(r -> sideText(r.theirs())).setHeader("Promoter side").setFlexGrow(2);
        grid.addColumn(r -> r.open() ? "Open" : "Confirmed").setHeader("Status").setAutoWidth(true);
        grid.addColumn(Row::comments).setHeader("Comments").setAutoWidth(true);
        grid.addColumn(AdvanceView::lastChange).setHeader("Last change").setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.open() ? "open" : "confirmed");
        grid.addItemClickListener(e -> new FieldPanel(advancing, can, e.getItem(), this::load).open());
        grid.setSizeFull();
        add(title, progress, openOnly, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            sessionId = UUID.fromString(event.getRouteParameters().get("sessionId").orElse(""));
            load();
        } catch (IllegalArgumentException | OrgAccess.NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    void load() {
        rows = advancing.rows(sessionId);
        can = advancing.capabilities(sessionId);
        show();
    }

    private void show() {
        grid.setItems(openOnly.getValue() ? rows.stream().filter(Row::open).toList() : rows);
        progress.removeAll();
        for (AdvancingRows.SectionProgress p : AdvancingRows.progress(rows)) {
            Span badge = new Span(p.section() + ": " + p.confirmed() + " of " + p.total() + " confirmed");
            badge.addClassName("section-progress");
            progress.add(badge);
        }
    }

    static String sideText(Side side) {
        if (side.value() == null) {
            return "—";
        }
        return side.value() + (side.confirmed() ? " ✓" : "")
                + (side.previousValue() != null && !side.confirmed() ? " (was " + side.previousValue() + ")" : "");
    }

    static String lastChange(Row row) {
        Side latest = row.ours().updatedAt() == null ? row.theirs()
                : row.theirs().updatedAt() == null || row.ours().updatedAt().isAfter(row.theirs().updatedAt()) ? row.ours() : row.theirs();
        if (latest.updatedAt() == null) {
            return "";
        }
        String who = latest.updatedBy() != null ? latest.updatedBy() : latest == row.ours() ? "Artist team" : "Promoter team";
        return who + ", " + latest.updatedAt().format(WHEN);
    }
}
