package app.roadbook.tenancy.ui;

import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.MemberAdmin;
import app.roadbook.tenancy.MemberRow;
import app.roadbook.tenancy.Memberships;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgRole;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import org.springframework.security.access.AccessDeniedException;

/**
 * An organization's members. Owners and admins change roles, sign members out everywhere and remove them;
 * the controls appear only where the database would allow the change.
 */
class MembersGrid extends Grid<MemberRow> {

    private final OrgSummary org;
    private final MemberAdmin admin;
    private final Memberships memberships;

    MembersGrid(OrgSummary org, OrganizationService organizations, MemberAdmin admin, Memberships memberships) {
        super(MemberRow.class, false);
        this.org = org;
        this.admin = admin;
        this.memberships = memberships;
        addClassName("members-grid");
        addColumn(MemberRow::displayName).setHeader("Name");
        addColumn(MemberRow::email).setHeader("Email");
        addComponentColumn(this::role).setHeader("Role");
        if (manager()) {
            addComponentColumn(this::actions).setAutoWidth(true);
        }
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setItemsPageable(page -> organizations.members(org.id(), page));
    }

    private boolean manager() {
        return OrgPermission.MANAGE_MEMBERS.heldBy(org.role());
    }

    private boolean manageable(MemberRow member) {
        return MemberAdmin.mayManage(
                org.role(),
                member.role(),
                ActingUser.id().filter(member.userId()::equals).isPresent());
    }

    private Component role(MemberRow member) {
        if (!manageable(member)) {
            return new com.vaadin.flow.component.html.Span(member.role().label());
        }
        Select<OrgRole> role = new Select<>();
        role.setItems(OrgPermission.assignableBy(org.role()));
        role.setItemLabelGenerator(OrgRole::label);
        role.setValue(member.role());
        role.setAriaLabel("Role of " + member.displayName());
        role.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            attempt(
                    () -> admin.changeRole(org.id(), member.userId(), e.getValue()),
                    member.displayName() + " is now " + e.getValue().label().toLowerCase()
                            + ". Their open sessions end within a minute.");
        });
        return role;
    }

    private Component actions(MemberRow member) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!manageable(member)) {
            return actions;
        }
        Button signOut = new Button(
                "Sign out everywhere",
                e -> confirm(
                        "Sign " + member.displayName() + " out everywhere?",
                        "Every browser where they are signed in returns to the sign-in page within a minute.",
                        "Sign out",
                        () -> attempt(
                                () -> admin.signOutEverywhere(org.id(), member.userId()),
                                member.displayName() + " is signed out everywhere.")));
        signOut.setAriaLabel("Sign out " + member.displayName() + " everywhere");
        Button remove = new Button(
                "Remove",
                e -> confirm(
                        "Remove " + member.displayName() + "?",
                        "They lose access to this organization at once.",
                        "Remove",
                        () -> attempt(
                                () -> memberships.removeMember(org.id(), member.userId()),
                                member.displayName() + " was removed.")));
        remove.setAriaLabel("Remove " + member.displayName());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(signOut, remove);
        return actions;
    }

    private void confirm(String header, String text, String confirmText, Runnable action) {
        Changes.confirmFirst(header, text, confirmText, action);
    }

    private void attempt(Runnable change, String done) {
        try {
            change.run();
            Notification.show(done, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AccessDeniedException | Refusal refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        getDataProvider().refreshAll();
    }
}
