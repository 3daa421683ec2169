package app.roadbook.tenancy;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.shared.ApplicationConstants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request of a signed-in session against {@link SessionPolicy}, Vaadin's heartbeats included,
 * so an open page learns within one heartbeat interval that its session ended. Page loads go to the sign-in
 * page; Vaadin's own requests continue without a session, and Vaadin tells the page its session expired.
 * <p>
 * The container counts every request as use, heartbeats too, so an open page would keep its session (and the
 * sign-in it holds) alive for ever; Vaadin's {@code closeIdleSessions} drops only Vaadin's part of it. The idle
 * limit is therefore kept here, with the container's timeout as its length, and heartbeats do not count as use.
 * <p>
 * A request without a signed-in session that carries a sign-in record's cookie (its node was lost, decision 0030) is
 * signed in again from the record, within the same limits, in a new session; a dead record's cookie is cleared, and a
 * page load then goes to the sign-in page saying the session ended.
 */
class SessionGuard extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionGuard.class.getName() + ".signedInAt";
    static final String LAST_USED_AT = SessionGuard.class.getName() + ".lastUsedAt";
    /** The SHA-256 of the session's sign-in record token (decision 0030). */
    static final String RECORD = SessionGuard.class.getName() + ".record";
    /** When this session last wrote its use to the record. */
    static final String RECORD_TOUCHED_AT = SessionGuard.class.getName() + ".recordTouchedAt";

    private static final String HEARTBEAT =
            ApplicationConstants.REQUEST_TYPE_PARAMETER + "=" + HandlerHelper.RequestType.HEARTBEAT.getIdentifier();

    private final SessionPolicy policy;
    private final SignInRecords records;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionGuard(SessionPolicy policy, SignInRecords records) {
        this.policy = policy;
        this.records = records;
    }

    /** Marks the moment of sign-in on the session that carries it; signing in is its first use. */
    static void markSignedIn(HttpSession session, Instant at) {
        session.setAttribute(SIGNED_IN_AT, at);
        session.setAttribute(LAST_USED_AT, at);
    }

    /** Ties the session to its sign-in record, which was just made or found (so it counts as written now). */
    static void markRecord(HttpSession session, byte[] tokenHash, Instant at) {
        session.setAttribute(RECORD, tokenHash);
        session.setAttribute(RECORD_TOUCHED_AT, at);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        // Vaadin's static bundle is public and fetched by the dozen per page; it needs no session check.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticResource = path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/");
        if (staticResource) {
            chain.doFilter(request, response);
            return;
        }
        if (session != null && ActingUser.id().isPresent()) {
            Instant now = policy.now();
            if (session.getAttribute(SIGNED_IN_AT) == null) {
                markSignedIn(session, now);
            }
            Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
            Instant lastUsedAt = (Instant) session.getAttribute(LAST_USED_AT);
            byte[] record = (byte[]) session.getAttribute(RECORD);
            Duration idleLimit =
                    session.getMaxInactiveInterval() > 0 ? Duration.ofSeconds(session.getMaxInactiveInterval()) : null;
            if (policy.endReason(signedInAt, lastUsedAt, idleLimit, record).isPresent()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                // No node may bring an ended sign-in back.
                records.end(record);
                if (!HandlerHelper.isFrameworkInternalRequest("/*", request)) {
                    SignInRecords.clearCookie(request, response);
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                    return;
                }
            } else if (!isHeartbeat(request)) {
                session.setAttribute(LAST_USED_AT, now);
                touch(session, record, now);
            }
        } else if (ActingUser.id().isEmpty()) {
            Optional<String> token = SignInRecords.token(request);
            if (token.isPresent() && !resume(request, response, token.get())) {
                // A dead record: its cookie goes, and a page load says why the person must sign in again.
                records.end(SignInRecords.wellFormed(token.get()) ? SignInRecords.hash(token.get()) : null);
                SignInRecords.clearCookie(request, response);
                if (!HandlerHelper.isFrameworkInternalRequest("/*", request)
                        && "GET".equals(request.getMethod())
                        && !path.equals("/login")) {
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Signs the record's person in again in a new session, without their password: their node was lost, or the
     * sticky cookie now points at another node. False when the record is not live or past a limit.
     */
    private boolean resume(HttpServletRequest request, HttpServletResponse response, String token) {
        Optional<SignInRecords.Found> found =
                records.find(token).filter(record -> policy.mayResume(record.signedInAt(), record.lastUsedAt()));
        if (found.isEmpty()) {
            return false;
        }
        SignInRecords.Found record = found.get();
        // A new session id, as at a password sign-in (no session fixation through an anonymous session).
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        SecurityContext context =
                SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                record.user(), null, record.user().getAuthorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        byte[] hash = SignInRecords.hash(token);
        session.setAttribute(SIGNED_IN_AT, record.signedInAt());
        session.setAttribute(LAST_USED_AT, record.lastUsedAt());
        session.setAttribute(RECORD, hash);
        session.setAttribute(SignInRecords.RESUMED, Boolean.TRUE);
        if (!isHeartbeat(request)) {
            Instant now = policy.now();
            session.setAttribute(LAST_USED_AT, now);
            records.touch(hash, now);
            session.setAttribute(RECORD_TOUCHED_AT, now);
        }
        return true;
    }

    /** Writes real use to the record at most once a minute per session, so other nodes know the person is active. */
    private void touch(HttpSession session, byte[] record, Instant now) {
        if (record == null) {
            return;
        }
        Instant touched = (Instant) session.getAttribute(RECORD_TOUCHED_AT);
        if (touched == null || !touched.plus(SignInRecords.TOUCH_EVERY).isAfter(now)) {
            records.touch(record, now);
            session.setAttribute(RECORD_TOUCHED_AT, now);
        }
    }

    /** Read from the query string: a heartbeat has no body, and parsing a body here could consume an upload. */
    private static boolean isHeartbeat(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && Arrays.asList(query.split("&")).contains(HEARTBEAT);
    }
}
