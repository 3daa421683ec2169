package app.roadbook.schedule.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.schedule.ScheduleBook;
import app.roadbook.schedule.ScheduleEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.UUID;

/**
 * The day of one show on its show page: every item the reader may see, in the venue's time, with who sees it and
 * whether the advance holds it; editors add, change and delete items here.
 */
class DayPanel extends VerticalLayout {

    final Grid<ScheduleEntry> grid = new Grid<>();
    final Button add = new Button("Add item");
    final Anchor daySheet;
    final Paragraph empty = new Paragraph(
            "Nothing is planned for this day yet. Add the bus call, the load-in and the rest of the day; the day sheet"
                    + " shows each reader the items meant for them.");

    private final ScheduleBook book;
    private final UUID orgId;
    private final UUID showId;
    private final boolean editor;

    DayPanel(ScheduleBook book, UUID orgId, UUID showId) {
        this.book = book;
        this.orgId = orgId;
        this.showId = showId;
        this.editor = book.canEdit(orgId);
        setPadding(false);
        setWidthFull();
        addClassName("day-panel");
        daySheet = new Anchor("shows/" + showId + "/day-sheet", "Open the day sheet");
        daySheet.addClassName("open-day-sheet");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setVisible(editor);
        add.addClickListener(e -> new ScheduleItemDialog(book, orgId, showId, null, this::refresh).open());
        grid.addColumn(ScheduleEntry::when).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ScheduleEntry::title).setHeader("What").setFlexGrow(2);
        grid.addColumn(e -> e.type().label()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(e -> e.location() == null ? "" : e.location())
                .setHeader("Where")
                .setFlexGrow(1);
        grid.addColumn(ScheduleEntry::agreement)
                .setHeader("Agreement")
                .setPartNameGenerator(e -> e.change() == null ? null : "changed")
                .setFlexGrow(2);
        grid.addColumn(ScheduleEntry::audienceText).setHeader("Visible to").setFlexGrow(1);
        if (editor) {
            grid.addComponentColumn(this::actions)
                    .setHeader("")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.addClassName("day-sheet");
        empty.addClassName("empty-state");
        HorizontalLayout bar = new HorizontalLayout(add, daySheet);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        add(new H3("Day sheet"), bar, empty, grid);
        refresh();
    }

    private HorizontalLayout actions(ScheduleEntry e) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!e.stored()) {
            return actions;
        }
        Button edit =
                new Button("Edit", c -> new ScheduleItemDialog(book, orgId, showId, e.id(), this::refresh).open());
        edit.addThemeVariants(ButtonVariant.TERTIARY);
        edit.setAriaLabel("Edit " + e.title());
        actions.add(edit);
        if (!e.fromAdvance()) {
            Button delete = new Button(
                    "Delete",
                    c -> Changes.confirmFirst(
                            "Delete \u201c" + e.title() + "\u201d?",
                            "It disappears from this show's day sheet for everyone who could see it.",
                            "Delete item",
                            () -> Changes.attempt(() -> book.delete(orgId, e.id()), this::refresh)));
            delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            delete.setAriaLabel("Delete " + e.title());
            actions.add(delete);
        }
        return actions;
    }

    void refresh() {
        List<ScheduleEntry> entries = book.entries(orgId, showId);
        grid.setItems(entries);
        grid.setVisible(!entries.isEmpty());
        empty.setVisible(entries.isEmpty());
    }
}
