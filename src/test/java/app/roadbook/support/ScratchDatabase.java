package app.roadbook.support;

import app.roadbook.base.db.EmbeddedDatabase;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh, empty database on the test server, owned by the owner role, for migration tests. */
public final class ScratchDatabase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EmbeddedDatabase server = EmbeddedDatabase.start(null, EmbeddedDatabase.DEFAULT_APP_ROLE);
    private final String name = "scratch_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();

    public ScratchDatabase() {
        JdbcTemplate superuser = new JdbcTemplate(new DriverManagerDataSource(
                server.superuserJdbcUrl(), EmbeddedDatabase.SUPERUSER, server.superuserPassword()));
        superuser.execute("create database " + name + " owner " + EmbeddedDatabase.OWNER_ROLE);
        superuser.execute("grant connect on database " + name + " to " + EmbeddedDatabase.DEFAULT_APP_ROLE);
    }

    public String url() {
        return server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
    }

    public DataSource owner() {
        return new DriverManagerDataSource(url(), EmbeddedDatabase.OWNER_ROLE, server.ownerPassword());
    }

    /** The owner role's password, for code that connects on its own from Spring-style properties. */
    public String ownerPassword() {
        return server.ownerPassword();
    }

    /** The server's superuser on this database: for probes that switch roles (SET ROLE) inside one transaction. */
    public DataSource superuser() {
        return new DriverManagerDataSource(url(), EmbeddedDatabase.SUPERUSER, server.superuserPassword());
    }

    public DataSource app() {
        return new DriverManagerDataSource(url(), EmbeddedDatabase.DEFAULT_APP_ROLE, server.appPassword());
    }

    /** Migrates to {@code target} ("latest" for all). */
    public MigrateResult migrate(String target) {
        return Flyway.configure()
                .dataSource(owner())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedDatabase.DEFAULT_APP_ROLE))
                .target(target)
                .load()
                .migrate();
    }
}
