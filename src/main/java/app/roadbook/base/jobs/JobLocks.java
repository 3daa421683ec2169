package app.roadbook.base.jobs;

import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock's lock provider on the {@code job_locks} table, through the two definer functions of V29: jobs run with
 * nobody acting, so the application role may not write the table itself (decision 0030). The database's clock decides
 * when a lock ends, so the nodes' clocks need not agree.
 */
final class JobLocks implements LockProvider {

    private final JdbcTemplate jdbc;
    private final String node;

    JobLocks(DataSource dataSource, String node) {
        // SQL, not a repository: two definer functions, the only way to the lock table (decision 0030).
        // SQL: two calls of V29's definer functions; the lock table has no entity because nobody acting may touch it.
        this.jdbc = new JdbcTemplate(dataSource);
        this.node = node;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration job) {
        Boolean taken = jdbc.queryForObject(
                "select take_job_lock(?, make_interval(secs => ?), ?)",
                Boolean.class,
                job.getName(),
                seconds(job.getLockAtMostFor()),
                node);
        if (!Boolean.TRUE.equals(taken)) {
            return Optional.empty();
        }
        return Optional.of(() -> jdbc.queryForList(
                "select release_job_lock(?, make_interval(secs => ?), ?)",
                job.getName(),
                seconds(job.getLockAtLeastFor()),
                node));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
