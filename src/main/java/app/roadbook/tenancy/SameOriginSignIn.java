package app.roadbook.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site, in addition to the CSRF token the form must carry: browsers name
 * the page that sent a POST in {@code Origin} (and {@code Sec-Fetch-Site}). The host is compared, not the scheme
 * or port, so a TLS proxy in front does not matter.
 */
class SameOriginSignIn extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error=expired");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            String host = URI.create(origin.strip()).getHost();
            return host == null || !host.equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }
}
