package app.roadbook.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Signing out ends the shared sign-in record too, so no node brings the sign-in back, and clears its cookie
 * (decision 0030). The session's own record first; else the one the cookie names.
 */
class SignOutEndsRecord implements LogoutHandler {

    private final SignInRecords records;

    SignOutEndsRecord(SignInRecords records) {
        this.records = records;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        Object record = session == null ? null : session.getAttribute(SessionGuard.RECORD);
        records.end(
                record instanceof byte[] hash
                        ? hash
                        : SignInRecords.token(request)
                                .filter(SignInRecords::wellFormed)
                                .map(SignInRecords::hash)
                                .orElse(null));
        SignInRecords.clearCookie(request, response);
    }
}
