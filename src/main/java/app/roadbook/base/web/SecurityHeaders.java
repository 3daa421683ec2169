package app.roadbook.base.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The hardening headers every response carries. Spring Security writes them on ordinary requests; responses
 * it never sees (the container's own 400 and 404 pages, error dispatches, which reset the response) get them
 * from {@link #apply}. See docs/decisions/0013-sessions-and-audit.md.
 */
public final class SecurityHeaders {

    /**
     * What Vaadin Flow needs and nothing more: its client evaluates generated scripts and inline styles,
     * talks only to its own origin, and is never framed. base-uri is 'self', not 'none': Vaadin's bootstrap
     * page sets its own {@code <base href>}, and with 'none' the client never starts (it shows its offline
     * page). 'self' still stops an injected base from pointing scripts elsewhere.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    public static final String REFERRER_POLICY = "same-origin";
    public static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {}

    /** Sets every header on a response that Spring Security's header writer did not reach. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
