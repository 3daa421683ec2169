package app.roadbook.audit;

import app.roadbook.base.jobs.OnceOnly;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the activity log's monthly partitions at least {@value #MONTHS_AHEAD} months ahead (the range is fixed in
 * {@code ensure_current_activity_log_partitions}), at start-up
 * and every night. The default partition catches anything beyond, so an insert never fails.
 */
@Component
public class ActivityLogPartitions {

    static final int MONTHS_AHEAD = 2;
    private static final Logger log = LoggerFactory.getLogger(ActivityLogPartitions.class);

    private final JdbcTemplate jdbc;
    private final OnceOnly onceOnly;

    ActivityLogPartitions(DataSource dataSource, OnceOnly onceOnly) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.onceOnly = onceOnly;
    }

    /** At start-up and nightly, on one node at a time (decision 0030): nodes starting together do not race. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void scheduled() {
        onceOnly.run("activity-log-partitions", Duration.ofMinutes(10), Duration.ofMinutes(5), this::ensureAhead);
    }

    public int ensureAhead() {
        // A definer function with a fixed range: the application role may not create tables itself.
        Integer created = jdbc.queryForObject("select ensure_current_activity_log_partitions()", Integer.class);
        if (created != null && created > 0) {
            log.info("Created {} activity log partition(s).", created);
        }
        return created == null ? 0 : created;
    }
}
