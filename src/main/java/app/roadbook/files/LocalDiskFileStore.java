package app.roadbook.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The default {@link FileStore}: a folder on local disk ({@code ROADBOOK_FILES_DIR}, else {@code <data dir>/files}).
 * An upload is copied in 64 KB steps into a hidden part file beside its target and moved into place only once
 * complete, so a cut-off or over-limit upload leaves no object behind. Keys stay inside the folder.
 */
@Component
class LocalDiskFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(LocalDiskFileStore.class);
    private static final int STEP = 64 * 1024;

    private final Path root;

    LocalDiskFileStore(@Value("${roadbook.files-dir:${roadbook.data-dir}/files}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    @Override
    public long put(String key, InputStream in, long maxBytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            throw new IOException("A file is already stored under this key.");
        }
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        long copied = 0;
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[STEP];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    copied += n;
                    if (copied > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            done = true;
            return copied;
        } finally {
            if (!done) {
                Files.deleteIfExists(part);
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            // An orphaned object costs disk space only; the registry no longer points at it.
            log.warn("Could not delete stored file {}: {}", key, e.getMessage());
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(resolve(key));
    }

    private Path resolve(String key) {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("Invalid storage key.");
        }
        return target;
    }
}
