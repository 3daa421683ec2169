package app.roadbook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class ActivityLogPartitionsTest {

    @Autowired
    ActivityLogPartitions partitions;

    @Autowired
    Fixtures fixtures;

    @Test
    void partitionsReachTwoMonthsAheadAndAFarFutureRowStillLands() {
        partitions.ensureAhead();
        assertThat(partitions.ensureAhead()).as("idempotent").isZero();
        for (int month = 0; month <= ActivityLogPartitions.MONTHS_AHEAD; month++) {
            assertThat(fixtures.owner()
                            .queryForObject(
                                    "select to_regclass('activity_log_' || to_char(now() + make_interval(months => ?), 'YYYY_MM')) is not null",
                                    Boolean.class,
                                    month))
                    .as("partition %d month(s) ahead", month)
                    .isTrue();
        }
        UUID org = fixtures.owner().queryForObject("select id from organizations limit 1", UUID.class);
        fixtures.owner()
                .update(
                        "insert into activity_log (org_id, action, resource_type, created_at) values (?, 'future', 'test', now() + interval '5 years')",
                        org);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log_default where action = 'future'", Integer.class))
                .isOne();
        // A later run moves such rows into their month when it creates that month's partition.
        fixtures.owner()
                .queryForObject("select ensure_activity_log_partitions(0, now() + interval '5 years')", Integer.class);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log_default where action = 'future'", Integer.class))
                .isZero();
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from activity_log where action = 'future'", Integer.class))
                .isOne();
    }
}
