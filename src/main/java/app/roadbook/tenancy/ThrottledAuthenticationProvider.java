package app.roadbook.tenancy;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in with growing delays after failures, per client and per email from that client; unknown emails
 * and wrong passwords look the same.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final int MAX_EMAIL = 320;

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SignInAudit audit;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SignInAudit audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        if (email == null || email.length() > MAX_EMAIL || email.chars().anyMatch(Character::isISOControl)) {
            // No account has such an email; refusing it here keeps megabyte-long keys out of the throttle and the log.
            audit.failed(email == null ? "" : email.substring(0, Math.min(email.length(), MAX_EMAIL)), "malformed");
            throw new BadCredentialsException("Bad credentials");
        }
        String client = audit.client();
        Duration wait = throttle.waitFor(client, email);
        if (!wait.isZero()) {
            audit.failed(email, "throttled");
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(client, email);
            audit.succeeded(email, ((RoadbookUser) result.getPrincipal()).getId());
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(client, email);
            audit.failed(email, "bad_credentials");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
