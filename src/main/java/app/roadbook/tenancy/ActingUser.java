package app.roadbook.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the database should see as acting in the current thread: the signed-in user, or an explicit
 * user for work that runs outside a request (jobs, seeding through services, tests).
 * The transaction manager hands it to PostgreSQL as {@code app.user_id}.
 */
public final class ActingUser {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();

    private ActingUser() {}

    public static Optional<UUID> id() {
        UUID explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof RoadbookUser user) {
            return Optional.of(user.getId());
        }
        return Optional.empty();
    }

    public static UUID requireId() {
        return id().orElseThrow(() -> new NotSignedInException());
    }

    public static <T> T callAs(UUID userId, Supplier<T> work) {
        UUID previous = EXPLICIT.get();
        EXPLICIT.set(userId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(UUID userId, Runnable work) {
        callAs(userId, () -> {
            work.run();
            return null;
        });
    }

    /** A service was called without anybody signed in. */
    public static class NotSignedInException extends org.springframework.security.access.AccessDeniedException {
        public NotSignedInException() {
            super("Sign in first.");
        }
    }
}
