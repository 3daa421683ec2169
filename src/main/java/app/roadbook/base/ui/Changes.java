package app.roadbook.base.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.springframework.security.access.AccessDeniedException;

/**
 * How a view runs a change a person asked for: run it, refresh what it shows, and report a refusal the one way the
 * application does. Someone else's change in the meantime asks to reload instead.
 */
public final class Changes {

    private Changes() {}

    /** Runs {@code change}, then {@code refresh}; returns whether the change went through. */
    public static boolean attempt(Runnable change, Runnable refresh) {
        try {
            change.run();
            refresh.run();
            return true;
        } catch (ConcurrentChangeException conflict) {
            changedBySomeoneElse(conflict, refresh);
        } catch (Refusal | AccessDeniedException refused) {
            refuse(refused.getMessage());
        }
        return false;
    }

    /** The one "changed by someone else" dialog: reloading shows their version. */
    public static void changedBySomeoneElse(ConcurrentChangeException conflict, Runnable reload) {
        new ConfirmDialog("Changed by someone else", conflict.getMessage(), "Reload", e -> reload.run()).open();
    }

    /**
     * Asks before something that cannot be undone: {@code action} runs only on the red button, which says what it
     * does. The dialog is returned open (tests press its buttons).
     */
    public static ConfirmDialog confirmFirst(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
        return dialog;
    }

    /** A refusal in words, where the person is looking. */
    public static void refuse(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }
}
