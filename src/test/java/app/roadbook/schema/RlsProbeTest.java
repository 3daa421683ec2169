package app.roadbook.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.db.EmbeddedDatabase;
import app.roadbook.schema.RlsProbes.Actor;
import app.roadbook.schema.RlsProbes.Probe;
import app.roadbook.support.ScratchDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** The RLS probe suite: every table × every actor × select/insert/update/delete, as the application role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsProbeTest {

    ScratchDatabase db;
    Connection connection;
    RlsProbes probes = new RlsProbes();

    @BeforeAll
    void loadProbeFixtures() throws Exception {
        db = new ScratchDatabase();
        db.migrate("latest");
        try (Connection c = db.owner().getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/probe-fixtures.sql"));
        }
        connection = db.superuser().getConnection();
        connection.setAutoCommit(false);
    }

    @AfterAll
    void close() throws Exception {
        connection.rollback();
        connection.close();
    }

    @Test
    void everyTableEveryActorEveryOperationMatchesDesign() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Probe probe : probes.probes) {
            for (Actor actor : Actor.values()) {
                boolean allowed = RlsProbes.allowed(connection, EmbeddedDatabase.DEFAULT_APP_ROLE, probe, actor);
                boolean expected = probes.expectedAllowed(probe, actor);
                checked++;
                if (allowed != expected) {
                    mismatches.add(probe.name() + " as " + actor + ": " + (allowed ? "allowed" : "denied")
                            + ", expected " + (expected ? "allowed" : "denied"));
                }
            }
        }
        System.out.printf(
                "RLS probe suite: %d probes (%d table/operation probes x %d actors)%n",
                checked, probes.probes.size(), Actor.values().length);
        assertThat(mismatches)
                .as("probes that disagree with docs/product.md §1 (of " + checked + ")")
                .isEmpty();
        assertThat(checked).isGreaterThan(700);
    }

    @Test
    void everyTableIsProbed() {
        Set<String> tables = new TreeSet<>(new JdbcTemplate(db.owner()).queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                  and c.relname <> 'flyway_schema_history'""", String.class));
        Set<String> probed = new TreeSet<>();
        probes.probes.forEach(p -> probed.add(p.table()));
        assertThat(probed).containsExactlyElementsOf(tables);
    }

    @Test
    void nobodyWritesIntoAnotherOrganization() throws Exception {
        for (Probe probe : probes.foreignInserts) {
            for (Actor actor : List.of(Actor.OWNER, Actor.EDITOR, Actor.PROMOTER_EDITOR, Actor.PLATFORM_ADMIN)) {
                assertThat(RlsProbes.allowed(connection, EmbeddedDatabase.DEFAULT_APP_ROLE, probe, actor))
                        .as(probe.name() + " as " + actor)
                        .isFalse();
            }
        }
        assertThat(probes.foreignInserts).hasSizeGreaterThan(10);
    }

    @Test
    void withoutAnyUserNothingIsReadableOrWritable() throws Exception {
        for (Probe probe : probes.probes) {
            assertThat(RlsProbes.allowed(connection, EmbeddedDatabase.DEFAULT_APP_ROLE, probe, Actor.NOBODY))
                    .as(probe.name())
                    .isFalse();
        }
    }

    @Test
    void aLapsedOrganizationIsReadOnly() throws Exception {
        try (var st = connection.createStatement()) {
            st.execute("savepoint lapse");
            st.execute(
                    "update org_subscriptions set status = 'past_due', current_period_end = now() - interval '8 days' "
                            + "where org_id = 'b0000000-0000-0000-0000-00000000000a'");
            for (Probe probe : probes.probes) {
                if (probe.op() == RlsProbes.Op.SELECT
                        || probe.table().startsWith("org_subscriptions")
                        || probe.table().equals("org_feature_overrides")
                        || probe.table().equals("billing_plans")
                        || probe.table().equals("activity_log")
                        || probe.table().equals("query_performance_log")
                        || probe.table().equals("app_users")
                        || probe.table().equals("plan_change_requests")
                        // A person's own switch for notice mails, not the org's data.
                        || probe.table().equals("advancing_notice_stops")
                        // A person's own calendar address, not the org's data (decision 0024).
                        || probe.table().equals("calendar_feeds")
                        // Closing the account stays possible for a lapsed org's owner (decision 0009).
                        || probe.name().equals("organizations delete")) {
                    continue;
                }
                for (Actor actor : List.of(Actor.OWNER, Actor.EDITOR, Actor.PROMOTER_EDITOR)) {
                    assertThat(RlsProbes.allowed(connection, EmbeddedDatabase.DEFAULT_APP_ROLE, probe, actor))
                            .as(probe.name() + " as " + actor + " in a lapsed org")
                            .isFalse();
                }
            }
            // Reading goes on.
            Probe read = probes.probes.stream()
                    .filter(p -> p.label().equals("shows") && p.op() == RlsProbes.Op.SELECT)
                    .findFirst()
                    .orElseThrow();
            assertThat(RlsProbes.allowed(connection, EmbeddedDatabase.DEFAULT_APP_ROLE, read, Actor.VIEWER))
                    .isTrue();
            st.execute("rollback to savepoint lapse");
        }
    }
}
