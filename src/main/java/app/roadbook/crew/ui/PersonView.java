package app.roadbook.crew.ui;

import app.roadbook.base.Ids;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.PersonDetails;
import app.roadbook.crew.PersonDraft;
import app.roadbook.crew.PersonShow;
import app.roadbook.crew.ShowCrew;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/** One person of the roster: their facts, the member account they are, and the shows they work. */
@Route("crew/:personId")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class PersonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 name = new H2();
    final Div facts = new Div();
    final Button edit = new Button("Edit");
    final Button remove = new Button("Remove");
    final Button assign = new Button("Assign to a show");
    final Grid<PersonShow> shows = new Grid<>();
    final Paragraph noShows = new Paragraph();

    private final CrewRoster roster;
    private final ShowCrew crew;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private PersonDetails person;
    private boolean canEdit;

    public PersonView(CrewRoster roster, ShowCrew crew, CurrentOrganization currentOrganization) {
        this.roster = roster;
        this.crew = crew;
        this.currentOrganization = currentOrganization;

        edit.addThemeVariants(ButtonVariant.PRIMARY);
        edit.addClickListener(e ->
                new PersonEditor(roster, orgId, person.id(), person.version(), person.draft(), id -> load()).open());
        remove.addThemeVariants(ButtonVariant.ERROR);
        remove.addClickListener(e -> confirmRemove());
        assign.addClickListener(e -> AssignDialog.forPerson(
                        crew,
                        crew.assignableShows(orgId),
                        orgId,
                        person.id(),
                        person.draft().name(),
                        this::load)
                .open());
        facts.addClassName("person-facts");

        shows.addColumn(s -> s.show().day())
                .setHeader("Date")
                .setAutoWidth(true)
                .setFlexGrow(0);
        shows.addComponentColumn(
                        s -> new Anchor("shows/" + s.show().id(), s.show().name()))
                .setHeader("Show")
                .setFlexGrow(3);
        shows.addColumn(s -> s.duty() == null ? "No duty set" : s.duty())
                .setHeader("Duty")
                .setFlexGrow(1);
        shows.addComponentColumn(this::showActions)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        shows.setAllRowsVisible(true);
        shows.addClassName("person-shows");
        noShows.addClassName("empty-state");

        RouterLink back = new RouterLink("← Crew", CrewView.class);
        HorizontalLayout actions = new HorizontalLayout(edit, remove);
        actions.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout showsHeader = new HorizontalLayout(new H3("Shows"), assign);
        showsHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        showsHeader.getStyle().set("flex-wrap", "wrap");
        add(back, name, facts, actions, showsHeader, noShows, shows);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        try {
            person = roster.get(
                    orgId,
                    Ids.parse(event.getRouteParameters().get("personId"))
                            .orElseThrow(() -> new app.roadbook.base.NotFoundException("No such person.")));
        } catch (Refusal e) {
            // A malformed, missing or foreign id: all look the same.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        canEdit = roster.canEdit(orgId);
        for (Component c : new Component[] {edit, remove, assign}) {
            c.setVisible(canEdit);
        }
        show();
    }

    private void load() {
        try {
            person = roster.get(orgId, person.id());
        } catch (Refusal gone) {
            Notification.show(gone.getMessage(), 4000, Notification.Position.MIDDLE);
            UI.getCurrent().navigate(CrewView.class);
            return;
        }
        show();
    }

    private void show() {
        PersonDraft d = person.draft();
        name.setText(d.name());
        facts.removeAll();
        fact("Role", d.roleTitle());
        if (d.phone() != null) {
            facts.add(factRow("Phone", new Anchor("tel:" + d.phone().replaceAll("[^+0-9]", ""), d.phone())));
        }
        if (d.email() != null) {
            facts.add(factRow("Email", new Anchor("mailto:" + d.email(), d.email())));
        }
        fact(
                "Member account",
                person.account() == null ? null : person.account().label());
        fact("Notes", d.notes());
        shows.setItems(person.shows());
        shows.setVisible(!person.shows().isEmpty());
        noShows.setVisible(person.shows().isEmpty());
        noShows.setText(d.name() + " is not on any show yet."
                + (canEdit ? " Use \"Assign to a show\", or assign crew from a show's page." : ""));
    }

    private void fact(String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(factRow(label, new Span(value)));
        }
    }

    private static Div factRow(String label, Component value) {
        Div row = new Div(new Span(label + ": "), value);
        row.addClassName("fact");
        return row;
    }

    private Component showActions(PersonShow s) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (canEdit) {
            Button duty = new Button(
                    "Duty",
                    e -> new DutyDialog(
                                    crew,
                                    orgId,
                                    s.assignmentId(),
                                    s.version(),
                                    person.draft().name(),
                                    s.duty(),
                                    this::load)
                            .open());
            duty.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            Button off = new Button(
                    "Remove",
                    e -> Changes.confirmFirst(
                            "Take " + person.draft().name() + " off " + s.show().name() + "?",
                            "Only this assignment goes; " + person.draft().name() + " stays on the crew roster.",
                            "Take off the show",
                            () -> Changes.attempt(() -> crew.unassign(orgId, s.assignmentId()), this::load)));
            off.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
            actions.add(duty, off);
        }
        return actions;
    }

    private void confirmRemove() {
        String who = person.draft().name();
        int showCount = roster.showCount(orgId, person.id());
        Changes.confirmFirst(
                "Remove " + who + " from the crew?",
                "This removes " + who + " from the roster"
                        + (showCount == 0
                                ? "."
                                : " and takes them off " + (showCount == 1 ? "1 show" : showCount + " shows") + ".")
                        + " It cannot be undone.",
                "Remove " + who,
                () -> {
                    if (Changes.attempt(() -> roster.delete(orgId, person.id()), () -> {})) {
                        Notification.show(
                                "Removed " + who + " from the crew.", 3000, Notification.Position.BOTTOM_START);
                        UI.getCurrent().navigate(CrewView.class);
                    }
                });
    }

    /** "Dana Driver · Crew · Roadbook". */
    @Override
    public String getPageTitle() {
        return (person == null ? "" : person.draft().name() + " · ") + "Crew · Roadbook";
    }
}
