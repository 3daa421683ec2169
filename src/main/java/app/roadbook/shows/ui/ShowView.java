package app.roadbook.shows.ui;

import app.roadbook.shows.ShowRecords.ShowDetails;
import app.roadbook.shows.ShowService;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgMembersOnly;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

import java.util.UUID;

/** One show's facts, with times shown in the venue's time zone. */
@Route("shows/:showId")
@PageTitle("Show · Roadbook")
@PermitAll
@OrgMembersOnly
public class ShowView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Div facts = new Div();
    final Button edit = new Button("Edit");

    private final ShowService shows;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private ShowDetails show;

    public ShowView(ShowService shows, CurrentOrganization currentOrganization) {
        this.shows = shows;
        this.currentOrganization = currentOrganization;
        facts.addClassName("show-facts");
        edit.addThemeVariants(ButtonVariant.PRIMARY);
        edit.addClickListener(e -> new ShowEditor(shows, orgId, show.id(), show.version(), show.draft(), id -> load(id)).open());
        add(title, facts, edit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        try {
            load(UUID.fromString(event.getRouteParameters().get("showId").orElse("")));
        } catch (IllegalArgumentException | OrgAccess.NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        edit.setVisible(shows.canEdit(orgId));
    }

    private void load(UUID id) {
        show = shows.show(orgId, id);
        var d = show.draft();
        title.setText((d.title() == null ? "Show" : d.title()) + " · " + d.date());
        facts.removeAll();
        fact("Status", ShowsView.statusLabel(d.status()));
        fact("Artist", show.artistName());
        fact("Venue", show.venueName());
        fact("Doors", d.doors() == null ? null : d.doors() + " (" + show.timezone() + ")");
        fact("Set time", d.setTime() == null ? null : d.setTime() + " (" + show.timezone() + ")");
        fact("Fee", d.fee() == null ? null : d.fee().toPlainString() + " " + d.feeCurrency());
        fact("Internal notes", d.notes());
    }

    private void fact(String label, String value) {
        if (value != null && !value.isBlank()) {
            Div row = new Div(new Span(label + ": "), new Span(value));
            row.addClassName("fact");
            facts.add(row);
        }
    }
}
