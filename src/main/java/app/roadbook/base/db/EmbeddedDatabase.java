package app.roadbook.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PostgreSQL server started by the app itself when no database is configured.
 * <p>
 * It creates the two roles of the database contract (DESIGN.md §4): an owner that runs Flyway and owns
 * every object, and a login role for the app that is NOSUPERUSER, NOBYPASSRLS and owns nothing.
 * One server per data directory and JVM, so several Spring contexts in one test run share it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "roadbook";
    public static final String OWNER_ROLE = "roadbook_owner";
    public static final String DEFAULT_APP_ROLE = "roadbook_app";

    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final Path key;
    private final EmbeddedPostgres postgres;
    private final String appRole;
    private final String password;

    private EmbeddedDatabase(Path key, EmbeddedPostgres postgres, String appRole, String password) {
        this.key = key;
        this.postgres = postgres;
        this.appRole = appRole;
        this.password = password;
    }

    /** Starts (or returns the already running) server whose data lives in {@code dataDir}; null means throwaway. */
    public static EmbeddedDatabase start(Path dataDir, String appRole) {
        Path key = dataDir == null ? Path.of("<ephemeral>") : dataDir.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, k -> launch(k, dataDir, appRole));
    }

    private static EmbeddedDatabase launch(Path key, Path dataDir, String appRole) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC");
            if (dataDir != null) {
                Path pgData = dataDir.resolve("pgdata");
                Files.createDirectories(dataDir);
                builder.setDataDirectory(pgData).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            // The server trusts loopback connections only; the password just keeps JDBC URLs uniform.
            EmbeddedDatabase db = new EmbeddedDatabase(key, postgres, appRole, "roadbook-local");
            db.createRolesAndDatabase();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!exists(st, "select 1 from pg_roles where rolname = '" + OWNER_ROLE + "'")) {
                st.execute("create role " + OWNER_ROLE + " login nosuperuser nocreaterole password '" + password + "'");
            }
            if (!exists(st, "select 1 from pg_roles where rolname = '" + appRole + "'")) {
                st.execute("create role " + appRole + " login nosuperuser nobypassrls nocreatedb nocreaterole password '"
                        + password + "'");
            }
            if (!exists(st, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                st.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                st.execute("revoke all on database " + DATABASE + " from public");
                st.execute("grant connect, temporary on database " + DATABASE + " to " + appRole);
            }
        }
    }

    private static boolean exists(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String appRole() {
        return appRole;
    }

    public String password() {
        return password;
    }

    /** Stops the server; its data directory, if any, stays for the next start. */
    @Override
    public void close() throws IOException {
        RUNNING.remove(key);
        postgres.close();
    }

    /** A superuser URL, for tests that must prove the app refuses unsafe roles. */
    public String superuserJdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }
}
