package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

@RoadbookTest
class SignInTest {

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void fromAClientOfItsOwn() {
        Fixtures.newClient();
    }

    @Test
    void passwordsAreHashedWithArgon2idAtOrAboveTheOwaspFloor() {
        String hash = passwords.encode("correct horse battery staple");
        // m is in KiB: 19456 KiB = 19 MiB.
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery stapl", hash)).isFalse();
        String stored = fixtures.owner()
                .queryForObject(
                        "select password_hash from app_users where id = ?", String.class, fixtures.user("Stored"));
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void theRightPasswordSignsIn() {
        UUID id = fixtures.user("Olivia");
        String email = fixtures.account(id).getEmail();
        Authentication result =
                authentication.authenticate(token(email.toUpperCase(java.util.Locale.ROOT), "test-password-1"));
        assertThat(result.isAuthenticated()).isTrue();
        RoadbookUser user = (RoadbookUser) result.getPrincipal();
        assertThat(user.getId()).isEqualTo(id);
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getDisplayName()).isEqualTo("Olivia");
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswerInSimilarTime() {
        String[] messages = new String[2];
        long[] unknown = new long[7];
        long[] wrong = new long[7];
        for (int i = 0; i < unknown.length; i++) {
            // A fresh email and client each round keeps the throttle out of the measurement.
            Fixtures.newClient();
            String known = fixtures.owner()
                    .queryForObject(
                            "select email::text from app_users where id = ?", String.class, fixtures.user("Timing"));
            unknown[i] = timeFailure(Fixtures.unique("nobody") + "@test.roadbook", messages, 0);
            wrong[i] = timeFailure(known, messages, 1);
        }
        assertThat(messages[0]).isEqualTo(messages[1]);
        double ratio = (double) median(unknown) / median(wrong);
        assertThat(ratio).as("unknown/wrong median time ratio").isBetween(0.5, 2.0);
    }

    @Test
    void aDisabledAccountLooksLikeAnUnknownOne() {
        UUID id = fixtures.user("Disabled");
        String email =
                fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, id);
        fixtures.owner().update("update app_users set disabled_at = now() where id = ?", id);
        assertThatThrownBy(() -> authentication.authenticate(token(email, "test-password-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void repeatedFailuresThrottleTheEmailButNotForever() {
        UUID id = fixtures.user("Throttled");
        String email =
                fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, id);
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> authentication.authenticate(token(email, "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // Even the right password is turned away during the delay, without being checked.
        assertThatThrownBy(() -> authentication.authenticate(token(email, "test-password-1")))
                .isInstanceOf(LoginThrottledException.class)
                .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfterSeconds())
                        .isBetween(1L, 1L));
        String unknown = Fixtures.unique("ghost") + "@test.roadbook";
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> authentication.authenticate(token(unknown, "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authentication.authenticate(token(unknown, "wrong")))
                .isInstanceOf(LoginThrottledException.class);
    }

    private long timeFailure(String email, String[] messages, int slot) {
        long start = System.nanoTime();
        try {
            authentication.authenticate(token(email, "not-the-password"));
            throw new AssertionError("signed in with a wrong password");
        } catch (AuthenticationException e) {
            messages[slot] = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static UsernamePasswordAuthenticationToken token(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
