package app.roadbook.tenancy.ui;

import app.roadbook.tenancy.SignInHint;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Roadbook")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String BAD_CREDENTIALS = "The email or password is not right. Check both and try again.";

    static final String EXPIRED = "The sign-in form had expired, so you were not signed in. Please sign in again.";

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authentication;
    private String errorMessage = BAD_CREDENTIALS;
    final Paragraph sessionEnded = new Paragraph(SESSION_ENDED);
    static final String SESSION_ENDED = "Your session ended: it was idle for 30 minutes, reached 12 hours, your access "
            + "changed or an admin signed you out. Sign in again to continue.";

    public LoginView(AuthenticationContext authentication, List<SignInHint> hints) {
        this.authentication = authentication;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(BAD_CREDENTIALS));

        H1 brand = new H1("Roadbook");
        brand.addClassName("login-brand");
        sessionEnded.addClassName("session-ended");
        sessionEnded.setVisible(false);
        add(brand, new Paragraph("Shows, advancing and crews for touring teams."), sessionEnded, form);
        // New here? Accounts come by invitation; the waitlist (decision 0025) is how to ask for one.
        Paragraph waitlist = new Paragraph("New to Roadbook? ");
        waitlist.add(new com.vaadin.flow.component.html.Anchor("waitlist", "Join the waitlist"));
        waitlist.addClassName("login-waitlist");
        add(waitlist);
        hints.forEach(hint -> hint.text().ifPresent(text -> {
            Div line = new Div(text);
            line.addClassName("login-demo-hint");
            add(line);
        }));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        QueryParameters query = event.getLocation().getQueryParameters();
        if (query.getParameters().containsKey("ended")) {
            sessionEnded.setVisible(true);
        }
        if (query.getParameters().containsKey("error")) {
            String kind = query.getSingleParameter("error").orElse("");
            if ("throttled".equals(kind)) {
                String seconds = query.getSingleParameter("retry")
                        .filter(s -> s.matches("\\d{1,4}"))
                        .orElse("a few");
                errorMessage = "Too many failed sign-in attempts. Wait " + seconds + " seconds, then try again.";
            } else if ("busy".equals(kind)) {
                errorMessage = "Many people are signing in at the moment, so your password was not checked yet."
                        + " Try again in a minute.";
            } else if ("expired".equals(kind)) {
                errorMessage = EXPIRED;
            } else {
                errorMessage = BAD_CREDENTIALS;
            }
            form.setI18n(i18n(errorMessage));
            form.setError(true);
        }
    }

    /** The message the form shows when it is in error. */
    String errorMessage() {
        return errorMessage;
    }

    private static LoginI18n i18n(String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Could not sign you in");
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
