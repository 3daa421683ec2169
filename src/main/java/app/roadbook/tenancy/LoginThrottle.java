package app.roadbook.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after failed sign-ins, counted twice: per client (its address), whatever emails it tries, and
 * per email and client.
 * <p>
 * One client spraying many emails is slowed after {@value #FREE_CLIENT_ATTEMPTS} failures; one client guessing
 * one email after {@value #FREE_ATTEMPTS}. An email's failures slow only the clients that made them, so the real
 * owner of a hammered account still gets in from their own client. Keyed by the email as typed (lower-cased),
 * not by account, so an unknown address behaves exactly like a known one. Attempts during a delay are turned
 * away without being counted, and delays are capped, so nobody is locked out for good.
 * See docs/decisions/0003-sign-in.md.
 */
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 3;
    static final int FREE_CLIENT_ATTEMPTS = 10;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long this client must still wait before its next attempt at this email is checked; zero if it may try now.
     * A null client (a sign-in outside any HTTP request) is throttled per email only.
     */
    public Duration waitFor(String client, String email) {
        Duration byClient = client == null ? Duration.ZERO : waitFor(clientKey(client), FREE_CLIENT_ATTEMPTS);
        Duration byEmail = waitFor(emailKey(client, email), FREE_ATTEMPTS);
        return byClient.compareTo(byEmail) >= 0 ? byClient : byEmail;
    }

    public void failed(String client, String email) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().isBefore(now.minus(FORGET_AFTER)));
        }
        if (client != null) {
            count(clientKey(client), now);
        }
        count(emailKey(client, email), now);
    }

    /**
     * Forgets this client's failures at this email. Its failures at other emails stay: signing in to one's own
     * account must not reset a spray.
     */
    public void succeeded(String client, String email) {
        failures.remove(emailKey(client, email));
    }

    /** 1 s after the free failures, then doubling, at most {@link #MAX_DELAY}. */
    static Duration delayAfter(int failureCount, int free) {
        int exponent = Math.min(failureCount - free, 20);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), f.last().plus(delayAfter(f.count(), free)));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private void count(String key, Instant now) {
        failures.compute(
                key,
                (k, f) -> f == null || f.last().isBefore(now.minus(FORGET_AFTER))
                        ? new Failures(1, now)
                        : new Failures(f.count() + 1, now));
    }

    private static String clientKey(String client) {
        return "client " + client;
    }

    private static String emailKey(String client, String email) {
        return "email " + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)) + " from "
                + (client == null ? "" : client);
    }
}
