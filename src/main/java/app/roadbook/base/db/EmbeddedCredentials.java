package app.roadbook.base.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded server's passwords: random at first start, then kept in {@code <data dir>/credentials.properties},
 * readable by its owner only. A throwaway server keeps them in memory.
 */
record EmbeddedCredentials(String superuser, String owner, String app, boolean fresh) {

    static final String FILE = "credentials.properties";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(secret(), secret(), secret(), true);
    }

    static EmbeddedCredentials loadOrCreate(Path dataDir) throws IOException {
        ownerOnlyDirectory(dataDir);
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            String superuser = p.getProperty("superuser"), owner = p.getProperty("owner"), app = p.getProperty("app");
            if (usable(superuser) && usable(owner) && usable(app)) {
                return new EmbeddedCredentials(superuser, owner, app, false);
            }
        }
        EmbeddedCredentials created = generate();
        Path temporary = dataDir.resolve(FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        Properties p = new Properties();
        p.setProperty("superuser", created.superuser());
        p.setProperty("owner", created.owner());
        p.setProperty("app", created.app());
        try (Writer out = Files.newBufferedWriter(temporary)) {
            p.store(out, "Passwords of Roadbook's embedded PostgreSQL. Keep this file private.");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return created;
    }

    /** Creates the directory if needed and makes it accessible to its owner only. */
    static Path ownerOnlyDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException notADirectory) {
            throw new IOException(dir + " exists and is not a directory", notADirectory);
        }
        Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        return dir;
    }

    /** 256 random bits; letters, digits, '-' and '_' only, so it sits in SQL and URLs unquoted. */
    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean usable(String password) {
        return password != null && password.matches("[A-Za-z0-9_-]{32,}");
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[hidden]";
    }
}
