package app.roadbook.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndAStartAndTheRolesAreAsTheContractSays() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, "roadbook_app")) {
            JdbcTemplate owner = owner(first);
            owner.execute("create table kept (note text)");
            owner.update("insert into kept values ('still here')");
            JdbcTemplate superuser = superuser(first);
            assertThat(superuser.queryForObject(
                            "select rolsuper or rolbypassrls or rolcreaterole from pg_roles where rolname = 'roadbook_app'",
                            Boolean.class))
                    .isFalse();
            assertThat(superuser.queryForObject(
                            "select rolsuper from pg_roles where rolname = 'roadbook_owner'", Boolean.class))
                    .isFalse();
            assertThat(superuser.queryForObject(
                            "select pg_get_userbyid(datdba) from pg_database where datname = 'roadbook'", String.class))
                    .isEqualTo("roadbook_owner");
        }
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, "roadbook_app")) {
            assertThat(owner(second).queryForObject("select note from kept", String.class))
                    .isEqualTo("still here");
        }
    }

    /** Finding 2: any local process connected as superuser without a password and could run programs. */
    @Test
    void everyRoleNeedsItsRandomPasswordAndTheServerListensOnLoopbackOnly() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, "roadbook_app")) {
            for (String role : List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.OWNER_ROLE, "roadbook_app")) {
                assertThatThrownBy(() -> connect(db, role, null))
                        .as(role + " without a password")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(db, role, "roadbook-local"))
                        .as(role + " with the old fixed password")
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).startsWith("28"));
            }
            assertThat(db.superuserPassword())
                    .matches("[A-Za-z0-9_-]{43}")
                    .isNotEqualTo(db.ownerPassword())
                    .isNotEqualTo(db.appPassword());

            JdbcTemplate superuser = superuser(db);
            assertThat(superuser.queryForObject("show listen_addresses", String.class))
                    .isEqualTo("localhost");
            assertThat(superuser.queryForObject("show unix_socket_directories", String.class))
                    .as("no socket in a shared directory")
                    .isEmpty();
            assertThat(superuser.queryForObject(
                            "select count(*) from pg_hba_file_rules where auth_method not in ('scram-sha-256')",
                            Integer.class))
                    .as("pg_hba.conf rules that let anyone in without a password")
                    .isZero();
            for (InetAddress address : nonLoopbackAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, db.port()), 2_000))
                            .as("the server on " + address)
                            .isInstanceOf(java.io.IOException.class);
                }
            }
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve(EmbeddedCredentials.FILE))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwx------");
        }
        // The passwords are kept: the next start signs in with them.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir, "roadbook_app")) {
            assertThat(owner(again).queryForObject("select current_user", String.class))
                    .isEqualTo("roadbook_owner");
        }
    }

    private static void connect(EmbeddedDatabase db, String role, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        if (password != null) {
            props.setProperty("password", password);
        }
        DriverManager.getConnection(db.jdbcUrl(), props).close();
    }

    private static List<InetAddress> nonLoopbackAddresses() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }

    private static JdbcTemplate owner(EmbeddedDatabase db) {
        return new JdbcTemplate(
                new DriverManagerDataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER_ROLE, db.ownerPassword()));
    }

    private static JdbcTemplate superuser(EmbeddedDatabase db) {
        return new JdbcTemplate(
                new DriverManagerDataSource(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.superuserPassword()));
    }
}
