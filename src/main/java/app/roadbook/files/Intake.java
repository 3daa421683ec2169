package app.roadbook.files;

import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How bytes enter the library, for the library's own uploads and advancing's document boxes alike: the name is
 * checked (kept for display, never used as a path), the first 64 KB are read and their type detected and checked
 * against the allow-list before anything is stored, then the rest streams into the {@link FileStore} under a key made
 * of ids only, stopping at the size limit. Whatever is refused or cut off leaves nothing behind.
 */
@Component
public class Intake {

    private static final long MB = 1024L * 1024L;

    private final FileStore store;
    private final ContentDetector detector;
    private final long maxFileBytes;

    Intake(FileStore store, ContentDetector detector, @Value("${roadbook.files.max-size-mb:100}") long maxFileMb) {
        this.store = store;
        this.detector = detector;
        // The registry counts a file's size in an int column: a limit beyond 2 GB is capped there.
        this.maxFileBytes = Math.min(maxFileMb * MB, Integer.MAX_VALUE);
    }

    /** Bytes stored under {@code key}: the checked name, the detected type and the size. */
    public record Stored(String key, String name, String contentType, long size) {}

    /** The largest file accepted, in bytes ({@code ROADBOOK_FILES_MAX_SIZE_MB}, 100 MB by default). */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** The limit in words ("100 MB"). */
    public String maxFileSize() {
        return megabytes(maxFileBytes);
    }

    /**
     * Checks and stores one upload. {@code declaredSize} is what the browser announced (-1 if unknown): a file
     * announced over the limit is refused before a byte is read; the limit is enforced on the bytes themselves either
     * way. {@code room} is how many bytes the org's quota has left. On success, the bytes are removed again if the
     * surrounding transaction rolls back.
     */
    public Stored take(UUID orgId, String fileName, InputStream in, long declaredSize, long room) {
        String name = checkedName(fileName);
        long limit = Math.min(maxFileBytes, room);
        if (declaredSize > maxFileBytes) {
            throw tooLarge(name);
        }
        if (declaredSize > room) {
            throw quotaFull(name);
        }
        try {
            byte[] head = in.readNBytes(ContentDetector.HEAD_BYTES);
            if (head.length == 0) {
                throw new Refusal(name + " is empty: choose the file again.");
            }
            String type = detector.detect(head, head.length, name);
            if (!DocumentTypes.allowed(type)) {
                throw new Refusal(name + " is not a document Roadbook keeps (its contents are " + type + "). "
                        + DocumentTypes.ALLOWED_SENTENCE);
            }
            String key = orgId + "/" + UUID.randomUUID();
            long size;
            try {
                size = store.put(key, new SequenceInputStream(new ByteArrayInputStream(head), in), limit);
            } catch (FileStore.TooLarge e) {
                throw limit < maxFileBytes ? quotaFull(name) : tooLarge(name);
            }
            discardUnlessCommitted(key);
            return new Stored(key, name, type, size);
        } catch (IOException cutOff) {
            throw new Refusal("The upload of " + name + " was interrupted, so nothing was kept. Try again.");
        }
    }

    /** Once the surrounding transaction has rolled back, the bytes under {@code key} go too. */
    private void discardUnlessCommitted(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.delete(key);
                    }
                }
            });
        }
    }

    /** Removes stored bytes once the surrounding transaction has committed (the registry no longer names them). */
    public void deleteAfterCommit(List<String> keys) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    keys.forEach(store::delete);
                }
            }
        });
    }

    /** Removes stored bytes now (their registration failed). */
    public void discard(String key) {
        store.delete(key);
    }

    /** The stored bytes of a key, streamed. */
    public InputStream open(String key) throws IOException {
        return store.open(key);
    }

    /**
     * A file name as the uploader's disk gave it, kept for display and the download's name only. Names with path
     * characters are refused (they would mean something to a file system); control characters and markup brackets
     * are dropped.
     */
    public static String checkedName(String fileName) {
        String raw = fileName == null ? "" : fileName;
        if (raw.contains("/")
                || raw.contains("\\")
                || raw.strip().equals(".")
                || raw.strip().equals("..")) {
            throw new Refusal("A file name cannot contain / or \\ or be a folder name: rename the file and try again.");
        }
        String name = raw.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new Refusal("Give the file a name of up to 200 characters.");
        }
        TextInput.requireSingleLine("The file name", name, 200);
        return name;
    }

    static String megabytes(long bytes) {
        return bytes >= 10 * MB || bytes % MB == 0
                ? Math.round(bytes / (double) MB) + " MB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private Refusal tooLarge(String name) {
        return new Refusal(name + " is larger than " + maxFileSize() + ", the limit for one file. Nothing was kept.");
    }

    private static Refusal quotaFull(String name) {
        return new Refusal(name + " does not fit in the organization's file storage. Empty the bin or ask an owner "
                + "about a larger plan under Billing. Nothing was kept.");
    }
}
