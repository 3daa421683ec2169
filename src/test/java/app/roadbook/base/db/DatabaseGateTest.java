package app.roadbook.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.RoadbookTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@RoadbookTest
class DatabaseGateTest {

    @Autowired
    DataSource appDataSource;

    @Autowired
    DatabaseGate gate;

    EmbeddedDatabase db = EmbeddedDatabase.start(null, EmbeddedDatabase.DEFAULT_APP_ROLE);

    @Test
    void theApplicationRoleIsSafe() {
        assertThat(gate.problems()).isEmpty();
        JdbcTemplate jdbc = new JdbcTemplate(appDataSource);
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("roadbook_app");
        assertThat(jdbc.queryForObject(
                        "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
    }

    @Test
    void aSuperuserIsRefused() {
        DatabaseGate superuserGate = new DatabaseGate(
                new DriverManagerDataSource(db.superuserJdbcUrl(), EmbeddedDatabase.SUPERUSER, db.superuserPassword()));
        assertThat(superuserGate.problems()).anySatisfy(p -> assertThat(p).contains("is a superuser"));
    }

    @Test
    void bypassRlsAndOwnershipAreRefused() {
        JdbcTemplate superuser = new JdbcTemplate(
                new DriverManagerDataSource(db.superuserJdbcUrl(), EmbeddedDatabase.SUPERUSER, db.superuserPassword()));
        superuser.execute("""
                do $$ begin
                  if not exists (select 1 from pg_roles where rolname = 'gate_probe') then
                    create role gate_probe login password 'probe' nosuperuser bypassrls;
                  end if;
                end $$""");
        superuser.execute("grant connect on database roadbook to gate_probe");
        superuser.execute("create table if not exists gate_probe_owned (id int)");
        superuser.execute("alter table gate_probe_owned owner to gate_probe");
        try {
            DatabaseGate probeGate = new DatabaseGate(new DriverManagerDataSource(db.jdbcUrl(), "gate_probe", "probe"));
            assertThat(probeGate.problems())
                    .anySatisfy(p -> assertThat(p).contains("has BYPASSRLS"))
                    .anySatisfy(p -> assertThat(p).contains("owns 1 object(s) (table public.gate_probe_owned)"));
            assertThatThrownBy(probeGate::check)
                    .isInstanceOf(DatabaseGateException.class)
                    .hasMessageStartingWith("Roadbook refuses to start because")
                    .hasMessageContaining("SPRING_DATASOURCE_USERNAME");
        } finally {
            superuser.execute("drop table gate_probe_owned");
        }
    }

    @Test
    void theCatalogGateNamesWhatBreaksTheContract() {
        app.roadbook.support.ScratchDatabase scratch = new app.roadbook.support.ScratchDatabase();
        scratch.migrate("latest");
        assertThat(new DatabaseGate(scratch.app()).problems())
                .as("a fresh database at the latest version")
                .isEmpty();

        JdbcTemplate owner = new JdbcTemplate(scratch.owner());
        owner.execute("create table no_rls (id int)");
        owner.execute("create table rls_without_policy (id int)");
        owner.execute("alter table rls_without_policy enable row level security");
        owner.execute("create view definer_view as select id from no_rls");
        owner.execute("create materialized view leaky_cache as select id from organizations");
        owner.execute("grant select on leaky_cache to roadbook_app");
        owner.execute("create function unpinned() returns int language sql security definer as 'select 1'");
        assertThat(new DatabaseGate(scratch.app()).problems())
                .anySatisfy(p -> assertThat(p).isEqualTo("row-level security is off on no_rls"))
                .anySatisfy(p -> assertThat(p).contains("have no policy: no_rls, rls_without_policy"))
                .anySatisfy(p -> assertThat(p).contains("not security_invoker: definer_view"))
                .anySatisfy(p -> assertThat(p).contains("materialized views").contains("leaky_cache"))
                .anySatisfy(p -> assertThat(p).contains("do not pin search_path: unpinned"));
    }

    /** Finding 3: a definer helper whose search_path lets temporary tables come first is refused, and so is TEMPORARY. */
    @Test
    void temporaryTablesAndHashesWithinTheAppRolesReachAreRefused() {
        app.roadbook.support.ScratchDatabase scratch = new app.roadbook.support.ScratchDatabase();
        scratch.migrate("latest");
        JdbcTemplate owner = new JdbcTemplate(scratch.owner());
        owner.execute("create function temp_first() returns int language sql security definer "
                + "set search_path = pg_catalog, public as 'select 1'");
        String database = owner.queryForObject("select current_database()", String.class);
        owner.execute("grant temporary on database " + database + " to roadbook_app");
        owner.execute("grant select (password_hash) on app_users to roadbook_app");
        assertThat(new DatabaseGate(scratch.app()).problems())
                .anySatisfy(
                        p -> assertThat(p).contains("do not put pg_temp last").contains("temp_first"))
                .anySatisfy(p -> assertThat(p).contains("may create temporary tables"))
                .anySatisfy(p -> assertThat(p).contains("app_users.password_hash"));
    }

    /** Finding 14: refusing the owner role as the app role took about 190 KB; one sentence with counts now. */
    @Test
    void aRoleThatOwnsEverythingIsRefusedInOneShortSentence() {
        app.roadbook.support.ScratchDatabase scratch = new app.roadbook.support.ScratchDatabase();
        scratch.migrate("latest");
        JdbcTemplate owner = new JdbcTemplate(scratch.owner());
        owner.queryForObject("select ensure_activity_log_partitions(240, now())", Integer.class);
        DatabaseGate ownerAsApp = new DatabaseGate(scratch.owner());
        assertThatThrownBy(ownerAsApp::check)
                .isInstanceOf(DatabaseGateException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .hasSizeLessThan(1_500)
                        .containsPattern("owns \\d{3,} object\\(s\\)")
                        .containsPattern("and \\d+ more"));
    }
}
