package app.roadbook.tenancy.ui;

import app.roadbook.tenancy.SignInRecords;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * What a page does when the server no longer knows it (decision 0030). Vaadin keeps a page's state in its node's
 * memory, so "session expired" means either that the sign-in ended (idle, 12 hours, signed out everywhere, access
 * changed) or that the page's node was lost and the request reached another node. Either way the page reloads its own
 * address at once, without a dialog: the node the reload reaches signs the person in again from their sign-in record
 * and shows the same page, or, when the sign-in really ended, sends them to the sign-in page, which says why. A page
 * brought back on another node says once that anything typed and not saved must be entered again.
 */
@Component
class SessionEndedMessages implements VaadinServiceInitListener {

    static final String RESUMED_MESSAGE = "Roadbook reconnected you after a server restart. Everything you saved is "
            + "here; anything you had typed but not saved needs entering again.";

    static final String INTERNAL_ERROR_MESSAGE =
            "Something went wrong on the server. Reload the page; what you saved is kept.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        // A null address reloads the page's own address.
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL(null);
        messages.setInternalErrorCaption("Roadbook hit a problem");
        messages.setInternalErrorMessage(INTERNAL_ERROR_MESSAGE);
        messages.setCookiesDisabledCaption("Cookies are needed");
        messages.setCookiesDisabledMessage(
                "Roadbook keeps your sign-in in a cookie. Allow cookies for this site, " + "then reload the page.");
        event.getSource().setSystemMessagesProvider(info -> messages);
        event.getSource().addUIInitListener(init -> tellWhenResumed(init.getUI()));
    }

    /** Once per resumed session: the first page the new node shows says what may have been lost. */
    private static void tellWhenResumed(UI ui) {
        AtomicReference<Registration> once = new AtomicReference<>();
        once.set(ui.addAfterNavigationListener((AfterNavigationEvent navigated) -> {
            once.get().remove();
            WrappedSession session = VaadinSession.getCurrent() == null
                    ? null
                    : VaadinSession.getCurrent().getSession();
            if (session != null && session.getAttribute(SignInRecords.RESUMED) != null) {
                session.removeAttribute(SignInRecords.RESUMED);
                Notification notice = new Notification(RESUMED_MESSAGE, 10_000, Notification.Position.TOP_CENTER);
                notice.addThemeVariants(NotificationVariant.INFO);
                notice.addClassName("resumed-notice");
                notice.open();
            }
        }));
    }
}
