package app.roadbook.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in outcomes in the activity log (category security), with the address and browser they came from.
 * Recorded in its own transaction through {@code record_sign_in}, which bounds what it writes: a success only as
 * the account that signed in, refusals counted per client and window once past five (decision 0014).
 */
class SignInAudit {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignInRecords records;

    SignInAudit(DataSource dataSource, TransactionTemplate transactions, Clock clock, SignInRecords records) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.clock = clock;
        this.records = records;
    }

    /**
     * Marks the session signed in now and gives the browser the token of a new sign-in record, which any node
     * recognises (decision 0030).
     */
    void succeeded(String email, UUID userId) {
        HttpServletRequest request = currentRequest();
        if (request != null) {
            Instant now = clock.instant();
            HttpSession session = request.getSession();
            SessionGuard.markSignedIn(session, now);
            String token = records.begin(userId, now);
            SessionGuard.markRecord(session, SignInRecords.hash(token), now);
            HttpServletResponse response = currentResponse();
            if (response != null) {
                SignInRecords.writeCookie(request, response, token);
            }
        }
        record(email, userId, true, null, request);
    }

    void failed(String email, String reason) {
        record(email, null, false, reason, currentRequest());
    }

    /**
     * The address the sign-in came from (the proxy's client address when forwarded headers are trusted); null
     * outside an HTTP request.
     */
    String client() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : request.getRemoteAddr();
    }

    private void record(String email, UUID userId, boolean succeeded, String reason, HttpServletRequest request) {
        String ip = request == null ? null : request.getRemoteAddr();
        String agent = request == null ? null : request.getHeader("User-Agent");
        transactions.executeWithoutResult(status -> {
            if (userId != null) {
                // The one place the acting user is set by hand: the sign-in is not in the security context yet.
                jdbc.queryForList("select set_config('app.user_id', ?, true)", userId.toString());
            }
            jdbc.queryForList(
                    "select record_sign_in(?, ?, ?, ?, ?)",
                    printable(email, 320),
                    succeeded,
                    ip,
                    printable(agent, 500),
                    reason);
        });
    }

    /** Typed text as the log can hold it: PostgreSQL refuses NUL, and nobody needs a megabyte of it. */
    private static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getResponse()
                : null;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
