package app.roadbook.monitoring;

import app.roadbook.tenancy.RoadbookUser;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The slow-query log as platform admins read it: per name, how often it was slow in a period and how slow (median,
 * 95th percentile, worst). The select policy on {@code query_performance_log} lets platform admins only, too.
 */
@Service
@PreAuthorize("hasRole('" + RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
public class SlowQueries {

    /** At most this many names are listed, the slowest by p95 first. */
    public static final int LIMIT = 200;

    /** One name's figures over the period; durations in milliseconds. */
    public record Figures(String name, long count, double p50Ms, double p95Ms, long maxMs) {}

    /** The page's heading figures: entries in the period and what the recorder is set to. */
    public record Summary(long entries, Duration threshold, int keepDays, long droppedSinceStart) {}

    private final JdbcTemplate jdbc;
    private final SlowQueryRecorder recorder;
    private final SlowQueryRetentionJob retention;

    SlowQueries(DataSource dataSource, SlowQueryRecorder recorder, SlowQueryRetentionJob retention) {
        // SQL: a report. percentile_cont is an ordered-set aggregate: PostgreSQL computes the exact p50 and p95 per
        // name over the period's rows in one pass, where JPQL has no percentiles and doing it in Java would fetch
        // every row of up to 30 days.
        this.jdbc = new JdbcTemplate(dataSource);
        this.recorder = recorder;
        this.retention = retention;
    }

    @Transactional(readOnly = true)
    public List<Figures> slowest(SlowQueryPeriod period) {
        return jdbc.query(
                """
                select query_name, count(*) as slow,
                       percentile_cont(0.5) within group (order by execution_time_ms) as p50,
                       percentile_cont(0.95) within group (order by execution_time_ms) as p95,
                       max(execution_time_ms) as worst
                from query_performance_log
                where created_at >= now() - make_interval(secs => ?)
                group by query_name
                order by p95 desc, slow desc, query_name
                limit ?""",
                (rs, i) -> new Figures(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5)),
                period.length().toSeconds(),
                LIMIT);
    }

    @Transactional(readOnly = true)
    public Summary summary(SlowQueryPeriod period) {
        Long entries = jdbc.queryForObject(
                "select count(*) from query_performance_log where created_at >= now() - make_interval(secs => ?)",
                Long.class,
                period.length().toSeconds());
        return new Summary(
                entries == null ? 0 : entries, recorder.threshold(), retention.keepDays(), recorder.dropped());
    }
}
