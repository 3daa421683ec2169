package app.roadbook.tenancy.ui;

import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.GrantedShows;
import app.roadbook.tenancy.Memberships;
import app.roadbook.tenancy.MemberRow;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.util.Optional;

/** The current organization at a glance; for a user without any organization, the way to create one. */
@Route("")
@PageTitle("Home · Roadbook")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private final OrganizationService organizations;
    private final CurrentOrganization currentOrganization;
    private final GrantedShows collaboratorShows;
    private final Memberships memberships;

    public HomeView(OrganizationService organizations, CurrentOrganization currentOrganization,
                    GrantedShows collaboratorShows, Memberships memberships) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.collaboratorShows = collaboratorShows;
        this.currentOrganization = currentOrganization;
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<String> pendingInvitation = PendingInvitation.take();
        if (pendingInvitation.isPresent()) {
            // Signed in from an invitation link: carry on with it.
            event.forwardTo("invite/" + pendingInvitation.get());
            return;
        }
        Optional<OrgSummary> current = currentOrganization.get();
        if (current.isPresent()) {
            showOrganization(current.get());
        } else if (collaboratorShows.hasGrantedShows()) {
            event.forwardTo("my-shows");
        } else {
            showNoOrganizationYet();
        }
    }

    private void showOrganization(OrgSummary org) {
        H2 title = new H2(org.name());
        title.addClassName("org-title");
        Paragraph role = new Paragraph("You are " + article(org.role().label()) + " " + org.role().label().toLowerCase()
                + " of this organization.");
        Grid<MemberRow> members = new Grid<>(MemberRow.class, false);
        members.addClassName("members-grid");
        members.addColumn(MemberRow::displayName).setHeader("Name");
        members.addColumn(MemberRow::email).setHeader("Email");
        members.addColumn(m -> m.role().label()).setHeader("Role");
        boolean manager = org.role() == app.roadbook.tenancy.OrgRole.owner || org.role() == app.roadbook.tenancy.OrgRole.admin;
        if (manager) {
            members.addComponentColumn(m -> {
                com.vaadin.flow.component.button.Button remove = new com.vaadin.flow.component.button.Button("Remove", e -> {
                    try {
                        memberships.removeMember(org.id(), m.userId());
                        members.getDataProvider().refreshAll();
                    } catch (org.springframework.security.access.AccessDeniedException refused) {
                        com.vaadin.flow.component.notification.Notification.show(refused.getMessage());
                    }
                });
                remove.setAriaLabel("Remove " + m.displayName());
                remove.setVisible(m.role() != app.roadbook.tenancy.OrgRole.owner || org.role() == app.roadbook.tenancy.OrgRole.owner);
                return remove;
            }).setAutoWidth(true);
        }
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        members.setAllRowsVisible(true);
        members.setItemsPageable(page -> organizations.members(org.id(), page));
        add(title, role, new H3("Members"), members);
    }

    private void showNoOrganizationYet() {
        H2 title = new H2("Welcome to Roadbook");
        title.addClassName("empty-state-title");
        Paragraph intro = new Paragraph("You are not part of an organization yet. Create one for your management "
                + "company or tour, and you become its owner; or ask an organization's admin to invite you.");
        add(title, intro, new CreateOrganizationForm(organizations, id -> {
            currentOrganization.select(id);
            UI.getCurrent().refreshCurrentRoute(true);
        }));
    }

    private static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
