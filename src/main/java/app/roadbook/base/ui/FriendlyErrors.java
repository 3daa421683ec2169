package app.roadbook.base.ui;

import app.roadbook.base.Refusal;
import app.roadbook.base.db.DatabaseOutage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whatever goes wrong in a view reaches the user as one clear sentence, never a stack trace. Refusals and
 * bad input say what happened; anything unexpected gets a reference the logs can be searched for.
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        while (cause.getCause() != null && !(cause instanceof AccessDeniedException || cause instanceof Refusal)) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof AccessDeniedException || cause instanceof Refusal) {
            message = cause.getMessage();
        } else if (DatabaseOutage.causes(event.getThrowable())) {
            log.warn("The database cannot be reached: {}", event.getThrowable().toString());
            message = DatabaseOutage.MESSAGE;
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error (reference {})", reference, event.getThrowable());
            message = "Something went wrong and nothing was saved. Try again; if it keeps happening, quote reference "
                    + reference + ".";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(message, 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR));
        }
    }
}
