package app.roadbook.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after repeated failed sign-ins for one email address.
 * <p>
 * Keyed by the email as typed (lower-cased), not by account, so an unknown address behaves exactly
 * like a known one. Attempts during a delay are turned away without being counted, and the delay
 * is capped, so an attacker can slow an account down but never lock its owner out for good.
 * See docs/decisions/0003-sign-in.md.
 */
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 3;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this email must still wait before its next attempt is checked; zero if it may try now. */
    public Duration waitFor(String email) {
        Failures f = failures.get(key(email));
        if (f == null || f.count() < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        Instant allowedAt = f.last().plus(delayAfter(f.count()));
        Duration wait = Duration.between(clock.instant(), allowedAt);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public void failed(String email) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().isBefore(now.minus(FORGET_AFTER)));
        }
        failures.compute(key(email), (k, f) ->
                f == null || f.last().isBefore(now.minus(FORGET_AFTER)) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    public void succeeded(String email) {
        failures.remove(key(email));
    }

    /** 1 s after the third failure, then doubling, at most {@link #MAX_DELAY}. */
    static Duration delayAfter(int failureCount) {
        int exponent = Math.min(failureCount - FREE_ATTEMPTS, 20);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
