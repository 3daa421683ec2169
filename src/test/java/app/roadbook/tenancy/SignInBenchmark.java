package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;

/**
 * Benchmark, not a test (no clock in the suite): what signing in and the per-request session check cost. Run with
 * {@code ./roadbook bench}; it prints the figures.
 */
@RoadbookTest
class SignInBenchmark {

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    SessionPolicy policy;

    @Autowired
    Fixtures fixtures;

    /** Unknown emails cost one Argon2 computation, like wrong passwords, so timing tells nobody which exist. */
    @Test
    void unknownEmailsAndWrongPasswordsTakeAsLong() {
        long[] unknown = new long[9];
        long[] wrong = new long[9];
        for (int i = 0; i < unknown.length; i++) {
            Fixtures.newClient(); // the throttle stays out of the measurement
            String known = fixtures.account(fixtures.user("Timing")).getEmail();
            unknown[i] = timeFailure(Fixtures.unique("nobody") + "@test.roadbook");
            wrong[i] = timeFailure(known);
        }
        System.out.printf(
                "Sign-in refusal: unknown email median %.1f ms, wrong password median %.1f ms, ratio %.2f%n",
                median(unknown) / 1e6, median(wrong) / 1e6, (double) median(unknown) / median(wrong));
    }

    @Test
    void theSessionCheckOnEveryRequest() {
        UUID user = fixtures.user("Checked");
        fixtures.signIn(user);
        Instant signedIn = Instant.now();
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            assertThat(policy.endReason(signedIn, signedIn, Duration.ofMinutes(30)))
                    .isEmpty();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "Session check: median %.3f ms, p95 %.3f ms over %d requests%n",
                nanos[250] / 1e6, nanos[475] / 1e6, nanos.length);
    }

    private long timeFailure(String email) {
        long start = System.nanoTime();
        try {
            authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "not-the-password"));
            throw new AssertionError("signed in with a wrong password");
        } catch (AuthenticationException expected) {
            return System.nanoTime() - start;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
