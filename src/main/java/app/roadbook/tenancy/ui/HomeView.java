package app.roadbook.tenancy.ui;

import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.GrantedShows;
import app.roadbook.tenancy.MemberAdmin;
import app.roadbook.tenancy.Memberships;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import com.vaadin.flow.component.UI;
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
    private final MemberAdmin memberAdmin;

    public HomeView(
            OrganizationService organizations,
            CurrentOrganization currentOrganization,
            GrantedShows collaboratorShows,
            Memberships memberships,
            MemberAdmin memberAdmin) {
        this.organizations = organizations;
        this.memberAdmin = memberAdmin;
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
        Paragraph role = new Paragraph("You are " + article(org.role().label()) + " "
                + org.role().label().toLowerCase() + " of this organization.");
        MembersGrid members = new MembersGrid(org, organizations, memberAdmin, memberships);
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
