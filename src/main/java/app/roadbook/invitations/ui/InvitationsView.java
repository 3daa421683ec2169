package app.roadbook.invitations.ui;

import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.invitations.InvitationService;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgRole;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Invitations of the organization: invite staff (owners, admins), follow up, resend, revoke. */
@Route("invitations")
@PageTitle("Invitations · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.INVITE_COLLABORATORS)
public class InvitationsView extends VerticalLayout implements BeforeEnterObserver {

    final EmailField email = new EmailField();
    final Select<OrgRole> role = new Select<>();
    final Button invite = new Button("Invite");
    final Select<String> statusFilter = new Select<>();
    final Grid<InvitationService.Row> grid = new Grid<>();
    /** Who may invite whom, said to whoever sees the page. */
    final Paragraph who = new Paragraph();

    final Paragraph empty = new Paragraph();
    private final HorizontalLayout inviteForm;
    private final InvitationService invitations;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;

    public InvitationsView(InvitationService invitations, CurrentOrganization currentOrganization) {
        this.invitations = invitations;
        this.currentOrganization = currentOrganization;
        email.setPlaceholder("name@example.com");
        email.setAriaLabel("Email to invite");
        role.setItems(OrgRole.values());
        role.setItemLabelGenerator(OrgRole::label);
        role.setValue(OrgRole.editor);
        role.setAriaLabel("Role");
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        invite.addClickListener(e -> invite());
        inviteForm = new HorizontalLayout(email, role, invite);
        inviteForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        statusFilter.setItems("all", "pending", "accepted", "revoked", "expired");
        statusFilter.setValue("all");
        statusFilter.setAriaLabel("Status");
        statusFilter.addValueChangeListener(e -> refresh());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy");
        grid.addColumn(InvitationService.Row::email).setHeader("Email").setFlexGrow(2);
        grid.addColumn(r -> r.showTitle() == null ? r.scope() : "Show: " + r.showTitle())
                .setHeader("Into");
        grid.addColumn(r -> r.role().replace('_', ' ')).setHeader("Role");
        grid.addColumn(InvitationService.Row::status).setHeader("Status");
        grid.addColumn(r -> r.expiresAt() == null ? "" : r.expiresAt().format(day))
                .setHeader("Expires");
        grid.addComponentColumn(r -> {
                    HorizontalLayout actions = new HorizontalLayout();
                    if ("pending".equals(r.status()) || "expired".equals(r.status())) {
                        Button resend = new Button(
                                "Resend",
                                e -> run(() -> {
                                    InvitationService.Issued issued = invitations.resend(orgId, r.id());
                                    new InviteLinkDialog(r.email(), invitations.link(issued.token())).open();
                                }));
                        resend.setAriaLabel("Resend to " + r.email());
                        actions.add(resend);
                    }
                    if ("pending".equals(r.status())) {
                        Button revoke = new Button(
                                "Revoke",
                                e -> Changes.confirmFirst(
                                        "Revoke the invitation to " + r.email() + "?",
                                        "The link in the invitation mail stops working. You can invite the same"
                                                + " address again later.",
                                        "Revoke invitation",
                                        () -> run(() -> invitations.revoke(orgId, r.id()))));
                        revoke.setAriaLabel("Revoke for " + r.email());
                        actions.add(revoke);
                    }
                    return actions;
                })
                .setAutoWidth(true);
        who.addClassName("invitations-who");
        empty.addClassName("empty-state");
        add(new H2("Invitations"), who, inviteForm, statusFilter, grid, empty);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        orgId = org.id();
        boolean manager = OrgPermission.MANAGE_MEMBERS.heldBy(org.role());
        who.setText(
                manager
                        ? "Invite people to the organization here; only owners make owners. Promoters are invited"
                                + " to one show at a time from the show's page (Invite promoter), by owners, admins"
                                + " and editors. Every invitation is followed up here."
                        : "Editors invite promoters to one show at a time from the show's page (Invite promoter) and"
                                + " follow those invitations up here: resend or revoke them. Owners and admins invite"
                                + " people to the organization.");
        inviteForm.setVisible(manager);
        email.setVisible(manager);
        invite.setVisible(manager);
        role.setItems(OrgPermission.assignableBy(org.role()));
        role.setValue(OrgRole.editor);
        refresh();
    }

    private void invite() {
        try {
            InvitationService.Issued issued = invitations.inviteToOrg(orgId, email.getValue(), role.getValue(), null);
            new InviteLinkDialog(email.getValue(), invitations.link(issued.token())).open();
            email.clear();
            email.setInvalid(false);
            refresh();
        } catch (Refusal refused) {
            email.setErrorMessage(refused.getMessage());
            email.setInvalid(true);
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (Refusal refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void refresh() {
        var rows = invitations.list(orgId, "all".equals(statusFilter.getValue()) ? null : statusFilter.getValue());
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
        empty.setText(
                "all".equals(statusFilter.getValue())
                        ? "No invitations yet. Invite a promoter from a show's page"
                                + (inviteForm.isVisible() ? ", or someone to the organization above." : ".")
                        : "No invitations are " + statusFilter.getValue() + ".");
    }
}
