package app.roadbook.tenancy;

import app.roadbook.base.jobs.OnceOnly;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the totals of refused sign-ins for closed 10-minute windows: past five refusals per client and
 * organization, {@code record_sign_in} only counts them (decision 0014). A definer function, so the application
 * role can neither change the counters nor write summaries of its own.
 */
@Component
class SignInRefusalSummaries {

    private final JdbcTemplate jdbc;
    private final OnceOnly onceOnly;

    SignInRefusalSummaries(DataSource dataSource, OnceOnly onceOnly) {
        // SQL, not a repository: one definer function; the app role may neither read nor write the counters itself.
        this.jdbc = new JdbcTemplate(dataSource);
        this.onceOnly = onceOnly;
    }

    /** Every minute on one node of all (decision 0030). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void scheduled() {
        onceOnly.run("sign-in-refusal-summaries", Duration.ofMinutes(5), Duration.ofSeconds(50), this::flush);
    }

    int flush() {
        Integer written = jdbc.queryForObject("select flush_sign_in_refusals()", Integer.class);
        return written == null ? 0 : written;
    }
}
