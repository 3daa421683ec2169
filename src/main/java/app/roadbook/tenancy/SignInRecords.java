package app.roadbook.tenancy;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared, revocable record of a sign-in, so that losing an app node costs a reload, not a sign-in (decision 0030).
 * A password sign-in makes one; the browser keeps its random 256-bit token in an HttpOnly, SameSite cookie, and the
 * database keeps only the token's SHA-256. A node that gets a request without a signed-in session finds the record by
 * the hash ({@code resume_sign_in}) and signs the person in again within the idle and absolute limits, which
 * {@link SessionPolicy} checks with the application's clock. SQL here because each step is a definer function: the
 * application role may read its own records but never write them directly.
 */
@Service
public class SignInRecords {

    /** The cookie that carries the token; a session cookie (gone when the browser ends its session). */
    public static final String COOKIE = "roadbook-sign-in";

    /** Set on the HTTP session a record brought back: the page tells the person what may have been lost. */
    public static final String RESUMED = SignInRecords.class.getName() + ".resumed";

    /** The record's last use is written at most this often per session (plus on every resumption). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A live record found by its token: who it signs in, since when, and when it was last used on any node. */
    public record Found(RoadbookUser user, Instant signedInAt, Instant lastUsedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    SignInRecords(DataSource dataSource, TransactionTemplate transactions) {
        // SQL, not a repository: every step is a definer function (decision 0030).
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
    }

    /**
     * Makes the record of a sign-in that just passed the password check and returns its token (shown to nobody but the
     * browser's cookie). Runs before the sign-in is in the security context, so it names the account by hand, as the
     * sign-in audit does.
     */
    String begin(UUID userId, Instant at) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Boolean made = transactions.execute(status -> {
            jdbc.queryForList("select set_config('app.user_id', ?, true)", userId.toString());
            return jdbc.queryForObject("select begin_sign_in(?, ?)", Boolean.class, hash(text), Timestamp.from(at));
        });
        if (!Boolean.TRUE.equals(made)) {
            throw new IllegalStateException("No sign-in record was made for an account that just signed in.");
        }
        return text;
    }

    /** The live record behind a token; empty for a malformed, unknown or revoked token or a disabled account. */
    public Optional<Found> find(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        List<Found> found = jdbc.query(
                "select user_id, email, display_name, is_platform_admin, signed_in_at, last_used_at"
                        + " from resume_sign_in(?)",
                (rs, i) -> new Found(
                        new RoadbookUser(
                                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()),
                (Object) hash(token));
        return found.stream().findFirst();
    }

    /** Real use of the acting user's own record, on this node, at {@code at}. */
    @Transactional
    public void touch(byte[] tokenHash, Instant at) {
        jdbc.queryForList("select touch_sign_in(?, ?)", tokenHash, Timestamp.from(at));
    }

    /** Ends the record behind this hash (signing out, or found idle or too old); nothing if it already ended. */
    public void end(byte[] tokenHash) {
        if (tokenHash != null) {
            jdbc.queryForList("select end_sign_in(?)", (Object) tokenHash);
        }
    }

    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token the request carries, if any (the first cookie of that name). */
    static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst();
    }

    /**
     * The cookie: HttpOnly, SameSite=Lax (as the session cookie: links from mail still arrive signed in, other sites'
     * posts do not), Secure when the request came over TLS (at the proxy), for the whole application, no expiry.
     */
    static void writeCookie(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", cookie(request, token, null).toString());
    }

    static void clearCookie(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path(path);
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        return cookie.build();
    }
}
