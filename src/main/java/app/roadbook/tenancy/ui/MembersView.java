package app.roadbook.tenancy.ui;

import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.MemberAdmin;
import app.roadbook.tenancy.Memberships;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The current organization's members: who they are, their roles and, for owners and admins, changing a role, signing
 * a member out everywhere and removing them (until the home page became a member's day, this was the home page).
 */
@Route("members")
@PageTitle("Members · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class MembersView extends VerticalLayout implements BeforeEnterObserver {

    private final OrganizationService organizations;
    private final CurrentOrganization currentOrganization;
    private final Memberships memberships;
    private final MemberAdmin memberAdmin;

    public MembersView(
            OrganizationService organizations,
            CurrentOrganization currentOrganization,
            Memberships memberships,
            MemberAdmin memberAdmin) {
        this.organizations = organizations;
        this.memberAdmin = memberAdmin;
        this.memberships = memberships;
        this.currentOrganization = currentOrganization;
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        H2 title = new H2("Members");
        title.addClassName("members-title");
        Paragraph role = new Paragraph(org.name() + ": you are "
                + article(org.role().label()) + " " + org.role().label().toLowerCase() + " of this organization.");
        add(title, role);
        if (organizations.canRename(org.id())) {
            Button rename =
                    new Button("Rename organization", e -> new RenameOrganizationDialog(organizations, org).open());
            rename.setAriaLabel("Rename " + org.name());
            add(rename);
        }
        add(new MembersGrid(org, organizations, memberAdmin, memberships));
    }

    static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
