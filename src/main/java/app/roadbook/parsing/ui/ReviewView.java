package app.roadbook.parsing.ui;

import app.roadbook.base.Formats;
import app.roadbook.base.ui.Changes;
import app.roadbook.files.ui.FileView;
import app.roadbook.parsing.Decision;
import app.roadbook.parsing.InboxRecords.Confirmation;
import app.roadbook.parsing.InboxRecords.Confirmed;
import app.roadbook.parsing.InboxRecords.Review;
import app.roadbook.parsing.InboxRecords.ValueLine;
import app.roadbook.parsing.ParsedField;
import app.roadbook.parsing.ParsingInbox;
import app.roadbook.shows.ui.ShowView;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One inbox item under review: the source text with every proposed value's span highlighted, and beside it the values
 * with their confidence and match. Clicking a value scrolls to its span. The editor accepts, edits or drops each,
 * then confirms: only then is anything written.
 */
@Route("inbox/:itemId")
@PermitAll
@RequiresOrgPermission(OrgPermission.EDIT_DATA)
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Paragraph about = new Paragraph();
    final Div source = new Div();
    final VerticalLayout values = new VerticalLayout();
    final Div notes = new Div();
    final VerticalLayout confirmPanel = new VerticalLayout();
    final Checkbox createVenue = new Checkbox();
    final ComboBox<String> venueZone = new ComboBox<>("Time zone of the new venue");
    final Checkbox createContact = new Checkbox("Add the promoter to your contacts");
    final Button acceptRest = new Button("Accept the undecided values");
    final Button confirm = new Button();
    final Button dismiss = new Button("Dismiss");

    private final ParsingInbox inbox;
    private UUID itemId;
    private Review review;

    public ReviewView(ParsingInbox inbox) {
        this.inbox = inbox;
        setWidthFull();
        source.addClassName("parsed-source");
        values.addClassName("parsed-values");
        values.setPadding(false);
        values.setSpacing(false);
        venueZone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        venueZone.setVisible(false);
        createVenue.addValueChangeListener(e -> venueZone.setVisible(e.getValue()));
        acceptRest.addClickListener(e -> Changes.attempt(() -> inbox.acceptRest(itemId), this::reload));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> confirm());
        dismiss.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        dismiss.addClickListener(e -> Changes.confirmFirst(
                "Dismiss this item?",
                "Nothing read from it will be written. It stays in the inbox as dismissed.",
                "Dismiss",
                () -> Changes.attempt(() -> inbox.dismiss(itemId), this::reload)));
        notes.addClassName("parsed-notes");

        Div sourceColumn = new Div(new H3("Source"), source);
        sourceColumn.addClassName("parsed-column");
        Div valueColumn = new Div(new H3("Values read"), values);
        valueColumn.addClassName("parsed-column");
        FlexLayout columns = new FlexLayout(sourceColumn, valueColumn);
        columns.addClassName("parsed-columns");
        columns.setWidthFull();
        RouterLink back = new RouterLink("Back to the inbox", InboxView.class);
        add(back, title, about, notes, columns, confirmPanel);
    }

    /** The item's own title ("Offer: The Auroras, Oslo"), so a tab of several reviews tells them apart. */
    @Override
    public String getPageTitle() {
        return (review == null ? "Review" : "Review · " + review.title()) + " · Roadbook";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            itemId = UUID.fromString(event.getRouteParameters().get("itemId").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new com.vaadin.flow.router.NotFoundException();
        }
        reload();
    }

    void reload() {
        review = inbox.review(itemId);
        title.setText(review.title());
        about.setText(review.via().label()
                + (review.sender() == null ? "" : " from " + review.sender())
                + ", " + Formats.utc(review.receivedAt())
                + " · " + review.status().label());
        about.removeAll();
        about.setText(about.getText());
        if (review.sourceFileId() != null) {
            RouterLink original = new RouterLink(
                    "Original file",
                    FileView.class,
                    new RouteParameters("fileId", review.sourceFileId().toString()));
            about.add(new Span(" · "), original);
        }
        notes.removeAll();
        review.notes().forEach(n -> notes.add(new Paragraph(n)));
        notes.setVisible(!review.notes().isEmpty());
        renderSource();
        renderValues();
        renderConfirm();
    }

    /**
     * The source text, every span of a value marked; each value's first piece carries {@code id="span-<value id>"}
     * so clicking the value scrolls to it. Overlapping spans are cut at every boundary, each piece marked once.
     */
    private void renderSource() {
        source.removeAll();
        String text = review.text();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (ValueLine v : review.values()) {
            cuts.add(v.start());
            cuts.add(v.end());
        }
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            String piece = text.substring(from, to);
            List<ValueLine> covering = new ArrayList<>();
            for (ValueLine v : review.values()) {
                if (v.start() <= from && v.end() >= to && v.end() > v.start()) {
                    covering.add(v);
                }
            }
            if (covering.isEmpty()) {
                source.add(new Span(piece));
            } else {
                Span mark = new Span(piece);
                mark.addClassName("parsed-span");
                mark.getElement()
                        .setAttribute("title", covering.getFirst().field().label());
                for (ValueLine v : covering) {
                    mark.addClassName("span-of-" + v.id());
                    if (v.start() == from) {
                        mark.setId("span-" + v.id());
                    }
                    if (v.decision() == Decision.DROPPED) {
                        mark.addClassName("dropped");
                    }
                }
                source.add(mark);
            }
            from = to;
        }
    }

    private void renderValues() {
        values.removeAll();
        if (review.values().isEmpty()) {
            values.add(new Paragraph("No booking details were found in this text: no date, venue, times or fee."
                    + " Dismiss it, or paste the mail that has them."));
            return;
        }
        for (ValueLine v : review.values()) {
            values.add(card(v));
        }
    }

    private Div card(ValueLine v) {
        Span label = new Span(v.field().label());
        label.addClassName("parsed-label");
        Span value = new Span(v.decision() == Decision.EDITED ? v.kept() : v.readable());
        value.addClassName("parsed-value");
        Span facts = new Span(
                v.confidence() + " confidence · " + v.extractor() + (v.match() == null ? "" : " · " + v.match()));
        facts.addClassName("parsed-facts");
        Span state = new Span(
                v.decision() == Decision.EDITED
                        ? "Edited (read as “" + v.readable() + "”)"
                        : v.decision().label());
        state.addClassName("parsed-decision");
        state.addClassName("decision-" + v.decision().name().toLowerCase(java.util.Locale.ROOT));
        Div card = new Div(label, value, facts, state);
        card.addClassName("parsed-card");
        card.setId("value-" + v.id());
        card.getElement().addEventListener("click", e -> highlight(v)).addEventData("event.target.tagName");
        if (review.editable()) {
            Button accept = new Button("Accept", e -> decide(v, Decision.ACCEPTED, null));
            accept.addThemeVariants(ButtonVariant.SMALL);
            Button edit = new Button("Edit", e -> edit(card, v));
            edit.addThemeVariants(ButtonVariant.SMALL);
            Button drop = new Button("Drop", e -> decide(v, Decision.DROPPED, null));
            drop.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
            HorizontalLayout buttons = new HorizontalLayout(accept, edit, drop);
            buttons.setSpacing(true);
            card.add(buttons);
        }
        return card;
    }

    /** Scrolls the source to the value's span and marks it as the one looked at. */
    private void highlight(ValueLine v) {
        UI.getCurrent()
                .getPage()
                .executeJs(
                        "document.querySelectorAll('.parsed-span.active').forEach(e => e.classList.remove('active'));"
                                + "document.querySelectorAll('.span-of-' + $0).forEach(e => e.classList.add('active'));"
                                + "const s = document.getElementById('span-' + $0);"
                                + "if (s) s.scrollIntoView({block: 'center', behavior: 'smooth'});",
                        v.id().toString());
    }

    private void edit(Div card, ValueLine v) {
        TextField field = new TextField("New " + v.field().label().toLowerCase(java.util.Locale.ROOT));
        field.setValue(v.decision() == Decision.EDITED ? v.editedValue() : v.value());
        field.setHelperText(hint(v.field()));
        Button save = new Button("Save", e -> decide(v, Decision.EDITED, field.getValue()));
        save.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        card.add(new HorizontalLayout(field, save));
        field.focus();
    }

    private static String hint(ParsedField field) {
        return switch (field) {
            case SHOW_DATE -> "A date like 2027-01-15";
            case LOAD_IN, SOUNDCHECK, DOORS, SET_TIME, CURFEW -> "A time like 19:30";
            case FEE, TICKET_PRICE -> "Currency and amount, like EUR 3500.00";
            case DEAL_TYPE -> "flat, versus or door";
            case BOOKING_STATUS -> "hold or confirmed";
            case VENUE_COUNTRY -> "A country or its code, like NO";
            case CAPACITY -> "A whole number, like 1200";
            default -> "";
        };
    }

    private void decide(ValueLine v, Decision decision, String edited) {
        Changes.attempt(() -> inbox.decide(v.id(), v.version(), decision, edited), this::reload);
    }

    private void renderConfirm() {
        confirmPanel.removeAll();
        confirmPanel.setPadding(false);
        if (!review.editable()) {
            if (review.showId() != null && review.status() == app.roadbook.parsing.ItemStatus.CONFIRMED) {
                confirmPanel.add(
                        new Paragraph(
                                "Confirmed into " + (review.showName() == null ? "a show" : review.showName()) + ". "),
                        new RouterLink(
                                "Open the show",
                                ShowView.class,
                                new RouteParameters("showId", review.showId().toString())));
            }
            return;
        }
        confirmPanel.add(new H3("Confirm"));
        String target = review.showId() == null
                ? "Confirming creates a draft show from the accepted and edited values."
                : "Confirming updates " + review.showName() + " with the accepted and edited values.";
        confirmPanel.add(new Paragraph(target + " Dropped values are not written; values a show has no place for go"
                + " into its notes, and times go to its open advances for the promoter to accept."));
        boolean newVenue = review.hasKept(ParsedField.VENUE) && !review.venueMatched();
        createVenue.setVisible(newVenue);
        if (newVenue) {
            String name = review.values().stream()
                    .filter(v -> v.field() == ParsedField.VENUE && v.decision().kept())
                    .findFirst()
                    .map(ValueLine::kept)
                    .orElse("the venue");
            createVenue.setLabel("Add " + name + " to your venues");
            if (venueZone.getValue() == null && review.proposedZone() != null) {
                venueZone.setValue(review.proposedZone());
            }
        }
        boolean newContact = !review.contactMatched()
                && (review.hasKept(ParsedField.PROMOTER_PERSON) || review.hasKept(ParsedField.PROMOTER_COMPANY));
        createContact.setVisible(newContact);
        confirm.setText(review.showId() == null ? "Create draft show" : "Update show");
        long undecided = review.undecided();
        acceptRest.setVisible(undecided > 0);
        HorizontalLayout buttons = new HorizontalLayout(acceptRest, confirm, dismiss);
        buttons.getStyle().set("flex-wrap", "wrap");
        confirmPanel.add(createVenue, venueZone, createContact, buttons);
        if (undecided > 0) {
            confirmPanel.add(new Paragraph(undecided + (undecided == 1 ? " value is" : " values are")
                    + " still undecided: accept, edit or drop each first."));
        }
    }

    private void confirm() {
        Confirmed[] done = new Confirmed[1];
        boolean ok = Changes.attempt(
                () -> done[0] = inbox.confirm(
                        itemId,
                        new Confirmation(
                                createVenue.isVisible() && createVenue.getValue(),
                                venueZone.getValue(),
                                createContact.isVisible() && createContact.getValue())),
                () -> {});
        if (ok) {
            Notification.show(done[0].sentence(), 5000, Notification.Position.BOTTOM_START);
            UI.getCurrent()
                    .navigate(
                            ShowView.class,
                            new RouteParameters("showId", done[0].showId().toString()));
        }
    }
}
