package app.roadbook.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of files live: one small interface so another store (object storage, say) can be added without
 * touching the features. Keys come from the files registry, never from users. Implementations stream: neither
 * {@link #put} nor {@link #open} holds a whole file in memory.
 */
public interface FileStore {

    /**
     * Streams {@code in} into a new object under {@code key}, which must not exist yet. Reading more than {@code
     * maxBytes} stops the copy with {@link TooLarge}; any failure (a cut-off upload, a full disk) leaves nothing
     * under the key.
     *
     * @return how many bytes were stored
     */
    long put(String key, InputStream in, long maxBytes) throws IOException;

    /** The stored bytes under {@code key}, to be closed by the caller. */
    InputStream open(String key) throws IOException;

    /** Removes the object under {@code key} if it is there. */
    void delete(String key);

    /** Whether an object is stored under {@code key}. */
    boolean exists(String key);

    /** A stream that went past the limit; nothing was kept. */
    final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("More than " + limit + " bytes.");
        }
    }
}
