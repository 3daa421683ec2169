package app.roadbook.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a signed-in session must end: when nobody used it for the idle limit (the container's session timeout,
 * 30 minutes; Vaadin's heartbeats are not use), after 12 hours whatever the activity, when the account is
 * disabled, and when the person's access changed or an admin signed them out everywhere after they signed in.
 * See docs/decisions/0013-sessions-and-audit.md.
 */
@Service
public class SessionPolicy {

    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);

    public enum EndReason {
        IDLE,
        EXPIRED,
        DISABLED,
        ACCESS_CHANGED,
        /** The session's sign-in record was revoked: signed out on another node (decision 0030). */
        SIGNED_OUT
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration idleLimit;

    SessionPolicy(
            DataSource dataSource, Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration idleLimit) {
        // SQL: my_session_state() and my_sign_in_state() are definer functions (the acting user's own session facts),
        // read on every request.
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.idleLimit = idleLimit;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The idle limit: the container's session timeout (30 minutes). */
    public Duration idleLimit() {
        return idleLimit;
    }

    /**
     * Whether a sign-in record found at a node without a session may sign its person in now: not idle since its last
     * use on any node, not older than the absolute limit (decision 0030).
     */
    public boolean mayResume(Instant signedInAt, Instant lastUsedAt) {
        Instant now = clock.instant();
        return !lastUsedAt.plus(idleLimit).isBefore(now)
                && !signedInAt.plus(ABSOLUTE_LIFETIME).isBefore(now);
    }

    /**
     * As {@link #endReason(Instant, Instant, Duration)}, for a session that came from the sign-in record with this
     * token hash: the record must still be live, and its last use on any node counts as use of this session.
     */
    @Transactional(readOnly = true)
    public Optional<EndReason> endReason(Instant signedInAt, Instant lastUsedAt, Duration idleLimit, byte[] record) {
        if (record == null) {
            return endReason(signedInAt, lastUsedAt, idleLimit);
        }
        Instant now = clock.instant();
        if (signedInAt.plus(ABSOLUTE_LIFETIME).isBefore(now)) {
            return Optional.of(EndReason.EXPIRED);
        }
        return jdbc.query(
                "select disabled, sessions_valid_from, record_live, record_last_used_at from my_sign_in_state(?)",
                rs -> {
                    if (!rs.next() || rs.getBoolean(1)) {
                        return Optional.of(EndReason.DISABLED);
                    }
                    Timestamp validFrom = rs.getTimestamp(2);
                    if (validFrom != null && signedInAt.isBefore(validFrom.toInstant())) {
                        return Optional.of(EndReason.ACCESS_CHANGED);
                    }
                    if (!rs.getBoolean(3)) {
                        return Optional.of(EndReason.SIGNED_OUT);
                    }
                    Timestamp elsewhere = rs.getTimestamp(4);
                    Instant used = elsewhere != null && elsewhere.toInstant().isAfter(lastUsedAt)
                            ? elsewhere.toInstant()
                            : lastUsedAt;
                    return idleLimit != null && used.plus(idleLimit).isBefore(now)
                            ? Optional.of(EndReason.IDLE)
                            : Optional.<EndReason>empty();
                },
                (Object) record);
    }

    /**
     * Why the acting user's session, signed in at {@code signedInAt} and last used at {@code lastUsedAt}, must end
     * now; empty while it may go on. A null {@code idleLimit} means the session never idles out.
     */
    @Transactional(readOnly = true)
    public Optional<EndReason> endReason(Instant signedInAt, Instant lastUsedAt, Duration idleLimit) {
        Instant now = clock.instant();
        if (idleLimit != null && lastUsedAt.plus(idleLimit).isBefore(now)) {
            return Optional.of(EndReason.IDLE);
        }
        if (signedInAt.plus(ABSOLUTE_LIFETIME).isBefore(now)) {
            return Optional.of(EndReason.EXPIRED);
        }
        return jdbc.query("select disabled, sessions_valid_from from my_session_state()", rs -> {
            if (!rs.next() || rs.getBoolean(1)) {
                return Optional.of(EndReason.DISABLED);
            }
            Timestamp validFrom = rs.getTimestamp(2);
            return validFrom != null && signedInAt.isBefore(validFrom.toInstant())
                    ? Optional.of(EndReason.ACCESS_CHANGED)
                    : Optional.<EndReason>empty();
        });
    }
}
