package app.roadbook.contacts.ui;

import app.roadbook.base.Formats;
import app.roadbook.base.Ids;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.contacts.CommissionDraft;
import app.roadbook.contacts.ContactCommissions;
import app.roadbook.contacts.ContactDetails;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.VenueLinks;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One contact: all its types and facts, its venue links and its commissions ledger. */
@Route("contacts/:contactId")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class ContactView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 name = new H2();
    final Span types = new Span();
    final Div facts = new Div();
    final Button edit = new Button("Edit");
    final Button merge = new Button("Merge…");
    final Button delete = new Button("Delete");
    final Grid<ContactDetails.VenueLink> venues = new Grid<>();
    final ComboBox<VenueLinks.VenueOption> venueToAdd = new ComboBox<>();
    final Checkbox primary = new Checkbox("Primary contact of the venue");
    final Button addVenue = new Button("Link venue");
    final Grid<ContactDetails.Commission> commissions = new Grid<>();
    final Paragraph totals = new Paragraph();
    final ComboBox<ContactCommissions.ShowOption> commissionShow = new ComboBox<>("Show");
    final BigDecimalField commissionAmount = new BigDecimalField("Amount");
    final TextField commissionCurrency = new TextField("Currency");
    final Select<String> commissionStatus = new Select<>();
    final DatePicker commissionPaidOn = new DatePicker("Paid on");
    final TextField commissionDescription = new TextField("Description");
    final Button addCommission = new Button("Add commission");
    private final HorizontalLayout venueForm;
    private final HorizontalLayout commissionForm;

    private final ContactDirectory contacts;
    private final VenueLinks venueLinks;
    private final ContactCommissions commissionLedger;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private ContactDetails contact;
    private boolean canEdit;

    public ContactView(
            ContactDirectory contacts,
            VenueLinks venueLinks,
            ContactCommissions commissionLedger,
            CurrentOrganization currentOrganization) {
        this.contacts = contacts;
        this.venueLinks = venueLinks;
        this.commissionLedger = commissionLedger;
        this.currentOrganization = currentOrganization;

        edit.addThemeVariants(ButtonVariant.PRIMARY);
        edit.addClickListener(
                e -> new ContactEditor(contacts, orgId, contact.id(), contact.version(), contact.draft(), id -> load())
                        .open());
        merge.addClickListener(e -> new MergeDialog(contacts, orgId, contact, this::load).open());
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> confirmDelete());
        types.addClassName("contact-types");
        facts.addClassName("contact-facts");

        venues.addColumn(ContactDetails.VenueLink::venueName).setHeader("Venue");
        venues.addColumn(ContactDetails.VenueLink::city).setHeader("City");
        venues.addColumn(v -> v.primary() ? "Primary" : "").setHeader("Primary");
        venues.addComponentColumn(this::venueActions).setHeader("").setAutoWidth(true);
        venues.setAllRowsVisible(true);
        venueToAdd.setPlaceholder("Choose a venue");
        venueToAdd.setItemLabelGenerator(VenueLinks.VenueOption::label);
        venueToAdd.setAriaLabel("Venue to link");
        addVenue.addClickListener(e -> {
            if (venueToAdd.getValue() == null) {
                venueToAdd.setErrorMessage("Choose a venue first.");
                venueToAdd.setInvalid(true);
                return;
            }
            venueLinks.link(orgId, contact.id(), venueToAdd.getValue().id(), primary.getValue());
            venueToAdd.clear();
            primary.clear();
            load();
        });
        venueForm = new HorizontalLayout(venueToAdd, primary, addVenue);
        venueForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        commissions
                .addColumn(ContactDetails.Commission::showLabel)
                .setHeader("Show")
                .setFlexGrow(2);
        commissions.addColumn(c -> Formats.money(c.amount(), c.currency())).setHeader("Amount");
        commissions.addColumn(c -> Formats.label(c.status())).setHeader("Status");
        commissions.addColumn(c -> Formats.shortDate(c.paidOn())).setHeader("Paid on");
        commissions
                .addColumn(ContactDetails.Commission::description)
                .setHeader("Description")
                .setFlexGrow(2);
        commissions.addComponentColumn(this::commissionActions).setHeader("").setAutoWidth(true);
        commissions.setAllRowsVisible(true);
        commissionShow.setItemLabelGenerator(ContactCommissions.ShowOption::label);
        commissionShow.setClearButtonVisible(true);
        commissionCurrency.setValue("USD");
        commissionCurrency.setMaxLength(3);
        commissionCurrency.setWidth("6rem");
        commissionStatus.setLabel("Status");
        commissionStatus.setItems("pending", "paid", "cancelled");
        commissionStatus.setValue("pending");
        addCommission.addClickListener(e -> saveCommission());
        commissionForm = new HorizontalLayout(
                commissionShow,
                commissionAmount,
                commissionCurrency,
                commissionStatus,
                commissionPaidOn,
                commissionDescription,
                addCommission);
        commissionForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        commissionForm.getStyle().set("flex-wrap", "wrap");

        HorizontalLayout header = new HorizontalLayout(name, types);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                header,
                facts,
                new HorizontalLayout(edit, merge, delete),
                new H3("Venues"),
                venueForm,
                venues,
                new H3("Commissions"),
                totals,
                commissionForm,
                commissions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        try {
            contact = contacts.get(
                    orgId,
                    Ids.parse(event.getRouteParameters().get("contactId"))
                            .orElseThrow(() -> new app.roadbook.base.NotFoundException("No such contact.")));
        } catch (Refusal e) {
            // A malformed, missing or foreign id: all look the same.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        canEdit = contacts.canEdit(orgId);
        for (Component c : new Component[] {edit, merge, delete, venueForm, commissionForm}) {
            c.setVisible(canEdit);
        }
        if (canEdit) {
            venueToAdd.setItems(venueLinks.venues(orgId));
            commissionShow.setItems(commissionLedger.shows(orgId));
        }
        show();
    }

    private void load() {
        contact = contacts.get(orgId, contact.id());
        show();
    }

    private void show() {
        ContactDraft d = contact.draft();
        name.setText(d.name());
        types.setText(ContactLabels.types(d.types()) + " · " + d.status().label());
        facts.removeAll();
        fact("Email", d.email());
        fact("Phone", d.phone());
        fact("Company", d.company());
        fact("Role", d.roleTitle());
        fact("City", d.city());
        fact("Country", d.country());
        fact(
                "Commission rate",
                d.commissionRate() == null ? null : d.commissionRate().toPlainString() + " %");
        fact("Notes", d.notes());
        venues.setItems(contact.venues());
        commissions.setItems(contact.commissions());
        Map<String, Map<String, java.math.BigDecimal>> byStatus = contact.totals();
        totals.setText(
                byStatus.isEmpty()
                        ? "No commissions yet."
                        : byStatus.entrySet().stream()
                                .map(e -> Formats.label(e.getKey()) + ": "
                                        + e.getValue().entrySet().stream()
                                                .map(c -> Formats.money(c.getValue(), c.getKey()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining(" · ")));
    }

    private void fact(String label, String value) {
        if (value != null && !value.isBlank()) {
            Div row = new Div(new Span(label + ": "), new Span(value));
            row.addClassName("fact");
            facts.add(row);
        }
    }

    private Component venueActions(ContactDetails.VenueLink link) {
        HorizontalLayout actions = new HorizontalLayout();
        if (canEdit) {
            if (!link.primary()) {
                actions.add(new Button("Make primary", e -> {
                    venueLinks.link(orgId, contact.id(), link.venueId(), true);
                    load();
                }));
            }
            Button remove = new Button("Remove", e -> {
                venueLinks.unlink(orgId, contact.id(), link.venueId());
                load();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            actions.add(remove);
        }
        return actions;
    }

    private Component commissionActions(ContactDetails.Commission c) {
        HorizontalLayout actions = new HorizontalLayout();
        if (canEdit && "pending".equals(c.status())) {
            actions.add(
                    new Button("Mark paid", e -> {
                        commissionLedger.setStatus(orgId, c.id(), "paid", LocalDate.now());
                        load();
                    }),
                    new Button(
                            "Cancel commission",
                            e -> Changes.confirmFirst(
                                    "Cancel the commission of " + Formats.money(c.amount(), c.currency()) + "?",
                                    "The commission for " + c.showLabel()
                                            + " is marked cancelled and no longer counts as pending.",
                                    "Cancel commission",
                                    () -> {
                                        commissionLedger.setStatus(orgId, c.id(), "cancelled", null);
                                        load();
                                    })));
        }
        return actions;
    }

    private void saveCommission() {
        try {
            commissionLedger.add(
                    orgId,
                    contact.id(),
                    new CommissionDraft(
                            commissionShow.getValue() == null
                                    ? null
                                    : commissionShow.getValue().id(),
                            commissionAmount.getValue(),
                            commissionCurrency.getValue().strip().toUpperCase(),
                            commissionStatus.getValue(),
                            commissionPaidOn.getValue(),
                            commissionDescription.getValue()));
            commissionAmount.clear();
            commissionDescription.clear();
            commissionPaidOn.clear();
            load();
        } catch (Refusal invalid) {
            Notification.show(invalid.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void confirmDelete() {
        ContactDirectory.DeletionImpact impact = contacts.deletionImpact(orgId, contact.id());
        Changes.confirmFirst(
                "Delete " + contact.draft().name() + "?",
                "This deletes the contact with its " + impact.commissions() + " commission(s) and "
                        + impact.venueLinks() + " venue link(s). It cannot be undone.",
                "Delete",
                () -> {
                    contacts.delete(orgId, contact.id());
                    Notification.show(
                            "Deleted " + contact.draft().name() + ".", 3000, Notification.Position.BOTTOM_START);
                    UI.getCurrent().navigate(ContactsView.class);
                });
    }

    /** "Sara Promoter · Contacts · Roadbook". */
    @Override
    public String getPageTitle() {
        return (contact == null ? "Contact · " : contact.draft().name() + " · ") + "Contacts · Roadbook";
    }
}
