package app.roadbook.tenancy;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt that came during a throttle delay; it was not checked at all. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again later.");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
