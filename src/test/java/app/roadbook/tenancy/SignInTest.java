package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
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
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        // That both also take as long (one Argon2 computation each) is measured in SignInBenchmark, not here.
        String known = fixtures.account(fixtures.user("Known")).getEmail();
        assertThatThrownBy(() ->
                        authentication.authenticate(token(Fixtures.unique("nobody") + "@test.roadbook", "not-it")))
                .isInstanceOf(BadCredentialsException.class)
                .satisfies(unknown -> assertThatThrownBy(() -> authentication.authenticate(token(known, "not-it")))
                        .isInstanceOf(unknown.getClass())
                        .hasMessage(unknown.getMessage()));
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

    private static UsernamePasswordAuthenticationToken token(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
