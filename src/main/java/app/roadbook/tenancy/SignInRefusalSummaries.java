package app.roadbook.tenancy;

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

    SignInRefusalSummaries(DataSource dataSource) {
        // SQL, not a repository: one definer function; the app role may neither read nor write the counters itself.
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    int flush() {
        Integer written = jdbc.queryForObject("select flush_sign_in_refusals()", Integer.class);
        return written == null ? 0 : written;
    }
}
