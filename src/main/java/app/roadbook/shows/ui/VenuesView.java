package app.roadbook.shows.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowRecords.VenueRow;
import app.roadbook.shows.VenueService;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.UUID;

/** Venues with address, capacity and the time zone their show times are given in. */
@Route("venues")
@PageTitle("Venues · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class VenuesView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<VenueRow> grid = new Grid<>();
    final Button create = new Button("New venue");
    private final VenueService venues;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private boolean canEdit;

    public VenuesView(VenueService venues, CurrentOrganization currentOrganization) {
        this.venues = venues;
        this.currentOrganization = currentOrganization;
        grid.addColumn(VenueRow::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(VenueRow::address).setHeader("Address").setFlexGrow(2);
        grid.addColumn(VenueRow::city).setHeader("City");
        grid.addColumn(VenueRow::country).setHeader("Country");
        grid.addColumn(VenueRow::capacity).setHeader("Capacity");
        grid.addColumn(VenueRow::timezone).setHeader("Time zone");
        grid.addComponentColumn(v -> canEdit
                        ? new HorizontalLayout(
                                new Button("Edit", e -> edit(v)),
                                new Button(
                                        "Delete",
                                        e -> Changes.confirmFirst(
                                                "Delete venue " + v.name() + "?",
                                                "The venue goes from the list; shows keep their dates but lose"
                                                        + " their venue. This cannot be undone.",
                                                "Delete venue",
                                                () -> run(() -> venues.deleteVenue(orgId, v.id())))))
                        : new HorizontalLayout())
                .setAutoWidth(true);
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> edit(null));
        add(new H2("Venues"), create, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        canEdit = venues.canEdit(orgId);
        create.setVisible(canEdit);
        grid.setItems(
                q -> venues.venues(orgId, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> venues.countVenues(orgId));
    }

    private void run(Runnable change) {
        Changes.attempt(change, grid.getDataProvider()::refreshAll);
    }

    private void edit(VenueRow venue) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(venue == null ? "New venue" : "Edit " + venue.name());
        TextField name = new TextField("Name");
        TextField address = new TextField("Address");
        TextField city = new TextField("City");
        TextField country = new TextField("Country");
        IntegerField capacity = new IntegerField("Capacity");
        ComboBox<String> timezone = new ComboBox<>("Time zone");
        timezone.setItems(ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc"))
                .sorted()
                .toList());
        timezone.setValue(venue == null ? "Europe/London" : venue.timezone());
        if (venue != null) {
            name.setValue(venue.name());
            address.setValue(venue.address() == null ? "" : venue.address());
            city.setValue(venue.city() == null ? "" : venue.city());
            country.setValue(venue.country() == null ? "" : venue.country());
            capacity.setValue(venue.capacity());
        }
        dialog.add(new FormLayout(name, address, city, country, capacity, timezone));
        Button save = new Button(
                "Save",
                e -> run(() -> {
                    VenueDraft draft = new VenueDraft(
                            name.getValue(),
                            address.getValue(),
                            city.getValue(),
                            country.getValue(),
                            capacity.getValue(),
                            timezone.getValue());
                    if (venue == null) {
                        venues.createVenue(orgId, draft);
                    } else {
                        venues.updateVenue(orgId, venue.id(), venue.version(), draft);
                    }
                    dialog.close();
                }));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
