package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingBoard;
import app.roadbook.advancing.AdvancingBoard.ArtistOption;
import app.roadbook.advancing.AdvancingBoard.Filter;
import app.roadbook.advancing.AdvancingBoard.Line;
import app.roadbook.advancing.AdvancingBoard.Period;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The organization's advancing at a glance: one row per advance, by show date, with its progress, what waits on the
 * artist team (us), what waits on the promoter, what changed after agreement and what was declined. Filters narrow it
 * to upcoming or past shows, to advances waiting on us or changed after agreement, and to one artist. Rows come page
 * by page, one statement each; the page itself scrolls no box of its own but the grid's.
 */
@Route("advancing")
@PageTitle("Advancing · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class AdvancingBoardView extends VerticalLayout implements BeforeEnterObserver {

    final Select<Period> period = new Select<>();
    final Checkbox waitingOnUs = new Checkbox("Waits on us");
    final Checkbox changed = new Checkbox("Changed after agreement");
    final ComboBox<ArtistOption> artist = new ComboBox<>();
    final Grid<Line> grid = new Grid<>();
    final Span count = new Span();
    final Paragraph empty = new Paragraph();

    private final AdvancingBoard board;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private Filter filter = Filter.UPCOMING;
    private int total;

    public AdvancingBoardView(AdvancingBoard board, CurrentOrganization currentOrganization) {
        this.board = board;
        this.currentOrganization = currentOrganization;
        addClassName("advancing-board");
        setSizeFull();
        period.setAriaLabel("Shows");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        period.setValue(Period.UPCOMING);
        artist.setPlaceholder("All artists");
        artist.setAriaLabel("Artist");
        artist.setItemLabelGenerator(ArtistOption::name);
        artist.setClearButtonVisible(true);
        period.addValueChangeListener(e -> refresh());
        waitingOnUs.addValueChangeListener(e -> refresh());
        changed.addValueChangeListener(e -> refresh());
        artist.addValueChangeListener(e -> refresh());

        grid.addClassName("advancing-board-grid");
        grid.addColumn(l -> AdvanceView.DATE.format(l.date()))
                .setHeader("Show date")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(l -> daysUntil(l.daysUntil()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(l -> l.artistName() == null ? "—" : l.artistName())
                .setHeader("Artist")
                .setFlexGrow(1);
        grid.addColumn(l -> l.venueName() == null
                        ? "—"
                        : l.venueName() + (l.venueCity() == null ? "" : ", " + l.venueCity()))
                .setHeader("Venue")
                .setFlexGrow(1);
        grid.addComponentColumn(l -> {
                    Anchor link = new Anchor("advance/" + l.sessionId(), l.title());
                    link.addClassName("board-advance-link");
                    return link;
                })
                .setHeader("Advance")
                .setFlexGrow(2);
        grid.addColumn(l -> l.progress().agreedText())
                .setHeader("Progress")
                .setAutoWidth(true)
                .setFlexGrow(0);
        figure("Waits on us", p -> p.progress().waitingOnArtistTeam(), true);
        figure("Waits on promoter", p -> p.progress().waitingOnPromoter(), false);
        figure("Changed after agreement", p -> p.progress().changed(), true);
        figure("Declined", p -> p.progress().declined(), true);
        grid.addColumn(l -> l.closed() ? "Closed" : "Open")
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // The board's order is the show date; a header click sorting one page in the browser would only mislead.
        grid.getColumns().forEach(c -> c.setSortable(false));
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(period, artist, waitingOnUs, changed);
        toolbar.addClassName("board-filters");
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        HorizontalLayout title = new HorizontalLayout(new H2("Advancing"), count);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        empty.addClassName("empty-state");
        add(title, toolbar, empty, grid);
    }

    /** A count column; where it asks something of the artist team, a number above zero stands out. */
    private void figure(String header, ToIntFunction<Line> value, boolean attention) {
        grid.addColumn(l -> value.applyAsInt(l))
                .setHeader(header)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(l -> attention && value.applyAsInt(l) > 0 ? "board-attention" : null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        artist.setItems(board.artists(orgId));
        // The count is asked once per change of the filter (refresh()); each page of rows is one statement.
        grid.setItems(
                q -> board.board(orgId, filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(), q -> total);
        refresh();
    }

    private void refresh() {
        filter = new Filter(
                period.getValue() == null ? Period.UPCOMING : period.getValue(),
                waitingOnUs.getValue(),
                changed.getValue(),
                artist.getValue() == null ? null : artist.getValue().id());
        total = board.countBoard(orgId, filter);
        grid.getDataProvider().refreshAll();
        count.setText(total == 1 ? "1 advance" : total + " advances");
        empty.setText(total > 0 ? "" : emptyText());
        empty.setVisible(total == 0);
        grid.setVisible(total > 0);
    }

    /** Why the board is empty, and what to do about it. */
    private String emptyText() {
        if (board.countBoard(orgId, Filter.EVERYTHING) == 0) {
            return "No advances yet. Open a show under Shows and start its advance with the promoter: it appears here "
                    + "with its progress and what waits on whom.";
        }
        if (filter.equals(Filter.UPCOMING)) {
            return "No upcoming show is being advanced. Choose \"Past shows\" or \"All shows\" to see earlier advances.";
        }
        return "No advance matches these filters.";
    }

    /** "Today", "Tomorrow", "In 12 days", "3 days ago". */
    static String daysUntil(long days) {
        if (days == 0) {
            return "Today";
        }
        if (days == 1) {
            return "Tomorrow";
        }
        if (days == -1) {
            return "Yesterday";
        }
        return days > 0 ? "In " + days + " days" : -days + " days ago";
    }
}
