package app.roadbook.monitoring;

import app.roadbook.tenancy.OrgAccess;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service of the tests' own whose statements are deliberately slow ({@code pg_sleep}) or fast, run like any
 * service of the app: in a transaction, as the acting user, for an organization checked by {@link OrgAccess}.
 */
@Service
public class SlowWork {

    private final JdbcTemplate jdbc;
    private final OrgAccess access;

    SlowWork(DataSource dataSource, OrgAccess access) {
        // SQL: pg_sleep is the point of this test service.
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
    }

    @Transactional(readOnly = true)
    public void sleep(UUID orgId, double seconds) {
        access.requireMember(orgId);
        jdbc.queryForObject("select 1 from pg_sleep(?)", Integer.class, seconds);
    }

    /** Sleeps, then fails: the transaction rolls back. */
    @Transactional
    public void sleepThenFail(UUID orgId, double seconds) {
        access.requireMember(orgId);
        jdbc.queryForObject("select 1 from pg_sleep(?)", Integer.class, seconds);
        throw new IllegalStateException("rolled back on purpose");
    }

    @Transactional(readOnly = true)
    public void fast(UUID orgId) {
        access.requireMember(orgId);
        jdbc.queryForObject("select 1", Integer.class);
    }

    /** The admin page's deliberately slow query, under a name of its own. */
    @Transactional(readOnly = true)
    public void slowReport(UUID orgId, double seconds) {
        access.requireMember(orgId);
        jdbc.queryForObject("select 1 from pg_sleep(?) where 'secret@example.com' <> ''", Integer.class, seconds);
    }
}
