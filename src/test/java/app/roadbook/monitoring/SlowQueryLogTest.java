package app.roadbook.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactFilter;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Slow statements reach query_performance_log named, with user and org, from the recorder's own thread. */
@RoadbookTest
class SlowQueryLogTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SlowWork work;

    @Autowired
    SlowQueryRecorder recorder;

    @Autowired
    SlowQueryRetentionJob retention;

    @Autowired
    SlowQueries slowQueries;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    Duration threshold;
    UUID owner;
    UUID org;

    @BeforeEach
    void organization() {
        threshold = recorder.threshold();
        owner = fixtures.user("Sloane");
        org = fixtures.organization("Slow Org", owner);
    }

    @AfterEach
    void restoreThreshold() {
        recorder.threshold(threshold);
    }

    @Test
    void aSlowStatementIsRecordedWithItsServiceMethodUserAndOrgButNotItsValues() {
        recorder.threshold(Duration.ofMillis(100));
        ActingUser.runAs(owner, () -> work.slowReport(org, 0.3));

        Map<String, Object> row = awaitRow(owner, "SlowWork.slowReport");
        assertThat(row.get("org_id")).isEqualTo(org);
        assertThat(((Number) row.get("execution_time_ms")).longValue())
                .as("pg_sleep(0.3) takes at least 300 ms")
                .isGreaterThanOrEqualTo(300);
        assertThat((String) row.get("statement_fingerprint"))
                .isEqualTo("select ? from pg_sleep(?) where ? <> ?")
                .doesNotContain("secret");
    }

    @Test
    void aSlowStatementOfARolledBackTransactionIsStillRecorded() {
        recorder.threshold(Duration.ofMillis(100));
        assertThatThrownBy(() -> ActingUser.runAs(owner, () -> work.sleepThenFail(org, 0.2)))
                .hasMessageContaining("rolled back on purpose");

        Map<String, Object> row = awaitRow(owner, "SlowWork.sleepThenFail");
        assertThat(row.get("org_id")).isEqualTo(org);
    }

    @Test
    void fastStatementsAreNotRecorded() {
        // A high threshold, so no fast statement crosses it even on a busy machine; the slow one sleeps past it.
        recorder.threshold(Duration.ofSeconds(1));
        ActingUser.runAs(owner, () -> {
            work.fast(org);
            work.fast(org);
            // The writer keeps order: once the slow one is in, a fast one recorded before it would be in too.
            work.sleep(org, 1.1);
        });

        awaitRow(owner, "SlowWork.sleep");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select query_name from query_performance_log where user_id = ?", String.class, owner))
                .containsExactly("SlowWork.sleep");
    }

    @Test
    void statementsOfARepositoryAreNamedAfterItsQueryInsideTheService() {
        recorder.threshold(Duration.ZERO);
        fixtures.signIn(owner);
        contacts.list(org, ContactFilter.ALL, PageRequest.of(0, 10));
        recorder.threshold(threshold);

        awaitRow(owner, "ContactRepository.findRows");
        List<String> names = fixtures.owner()
                .queryForList(
                        "select distinct query_name from query_performance_log where user_id = ? order by 1",
                        String.class,
                        owner);
        assertThat(names)
                .as("the repository's query, the authorization and the service's own transaction statements")
                .contains("ContactRepository.findRows", "OrgAccess.requireMember", "ContactDirectory.list");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select distinct org_id from query_performance_log where user_id = ?"
                                        + " and query_name = 'ContactRepository.findRows'",
                                UUID.class,
                                owner))
                .containsExactly(org);
    }

    @Test
    void onlyPlatformAdminsReadTheLogAndNobodyWritesItDirectly() {
        fixtures.owner()
                .update(
                        "insert into query_performance_log (query_name, execution_time_ms, user_id, org_id)"
                                + " values ('Probe.read', 500, ?, ?)",
                        owner,
                        org);
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThat(as(
                        owner,
                        () -> app.queryForObject(
                                "select count(*) from query_performance_log where user_id = ?", Long.class, owner)))
                .as("an org owner reads none of it, not even rows of their own org")
                .isZero();
        assertThatThrownBy(() -> as(
                        owner,
                        () -> app.update(
                                "insert into query_performance_log (query_name, execution_time_ms, user_id) values ('x', 1, ?)",
                                owner)))
                .rootCause()
                .hasMessageContaining("permission denied");
        UUID admin = fixtures.platformAdmin();
        assertThat(as(
                        admin,
                        () -> app.queryForObject(
                                "select count(*) from query_performance_log where user_id = ? and query_name = 'Probe.read'",
                                Long.class,
                                owner)))
                .isEqualTo(1);

        fixtures.signIn(owner);
        assertThatThrownBy(() -> slowQueries.slowest(SlowQueryPeriod.DAY)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRetentionJobKeepsThirtyDays() {
        fixtures.owner().update("""
                        insert into query_performance_log (query_name, execution_time_ms, user_id, created_at)
                        values ('Retention.old', 300, ?, now() - interval '31 days'),
                               ('Retention.kept', 300, ?, now() - interval '29 days')""", owner, owner);
        assertThat(retention.keepDays()).isEqualTo(30);
        assertThat(retention.run()).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.owner()
                        .queryForList(
                                "select query_name from query_performance_log where user_id = ? and query_name like 'Retention.%'",
                                String.class, owner))
                .containsExactly("Retention.kept");
    }

    @Test
    void fingerprintsKeepTheShapeAndDropEveryLiteral() {
        assertThat(StatementFingerprint.of(
                        "select * from contacts where email = 'ann@example.com' and  id = 42\n and x = $1"))
                .isEqualTo("select * from contacts where email = ? and id = ? and x = $1");
        assertThat(StatementFingerprint.of("select 'it''s' || $tag$secret$tag$, col2 from t2 where v > -1.5e3"))
                .isEqualTo("select ? || ?, col2 from t2 where v > ?");
        assertThat(StatementFingerprint.of("select '" + "x".repeat(2_000) + "', " + "a, ".repeat(400) + "b"))
                .hasSize(StatementFingerprint.MAX)
                .endsWith("…");
    }

    private <T> T as(UUID user, Supplier<T> work) {
        return ActingUser.callAs(user, () -> transactions.execute(status -> work.get()));
    }

    /** The writer is asynchronous: look again until the row is there, a bounded number of times. */
    private Map<String, Object> awaitRow(UUID user, String name) {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<Map<String, Object>> rows = fixtures.owner()
                    .queryForList(
                            "select * from query_performance_log where user_id = ? and query_name = ?", user, name);
            if (!rows.isEmpty()) {
                return rows.getFirst();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no entry named " + name + " for " + user + " after 300 looks; recorded "
                + recorder.recorded() + ", dropped " + recorder.dropped());
    }
}
