package app.roadbook.guests.ui;

import app.roadbook.base.Ids;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.DoorEntry;
import app.roadbook.guests.GuestLists.Page;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.UUID;

/**
 * The door list of a show, made to be printed: approved guests by name with their plus-ones, ticked off at the door.
 * The print stylesheet (roadbook.css, {@code @media print}) leaves out the navigation and the buttons, so the page
 * prints as the list alone on A4 or Letter.
 */
@Route("shows/:showId/guests/door-list")
@PermitAll
public class DoorListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Anchor back = new Anchor();
    final H2 title = new H2();
    final Paragraph facts = new Paragraph();
    final Paragraph total = new Paragraph();
    final Paragraph empty = new Paragraph("No approved guests yet. Approved requests appear here, by name.");
    final Div lines = new Div();
    private final GuestLists service;
    private Page page;

    public DoorListView(GuestLists service) {
        this.service = service;
        addClassName("door-list-view");
        back.addClassName("no-print");
        facts.addClassName("door-list-facts");
        total.addClassName("door-list-total");
        empty.addClassName("empty-state");
        lines.addClassName("door-list");
        Button print = new Button("Print", e -> getElement().executeJs("window.print()"));
        HorizontalLayout actions = new HorizontalLayout(back, print);
        actions.addClassName("no-print");
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(actions, title, facts, total, empty, lines);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID showId = Ids.parse(event.getRouteParameters().get("showId"))
                    .orElseThrow(() -> new NotFoundException("No such show."));
            page = service.page(showId);
            show(showId, service.doorList(showId));
        } catch (Refusal e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return "Door list" + (page == null ? "" : " · " + page.show().name()) + " · Roadbook";
    }

    private void show(UUID showId, List<DoorEntry> entries) {
        back.setText("← Guest list");
        back.setHref("shows/" + showId + "/guests");
        title.setText("Door list · " + page.show().name());
        facts.setText(GuestListView.DATE.format(page.show().date()) + " · "
                + page.show().place());
        int heads = entries.stream().mapToInt(e -> 1 + e.plusOnes()).sum();
        total.setText(entries.size() + (entries.size() == 1 ? " name, " : " names, ") + heads
                + (heads == 1 ? " person" : " people") + " in all");
        lines.removeAll();
        for (DoorEntry e : entries) {
            Span box = new Span();
            box.addClassName("door-tick");
            Span name = new Span(e.name());
            name.addClassName("door-name");
            Span plus = new Span(e.plusOnes() == 0 ? "" : "+" + e.plusOnes());
            plus.addClassName("door-plus");
            Span kind = new Span(e.type().label() + " · " + e.party().label());
            kind.addClassName("door-kind");
            Div line = new Div(box, name, plus, kind);
            line.addClassName("door-line");
            lines.add(line);
        }
        empty.setVisible(entries.isEmpty());
        lines.setVisible(!entries.isEmpty());
    }
}
