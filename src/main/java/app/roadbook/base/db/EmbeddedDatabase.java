package app.roadbook.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * It creates the two roles of the database contract: an owner that runs Flyway and owns every object, and a
 * login role for the app that is NOSUPERUSER, NOBYPASSRLS and owns nothing. It trusts nobody: it listens on
 * loopback only, has no Unix socket, and every role, the superuser included, signs in with a random password
 * generated at first start and kept in the data directory, readable by its owner only
 * (docs/decisions/0014-what-the-database-trusts.md). One server per data directory and JVM, so several Spring
 * contexts in one test run share it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "roadbook";
    public static final String SUPERUSER = "postgres";
    public static final String OWNER_ROLE = "roadbook_owner";
    public static final String DEFAULT_APP_ROLE = "roadbook_app";

    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final Path key;
    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final String appRole;
    private final EmbeddedCredentials credentials;

    private EmbeddedDatabase(
            Path key, Path dataDir, EmbeddedPostgres postgres, String appRole, EmbeddedCredentials credentials) {
        this.key = key;
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.appRole = appRole;
        this.credentials = credentials;
    }

    /** Starts (or returns the already running) server whose data lives in {@code dataDir}; null means throwaway. */
    public static EmbeddedDatabase start(Path dataDir, String appRole) {
        return start(dataDir, appRole, 0);
    }

    /** As {@link #start(Path, String)}, on a given port (0: any free one), so a stopped server can come back where it was. */
    public static EmbeddedDatabase start(Path dataDir, String appRole, int port) {
        Path key = dataDir == null
                ? Path.of("<ephemeral>")
                : dataDir.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, k -> launch(k, dataDir, appRole, port));
    }

    private static EmbeddedDatabase launch(Path key, Path dataDir, String appRole, int port) {
        try {
            EmbeddedCredentials credentials =
                    dataDir == null ? EmbeddedCredentials.generate() : EmbeddedCredentials.loadOrCreate(dataDir);
            Path workingDirectory = dataDir == null
                    ? ServerAuthentication.sharedWorkingDirectory()
                    // The server's binaries live with its data, not in a directory other users can write to.
                    : EmbeddedCredentials.ownerOnlyDirectory(dataDir.resolve("runtime"));
            ServerAuthentication authentication = new ServerAuthentication(workingDirectory, credentials);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    // Loopback only, and no Unix socket in a shared directory such as /tmp.
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", credentials.superuser())
                    // initdb leaves "trust" for every local connection: the superuser gets its password and
                    // pg_hba.conf demands passwords before the server ever accepts a connection.
                    .setDataDirectoryCustomizer(pgData -> authentication.require(pgData));
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                EmbeddedCredentials.ownerOnlyDirectory(dataDir);
                builder.setDataDirectory(dataDir.resolve("pgdata")).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(key, dataDir, postgres, appRole, credentials);
            db.createRolesAndDatabase();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            if (!exists(st, "select 1 from pg_roles where rolname = '" + OWNER_ROLE + "'")) {
                st.execute("create role " + OWNER_ROLE + " login nosuperuser nocreaterole");
            }
            if (!exists(st, "select 1 from pg_roles where rolname = '" + appRole + "'")) {
                st.execute("create role " + appRole + " login nosuperuser nobypassrls nocreatedb nocreaterole");
            }
            // Every start: a data directory from before passwords (or a lost credentials file) gets them now.
            st.execute("alter role " + OWNER_ROLE + " password '" + credentials.owner() + "'");
            st.execute("alter role " + appRole + " password '" + credentials.app() + "'");
            if (!exists(st, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                st.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
            }
            // No temporary tables for the app role: they could shadow the tables definer functions read.
            st.execute("revoke all on database " + DATABASE + " from public");
            st.execute("revoke temporary on database " + DATABASE + " from " + appRole);
            st.execute("grant connect on database " + DATABASE + " to " + appRole);
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

    /** The application role's password. */
    public String appPassword() {
        return credentials.app();
    }

    /** The owner role's password (Flyway). */
    public String ownerPassword() {
        return credentials.owner();
    }

    /** The superuser's password, for tests that must prove the app refuses unsafe roles. */
    public String superuserPassword() {
        return credentials.superuser();
    }

    /** Where the server keeps its data, or null for a throwaway server. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server; its data directory, if any, stays for the next start. */
    @Override
    public void close() throws IOException {
        RUNNING.remove(key);
        postgres.close();
    }

    /** A superuser URL (user name in it, password separate), for tests that must prove the app refuses unsafe roles. */
    public String superuserJdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, DATABASE);
    }
}
