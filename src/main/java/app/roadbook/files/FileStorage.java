package app.roadbook.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded documents live: a folder on local disk by default ({@code ROADBOOK_FILES_DIR}, else
 * {@code <data dir>/files}). Paths come from the files registry, never from users, and stay inside the folder.
 */
@Component
public class FileStorage {

    private final Path root;

    FileStorage(@Value("${roadbook.files-dir:${roadbook.data-dir}/files}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public void write(String storagePath, byte[] bytes) {
        Path target = resolve(storagePath);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the file.", e);
        }
    }

    public byte[] read(String storagePath) {
        try {
            return Files.readAllBytes(resolve(storagePath));
        } catch (IOException e) {
            throw new UncheckedIOException("The stored file is missing.", e);
        }
    }

    public void delete(String storagePath) {
        try {
            Files.deleteIfExists(resolve(storagePath));
        } catch (IOException ignored) {
            // An orphaned file costs disk space only; the registry no longer points at it.
        }
    }

    private Path resolve(String storagePath) {
        Path target = root.resolve(storagePath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("Invalid storage path.");
        }
        return target;
    }
}
