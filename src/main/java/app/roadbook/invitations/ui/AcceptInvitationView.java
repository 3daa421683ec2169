package app.roadbook.invitations.ui;

import app.roadbook.base.Refusal;
import app.roadbook.invitations.InvitationService;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrganizationService;
import app.roadbook.tenancy.RoadbookUser;
import app.roadbook.tenancy.ui.PendingInvitation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Map;
import java.util.Optional;

/** Where an invitation link lands: who invites whom to what, then accept, sign in, or set a password. */
@Route(value = "invite/:token", autoLayout = false)
@PageTitle("Invitation · Roadbook")
@AnonymousAllowed
public class AcceptInvitationView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Paragraph message = new Paragraph();
    final Button accept = new Button("Accept invitation");
    final Button signIn = new Button("I have an account: sign in");
    final TextField name = new TextField("Your name");
    final PasswordField password = new PasswordField("Choose a password");
    final Button create = new Button("Create my account");
    final TextField organizationName = new TextField("Organization name");
    final Button startOrganization = new Button("Create my organization");

    private final InvitationService invitations;
    private final AuthenticationContext authentication;
    private final CurrentOrganization currentOrganization;
    private String token;

    public AcceptInvitationView(
            InvitationService invitations,
            AuthenticationContext authentication,
            CurrentOrganization currentOrganization) {
        this.invitations = invitations;
        this.authentication = authentication;
        this.currentOrganization = currentOrganization;
        setMaxWidth("36rem");
        getStyle().set("margin", "0 auto");
        message.addClassName("invitation-message");
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        accept.addClickListener(e -> accept());
        signIn.addClickListener(e -> {
            PendingInvitation.remember(token);
            UI.getCurrent().getPage().setLocation("login");
        });
        name.setMaxLength(120);
        password.setMinLength(8);
        password.setMaxLength(128);
        password.setHelperText("At least 8 characters; a phrase of a few words is best.");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> createAccount());
        organizationName.setMaxLength(OrganizationService.MAX_NAME_LENGTH);
        organizationName.setPlaceholder("e.g. Northern Lights Touring");
        organizationName.setWidthFull();
        startOrganization.addThemeVariants(ButtonVariant.PRIMARY);
        startOrganization.addClickListener(e -> startOrganization());
        add(
                new H2("Roadbook"),
                title,
                message,
                accept,
                organizationName,
                startOrganization,
                name,
                password,
                create,
                signIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Optional<Map<String, Object>> found = invitations.lookup(token);
        for (var c : new com.vaadin.flow.component.Component[] {
            accept, name, password, create, signIn, organizationName, startOrganization
        }) {
            c.setVisible(false);
        }
        if (found.isEmpty()) {
            show(
                    "This invitation link is not valid",
                    "Check that you opened the whole link from the email, or ask for a new one.");
            return;
        }
        Map<String, Object> i = found.get();
        String status = String.valueOf(i.get("status"));
        switch (status) {
            case "accepted" -> show("This invitation has been used", "Each link works once. Sign in to continue.");
            case "revoked" ->
                show(
                        "This invitation was withdrawn",
                        "The organization withdrew it. Ask them for a new one if you still need access.");
            case "expired" ->
                show(
                        "This invitation has expired",
                        "Ask " + (i.get("invited_by_name") == null ? "the organization" : i.get("invited_by_name"))
                                + " to send you a new one.");
            default -> showPending(i);
        }
        if (!"pending".equals(status) && !authentication.isAuthenticated()) {
            signIn.setText("Sign in");
            signIn.setVisible(true);
        }
    }

    private void showPending(Map<String, Object> i) {
        if (InvitationService.startsOrganization(i)) {
            showStartOrganization(i);
            return;
        }
        String where = i.get("show_title") != null
                ? "advance " + i.get("show_title") + " with " + i.get("org_name")
                : "join " + i.get("org_name");
        String role = i.get("org_role") != null
                ? String.valueOf(i.get("org_role"))
                : String.valueOf(i.get("collab_role")).replace('_', ' ');
        show(
                "You're invited to " + where,
                (i.get("invited_by_name") == null ? "You are" : i.get("invited_by_name") + " invited you") + " ("
                        + i.get("email") + ") as " + role + ".");
        Optional<RoadbookUser> me = authentication.getAuthenticatedUser(RoadbookUser.class);
        if (me.isPresent()) {
            accept.setVisible(true);
        } else {
            name.setVisible(true);
            password.setVisible(true);
            create.setVisible(true);
            signIn.setVisible(true);
        }
    }

    /** An invitation to start an organization (a waitlist entry's): an account first, then a name for the organization. */
    private void showStartOrganization(Map<String, Object> i) {
        show(
                "You're invited to start your organization on Roadbook",
                (i.get("invited_by_name") == null ? "Roadbook invited you" : i.get("invited_by_name") + " invited you")
                        + " (" + i.get("email") + ") to create your organization: you will be its owner, starting "
                        + "on a free trial.");
        if (authentication.getAuthenticatedUser(RoadbookUser.class).isPresent()) {
            organizationName.setVisible(true);
            startOrganization.setVisible(true);
        } else {
            name.setVisible(true);
            password.setVisible(true);
            create.setVisible(true);
            signIn.setVisible(true);
        }
    }

    private void startOrganization() {
        try {
            InvitationService.Started started =
                    invitations.acceptAndStartOrganization(token, organizationName.getValue());
            switch (started.outcome()) {
                case accepted -> {
                    PendingInvitation.forget();
                    currentOrganization.select(started.orgId());
                    UI.getCurrent().getPage().setLocation("./");
                }
                case wrong_account ->
                    show(
                            "This invitation is for someone else",
                            "It was sent to a different email address than the account you are signed in with. "
                                    + "Sign out, then open the link again and sign in as the invited person.");
                default -> UI.getCurrent().getPage().reload();
            }
        } catch (Refusal refused) {
            organizationName.setErrorMessage(refused.getMessage());
            organizationName.setInvalid(true);
        }
    }

    private void accept() {
        try {
            InvitationService.Outcome outcome = invitations.accept(token);
            switch (outcome) {
                case accepted, already_yours -> {
                    PendingInvitation.forget();
                    UI.getCurrent().getPage().setLocation("./");
                }
                case wrong_account ->
                    show(
                            "This invitation is for someone else",
                            "It was sent to a different email address than "
                                    + "the account you are signed in with. Sign out, then open the link again and sign in as the invited person.");
                default -> UI.getCurrent().getPage().reload();
            }
        } catch (Refusal refused) {
            show("The invitation could not be accepted", refused.getMessage());
        }
    }

    private void createAccount() {
        try {
            invitations.createAccount(token, name.getValue(), password.getValue());
            PendingInvitation.remember(token);
            name.setVisible(false);
            password.setVisible(false);
            create.setVisible(false);
            message.setText(
                    "Your account is ready. Sign in with your email and the password you chose to accept the invitation.");
            signIn.setText("Sign in");
        } catch (Refusal refused) {
            password.setErrorMessage(refused.getMessage());
            password.setInvalid(true);
        }
    }

    private void show(String heading, String text) {
        title.setText(heading);
        message.setText(text);
    }
}
