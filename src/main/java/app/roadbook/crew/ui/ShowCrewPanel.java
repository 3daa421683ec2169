package app.roadbook.crew.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.ShowCrew;
import app.roadbook.crew.ShowCrewMember;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;

/**
 * A show's crew as cards (they stay readable on a phone): name, duty, role and phone, with the editor's actions.
 * Refreshes itself after a change.
 */
class ShowCrewPanel extends Div {

    final Button assign = new Button("Assign crew", VaadinIcon.PLUS.create());
    final Div cards = new Div();
    final Paragraph empty = new Paragraph();

    private final ShowCrew crew;
    private final CrewRoster roster;
    private final UUID orgId;
    private final UUID showId;
    private final boolean canEdit;

    ShowCrewPanel(ShowCrew crew, CrewRoster roster, UUID orgId, UUID showId) {
        this.crew = crew;
        this.roster = roster;
        this.orgId = orgId;
        this.showId = showId;
        this.canEdit = roster.canEdit(orgId);
        addClassName("show-crew");
        setWidthFull();
        assign.setVisible(canEdit);
        assign.addClickListener(e -> AssignDialog.forShow(crew, roster.options(orgId), orgId, showId, this::refresh)
                .open());
        HorizontalLayout header = new HorizontalLayout(new H3("Crew"), assign);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("flex-wrap", "wrap");
        cards.addClassName("crew-cards");
        empty.addClassName("empty-state");
        add(header, empty, cards);
        refresh();
    }

    void refresh() {
        List<ShowCrewMember> members = crew.crew(orgId, showId);
        cards.removeAll();
        members.forEach(m -> cards.add(card(m)));
        empty.setVisible(members.isEmpty());
        empty.setText(
                canEdit
                        ? "Nobody is assigned to this show yet. Assign people from the crew roster with \"Assign crew\"."
                        : "Nobody is assigned to this show yet.");
    }

    private Component card(ShowCrewMember m) {
        Div card = new Div();
        card.addClassName("crew-card");
        RouterLink name = new RouterLink(
                m.name(),
                PersonView.class,
                new RouteParameters("personId", m.personId().toString()));
        name.addClassName("crew-name");
        Span duty = new Span(m.duty() == null ? "No duty set" : m.duty());
        duty.addClassName("crew-duty");
        card.add(name, duty);
        if (m.roleTitle() != null) {
            Span role = new Span(m.roleTitle());
            role.addClassName("crew-role");
            card.add(role);
        }
        if (m.phone() != null) {
            Anchor phone = new Anchor("tel:" + m.phone().replaceAll("[^+0-9]", ""), m.phone());
            phone.addClassName("crew-phone");
            card.add(phone);
        }
        if (canEdit) {
            Button changeDuty = new Button(
                    "Duty",
                    e -> new DutyDialog(crew, orgId, m.assignmentId(), m.version(), m.name(), m.duty(), this::refresh)
                            .open());
            changeDuty.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            changeDuty.setAriaLabel("Change the duty of " + m.name());
            Button remove = new Button(
                    "Remove",
                    e -> Changes.confirmFirst(
                            "Take " + m.name() + " off this show?",
                            m.name() + " stays on the crew roster; only this assignment goes.",
                            "Take off the show",
                            () -> Changes.attempt(() -> crew.unassign(orgId, m.assignmentId()), this::refresh)));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
            remove.setAriaLabel("Take " + m.name() + " off this show");
            HorizontalLayout actions = new HorizontalLayout(changeDuty, remove);
            actions.setSpacing(false);
            actions.addClassName("crew-actions");
            card.add(actions);
        }
        return card;
    }
}
