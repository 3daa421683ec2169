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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request of a signed-in session against {@link SessionPolicy}, Vaadin's heartbeats included,
 * so an open page learns within one heartbeat interval that its session ended. Page loads go to the sign-in
 * page; Vaadin's own requests continue without a session, and Vaadin tells the page its session expired.
 * <p>
 * The container counts every request as use, heartbeats too, so an open page would keep its session (and the
 * sign-in it holds) alive for ever; Vaadin's {@code closeIdleSessions} drops only Vaadin's part of it. The idle
 * limit is therefore kept here, with the container's timeout as its length, and heartbeats do not count as use.
 */
class SessionGuard extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionGuard.class.getName() + ".signedInAt";
    static final String LAST_USED_AT = SessionGuard.class.getName() + ".lastUsedAt";
    private static final String HEARTBEAT =
            ApplicationConstants.REQUEST_TYPE_PARAMETER + "=" + HandlerHelper.RequestType.HEARTBEAT.getIdentifier();

    private final SessionPolicy policy;

    SessionGuard(SessionPolicy policy) {
        this.policy = policy;
    }

    /** Marks the moment of sign-in on the session that carries it; signing in is its first use. */
    static void markSignedIn(HttpSession session, Instant at) {
        session.setAttribute(SIGNED_IN_AT, at);
        session.setAttribute(LAST_USED_AT, at);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        // Vaadin's static bundle is public and fetched by the dozen per page; it needs no session check.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticResource = path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/");
        if (session != null && !staticResource && ActingUser.id().isPresent()) {
            Instant now = policy.now();
            if (session.getAttribute(SIGNED_IN_AT) == null) {
                markSignedIn(session, now);
            }
            Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
            Instant lastUsedAt = (Instant) session.getAttribute(LAST_USED_AT);
            Duration idleLimit =
                    session.getMaxInactiveInterval() > 0 ? Duration.ofSeconds(session.getMaxInactiveInterval()) : null;
            if (policy.endReason(signedInAt, lastUsedAt, idleLimit).isPresent()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (!HandlerHelper.isFrameworkInternalRequest("/*", request)) {
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                    return;
                }
            } else if (!isHeartbeat(request)) {
                session.setAttribute(LAST_USED_AT, now);
            }
        }
        chain.doFilter(request, response);
    }

    /** Read from the query string: a heartbeat has no body, and parsing a body here could consume an upload. */
    private static boolean isHeartbeat(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && Arrays.asList(query.split("&")).contains(HEARTBEAT);
    }
}
