package app.roadbook.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a signed-in session must end: after 12 hours whatever the activity, when the account is disabled,
 * and when the person's access changed or an admin signed them out everywhere after they signed in.
 * The idle timeout (30 minutes) is the servlet container's. See docs/decisions/0013-sessions-and-audit.md.
 */
@Service
public class SessionPolicy {

    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);

    public enum EndReason { EXPIRED, DISABLED, ACCESS_CHANGED }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SessionPolicy(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Why the acting user's session, signed in at {@code signedInAt}, must end now; empty while it may go on. */
    @Transactional(readOnly = true)
    public Optional<EndReason> endReason(Instant signedInAt) {
        if (signedInAt.plus(ABSOLUTE_LIFETIME).isBefore(clock.instant())) {
            return Optional.of(EndReason.EXPIRED);
        }
        return jdbc.query("select disabled, sessions_valid_from from my_session_state()", rs -> {
            if (!rs.next() || rs.getBoolean(1)) {
                return Optional.of(EndReason.DISABLED);
            }
            Timestamp validFrom = rs.getTimestamp(2);
            return validFrom != null && signedInAt.isBefore(validFrom.toInstant())
                    ? Optional.of(EndReason.ACCESS_CHANGED) : Optional.<EndReason>empty();
        });
    }
}
