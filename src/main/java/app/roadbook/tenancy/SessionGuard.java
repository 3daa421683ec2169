package app.roadbook.tenancy;

import com.vaadin.flow.server.HandlerHelper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;

/**
 * Checks every request of a signed-in session against {@link SessionPolicy}, Vaadin's heartbeats included,
 * so an open page learns within one heartbeat interval that its session ended. Page loads go to the sign-in
 * page; Vaadin's own requests continue without a session, and Vaadin tells the page its session expired.
 */
class SessionGuard extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionGuard.class.getName() + ".signedInAt";

    private final SessionPolicy policy;

    SessionGuard(SessionPolicy policy) {
        this.policy = policy;
    }

    /** Marks the moment of sign-in on the session that carries it. */
    static void markSignedIn(HttpSession session, Instant at) {
        session.setAttribute(SIGNED_IN_AT, at);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        // Vaadin's static bundle is public and fetched by the dozen per page; it needs no session check.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticResource = path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/");
        if (session != null && !staticResource && ActingUser.id().isPresent()) {
            Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
            if (signedInAt == null) {
                signedInAt = policy.now();
                markSignedIn(session, signedInAt);
            }
            if (policy.endReason(signedInAt).isPresent()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (!HandlerHelper.isFrameworkInternalRequest("/*", request)) {
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
