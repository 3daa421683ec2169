package app.roadbook.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.db.EmbeddedDatabase;
import app.roadbook.schema.RlsProbes.Actor;
import app.roadbook.schema.RlsProbes.Probe;
import app.roadbook.support.ScratchDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The probes are worth something only if they notice a missing policy: drop each policy in turn and
 * check that at least one probe of its table then disagrees with the design.
 */
class PolicyMutationTest {

    @Test
    void droppingAnyOnePolicyMakesAProbeFail() throws Exception {
        ScratchDatabase db = new ScratchDatabase();
        db.migrate("latest");
        try (Connection c = db.owner().getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/probe-fixtures.sql"));
        }
        List<Map<String, Object>> policies = new JdbcTemplate(db.owner()).queryForList("""
                select p.polname as policy, c.relname as "table", pg_get_expr(p.polqual, p.polrelid) as qual,
                       has_table_privilege('roadbook_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') as granted
                from pg_policy p join pg_class c on c.oid = p.polrelid
                join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by 2, 1""");
        assertThat(policies).hasSizeGreaterThan(80);

        RlsProbes probes = new RlsProbes();
        List<String> unnoticed = new ArrayList<>();
        int placeholders = 0;
        try (Connection connection = db.superuser().getConnection()) {
            connection.setAutoCommit(false);
            for (Map<String, Object> policy : policies) {
                String table = (String) policy.get("table");
                if ("false".equals(policy.get("qual")) && Boolean.FALSE.equals(policy.get("granted"))) {
                    // A table the app role has no privilege on at all, with a deny-all policy only because every
                    // table needs one (the start-up gate): dropping it changes nothing, by design.
                    placeholders++;
                    continue;
                }
                try (Statement st = connection.createStatement()) {
                    st.execute("savepoint mutation");
                    st.execute("drop policy \"" + policy.get("policy") + "\" on " + table);
                    if (!anyProbeDisagrees(connection, probes, table)) {
                        unnoticed.add(table + "." + policy.get("policy"));
                    }
                    st.execute("rollback to savepoint mutation");
                }
            }
            connection.rollback();
        }
        System.out.printf(
                "policy mutation check: %d policies dropped one at a time, %d unnoticed, %d deny-all placeholders%n",
                policies.size() - placeholders, unnoticed.size(), placeholders);
        assertThat(placeholders).as("deny-all placeholders (login_secrets)").isLessThanOrEqualTo(1);
        assertThat(unnoticed).as("policies whose removal no probe notices").isEmpty();
    }

    private static boolean anyProbeDisagrees(Connection connection, RlsProbes probes, String table) throws Exception {
        for (Probe probe : probes.probes) {
            if (!probe.table().equals(table)) {
                continue;
            }
            for (Actor actor : Actor.values()) {
                if (RlsProbes.allowed(connection, EmbeddedDatabase.DEFAULT_APP_ROLE, probe, actor)
                        != probes.expectedAllowed(probe, actor)) {
                    return true;
                }
            }
        }
        return false;
    }
}
