package app.roadbook.guests.ui;

import app.roadbook.advancing.Party;
import app.roadbook.base.Ids;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.Allotment;
import app.roadbook.guests.GuestLists.Guest;
import app.roadbook.guests.GuestLists.Page;
import app.roadbook.guests.GuestStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A show's guest list, for its members and its promoter team alike (the service decides what each sees and may do;
 * to anyone else the page looks like a missing one). The allotments with what is taken and left, the cutoff in the
 * venue's zone, and the requests as cards that wrap on a phone, each with what the reader may do with it; the door
 * list prints from its own page and downloads as CSV.
 */
@Route("shows/:showId/guests")
@PermitAll
public class GuestListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    final Anchor back = new Anchor();
    final H2 title = new H2();
    final Div facts = new Div();
    final Div allotments = new Div();
    final Paragraph cutoff = new Paragraph();
    final Button addRequest = new Button("Add request");
    final Button setUp = new Button("Set up guest list");
    final Anchor doorList = new Anchor();
    final Anchor exportCsv = new Anchor();
    final Paragraph empty = new Paragraph();
    final Div guests = new Div();
    final List<GuestCard> cards = new ArrayList<>();
    private final GuestLists service;
    private UUID showId;
    private Page page;

    public GuestListView(GuestLists service) {
        this.service = service;
        addClassName("guest-list-view");
        back.addClassName("back-link");
        title.addClassName("guest-list-title");
        facts.addClassName("guest-list-facts");
        allotments.addClassName("guest-allotments");
        cutoff.addClassName("guest-cutoff");
        guests.addClassName("guest-cards");
        empty.addClassName("empty-state");
        addRequest.addThemeVariants(ButtonVariant.PRIMARY);
        addRequest.addClickListener(e -> new GuestRequestDialog(service, page, this::load).open());
        setUp.addClickListener(e -> new GuestListSetupDialog(service, page, this::load).open());
        doorList.setText("Print door list");
        exportCsv.setText("Door list (CSV)");
        exportCsv.getElement().setAttribute("download", true);
        exportCsv.setHref(csvHandler());
        HorizontalLayout actions = new HorizontalLayout(addRequest, setUp, doorList, exportCsv);
        actions.setWrap(true);
        actions.addClassName("guest-list-actions");
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(back, title, facts, allotments, cutoff, actions, new H3("Requests"), empty, guests);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            showId = Ids.parse(event.getRouteParameters().get("showId"))
                    .orElseThrow(() -> new NotFoundException("No such show."));
            load();
        } catch (Refusal e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return "Guest list" + (page == null ? "" : " · " + page.show().name()) + " · Roadbook";
    }

    void load() {
        page = service.page(showId);
        boolean member = page.can().party() == Party.from_us;
        back.setText(member ? "← Show" : "← My shows");
        back.setHref(member ? "shows/" + showId : "my-shows");
        title.setText("Guest list · " + page.show().name());
        facts.removeAll();
        facts.add(fact(page.show().date().format(DATE)));
        facts.add(fact(page.show().place()));
        if (!member) {
            facts.add(fact("With " + page.show().orgName()));
        }
        allotments.removeAll();
        for (Allotment a : page.allotments()) {
            Span figure = new Span(a.party().label() + ": " + a.text());
            figure.addClassName("guest-allotment");
            if (a.left() == 0) {
                figure.addClassName("full");
            }
            allotments.add(figure);
        }
        allotments.setVisible(page.setUp());
        cutoff.setText(page.cutoffText());
        cutoff.setVisible(page.setUp());
        addRequest.setVisible(page.canRequestNow());
        setUp.setText(page.setUp() ? "Change allotments and cutoff" : "Set up guest list");
        setUp.setVisible(page.can().manage());
        doorList.setHref("shows/" + showId + "/guests/door-list");
        doorList.setVisible(page.setUp());
        exportCsv.setVisible(page.setUp());
        guests.removeAll();
        cards.clear();
        for (Guest g : page.guests()) {
            GuestCard card = new GuestCard(g);
            cards.add(card);
            guests.add(card);
        }
        empty.setText(emptyText());
        empty.setVisible(page.guests().isEmpty());
        guests.setVisible(!page.guests().isEmpty());
    }

    private String emptyText() {
        if (!page.setUp()) {
            return page.can().manage()
                    ? "No guest list yet. Set it up: how many places the artist team and the promoter each have, and"
                            + " when requests close."
                    : "No guest list yet. The organization sets it up; once it has, you can see it here.";
        }
        if (page.canRequestNow()) {
            return "No requests yet. Add the first guest: their name as it should read at the door, and any plus-ones.";
        }
        return "No requests yet.";
    }

    private DownloadHandler csvHandler() {
        return event -> {
            event.setFileName(
                    "door-list-" + (page == null ? "show" : page.show().date()) + ".csv");
            event.getResponse().setContentType("text/csv; charset=utf-8");
            service.writeDoorListCsv(showId, new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        };
    }

    /** One request: who, how many, what kind, on whose allotment, where it stands; and what the reader may do. */
    final class GuestCard extends Div {

        final Guest guest;
        final Button approve = new Button("Approve");
        final Button decline = new Button("Decline");
        final Button withdraw = new Button("Withdraw");

        GuestCard(Guest guest) {
            this.guest = guest;
            addClassName("guest-card");
            Span name = new Span(guest.name() + (guest.plusOnes() == 0 ? "" : " +" + guest.plusOnes()));
            name.addClassName("guest-name");
            Span status = new Span(guest.status().label());
            status.addClassName("guest-status");
            status.getElement().getThemeList().add("badge");
            if (guest.status() == GuestStatus.approved) {
                status.getElement().getThemeList().add("success");
            } else if (guest.status() == GuestStatus.declined) {
                status.getElement().getThemeList().add("error");
            }
            Div head = new Div(name, status);
            head.addClassName("guest-card-head");
            Div details = new Div(
                    fact(guest.type().label()),
                    fact(guest.party().label() + " allotment"),
                    fact("Requested by " + guest.requestedBy()
                            + (guest.requestedAt() == null
                                    ? ""
                                    : " on "
                                            + GuestLists.WHEN.format(guest.requestedAt()
                                                    .atZoneSameInstant(
                                                            page.show().zone())))));
            details.addClassName("guest-card-facts");
            add(head, details);
            if (guest.note() != null) {
                Paragraph note = new Paragraph(guest.note());
                note.addClassName("guest-note");
                add(note);
            }
            boolean manage = page.can().manage();
            approve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            decline.addThemeVariants(ButtonVariant.SMALL);
            withdraw.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            approve.setVisible(manage && guest.status() != GuestStatus.approved);
            decline.setVisible(manage && guest.status() != GuestStatus.declined);
            withdraw.setVisible(manage
                    || (page.can().request()
                            && guest.party() == Party.from_you
                            && guest.status() == GuestStatus.requested));
            approve.setAriaLabel("Approve " + guest.name());
            decline.setAriaLabel("Decline " + guest.name());
            withdraw.setAriaLabel("Withdraw " + guest.name());
            approve.addClickListener(e -> Changes.attempt(
                    () -> service.decide(guest.id(), guest.version(), GuestStatus.approved), () -> load()));
            decline.addClickListener(e -> Changes.attempt(
                    () -> service.decide(guest.id(), guest.version(), GuestStatus.declined), () -> load()));
            withdraw.addClickListener(e -> Changes.confirmFirst(
                    "Withdraw the request for " + guest.name() + "?",
                    "It leaves the guest list" + (guest.plusOnes() == 0 ? "" : " with its plus-ones")
                            + " and frees its places on the "
                            + guest.party().label().toLowerCase()
                            + " allotment.",
                    "Withdraw",
                    () -> Changes.attempt(() -> service.withdraw(guest.id()), () -> load())));
            Div actions = new Div(approve, decline, withdraw);
            actions.addClassName("guest-card-actions");
            actions.setVisible(approve.isVisible() || decline.isVisible() || withdraw.isVisible());
            add(actions);
        }
    }

    static Span fact(String text) {
        Span span = new Span(text);
        span.addClassName("fact");
        return span;
    }
}
