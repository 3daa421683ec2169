package app.roadbook.base.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    @Test
    void dataSurvivesAStopAndAStartAndTheRolesAreAsTheContractSays() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, "roadbook_app")) {
            JdbcTemplate owner = owner(first);
            owner.execute("create table kept (note text)");
            owner.update("insert into kept values ('still here')");
            JdbcTemplate superuser = new JdbcTemplate(new DriverManagerDataSource(first.superuserJdbcUrl()));
            assertThat(superuser.queryForObject(
                    "select rolsuper or rolbypassrls or rolcreaterole from pg_roles where rolname = 'roadbook_app'", Boolean.class))
                    .isFalse();
            assertThat(superuser.queryForObject("select rolsuper from pg_roles where rolname = 'roadbook_owner'", Boolean.class))
                    .isFalse();
            assertThat(superuser.queryForObject(
                    "select pg_get_userbyid(datdba) from pg_database where datname = 'roadbook'", String.class))
                    .isEqualTo("roadbook_owner");
        }
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, "roadbook_app")) {
            assertThat(owner(second).queryForObject("select note from kept", String.class)).isEqualTo("still here");
        }
    }

    private static JdbcTemplate owner(EmbeddedDatabase db) {
        return new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER_ROLE, db.password()));
    }
}
