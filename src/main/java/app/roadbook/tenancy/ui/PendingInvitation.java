package app.roadbook.tenancy.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * An invitation link someone opened before signing in. Kept in the session, which survives sign-in (the id changes,
 * the attributes stay), so the home page can send them back to it.
 */
public final class PendingInvitation {

    private static final String KEY = "roadbook.pendingInvitation";

    private PendingInvitation() {}

    public static void remember(String token) {
        VaadinSession.getCurrent().setAttribute(KEY, token);
    }

    public static void forget() {
        VaadinSession.getCurrent().setAttribute(KEY, null);
    }

    /** The remembered token, removed as it is handed out. */
    public static Optional<String> take() {
        Object token = VaadinSession.getCurrent().getAttribute(KEY);
        forget();
        return Optional.ofNullable((String) token);
    }
}
