package app.roadbook.billing;

import app.roadbook.base.jobs.OnceOnly;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves expired trials and overdue subscriptions on, hourly (see apply_billing_lifecycle in V10). One call of that
 * SECURITY DEFINER function, and SQL on purpose: the job runs with nobody acting, while the function moves every
 * org's subscription and logs each move in one statement, under the database's own rules (never ahead of time).
 */
@Component
public class BillingLifecycleJob {

    private static final Logger log = LoggerFactory.getLogger(BillingLifecycleJob.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OnceOnly onceOnly;

    public BillingLifecycleJob(DataSource dataSource, Clock clock, OnceOnly onceOnly) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.onceOnly = onceOnly;
    }

    /** Hourly, on one node of all (decision 0030). */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void scheduled() {
        onceOnly.run("billing-lifecycle", Duration.ofMinutes(55), Duration.ofMinutes(50), this::run);
    }

    public int run() {
        Integer moved = jdbc.queryForObject(
                "select apply_billing_lifecycle(?)", Integer.class, Timestamp.from(clock.instant()));
        if (moved != null && moved > 0) {
            log.info("Billing lifecycle moved {} subscription(s) on.", moved);
        }
        return moved == null ? 0 : moved;
    }
}
