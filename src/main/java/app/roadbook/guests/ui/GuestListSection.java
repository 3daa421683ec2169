package app.roadbook.guests.ui;

import app.roadbook.base.ui.ShowPageSection;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.Allotment;
import app.roadbook.guests.GuestLists.Page;
import app.roadbook.guests.GuestStatus;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.UUID;

/** The guest list on the show page: the allotments, what waits for approval, the cutoff, and a link to the list. */
@org.springframework.stereotype.Component
class GuestListSection implements ShowPageSection {

    private final GuestLists service;

    GuestListSection(GuestLists service) {
        this.service = service;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> build(UUID orgId, UUID showId) {
        Page page = service.page(showId);
        Div section = new Div();
        section.addClassName("guest-list-section");
        section.add(new H3("Guest list"));
        if (!page.setUp()) {
            section.add(new Paragraph(
                    page.can().manage()
                            ? "No guest list yet: set the allotments and the cutoff, then the artist team and the"
                                    + " promoter can ask for places."
                            : "No guest list yet."));
        } else {
            Div figures = new Div();
            figures.addClassName("guest-allotments");
            for (Allotment a : page.allotments()) {
                Span figure = new Span(a.party().label() + ": " + a.text());
                figure.addClassName("guest-allotment");
                figures.add(figure);
            }
            long waiting = page.guests().stream()
                    .filter(g -> g.status() == GuestStatus.requested)
                    .count();
            long approved = page.guests().stream()
                    .filter(g -> g.status() == GuestStatus.approved)
                    .count();
            Span summary = new Span(approved + " approved · " + waiting + " waiting for approval");
            summary.addClassName("guest-summary");
            section.add(figures, summary, new Paragraph(page.cutoffText()));
        }
        Anchor open = new Anchor(
                "shows/" + showId + "/guests",
                page.setUp() ? "Open the guest list" : page.can().manage() ? "Set up the guest list" : "Guest list");
        open.addClassName("guest-list-link");
        section.add(open);
        return Optional.of(section);
    }
}
