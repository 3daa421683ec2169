package app.roadbook.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
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
        ACCESS_CHANGED
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SessionPolicy(DataSource dataSource, Clock clock) {
        // SQL: my_session_state() is a definer function (the acting user's own session facts), read on every request.
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
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
