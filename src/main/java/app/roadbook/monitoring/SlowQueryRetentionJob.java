package app.roadbook.monitoring;

import app.roadbook.base.jobs.OnceOnly;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the slow-query log to its last {@code roadbook.slow-query.retention-days} days (30 by default), nightly,
 * through the definer function {@code purge_query_performance_log}: the job acts for nobody and the app role may not
 * delete from the log itself. The function never removes the last day, whatever it is told.
 */
@Component
public class SlowQueryRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(SlowQueryRetentionJob.class);

    private final JdbcTemplate jdbc;
    private final OnceOnly onceOnly;
    private final int keepDays;

    SlowQueryRetentionJob(
            DataSource dataSource, OnceOnly onceOnly, @Value("${roadbook.slow-query.retention-days:30}") int keepDays) {
        this.onceOnly = onceOnly;
        // SQL: one call of a definer function; the log has no entity (it is written by the recorder's function and
        // read as a report).
        this.jdbc = new JdbcTemplate(dataSource);
        if (keepDays < 1) {
            throw new IllegalArgumentException("roadbook.slow-query.retention-days must be at least 1: " + keepDays);
        }
        this.keepDays = keepDays;
    }

    @Scheduled(cron = "${roadbook.slow-query.retention-cron:0 47 3 * * *}", zone = "UTC")
    void scheduled() {
        onceOnly.run("slow-query-retention", Duration.ofMinutes(30), Duration.ofMinutes(5), this::run);
    }

    /** Removes the entries older than the retention; returns how many went. */
    public int run() {
        Integer removed = jdbc.queryForObject("select purge_query_performance_log(?)", Integer.class, keepDays);
        int count = removed == null ? 0 : removed;
        if (count > 0) {
            log.info(
                    "Slow-query log retention removed {} entr{} older than {} days.",
                    count,
                    count == 1 ? "y" : "ies",
                    keepDays);
        }
        return count;
    }

    public int keepDays() {
        return keepDays;
    }
}
