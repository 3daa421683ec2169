package app.roadbook.files.ui;

import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.files.FileLibrary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * The streaming ends of the file library in the browser: an {@link UploadHandler} that hands the request's stream
 * straight to a service (the file is never held in memory, nor in a temporary file of Vaadin's), and a
 * {@link DownloadHandler} that copies the store's stream into the response as an attachment with {@code nosniff}.
 * Other capabilities' pages (advancing's document boxes) use them too.
 */
public final class FileTransfers {

    private FileTransfers() {}

    /** What receives one uploaded file: its name as the browser gave it, its stream, its announced size (-1). */
    @FunctionalInterface
    public interface Receiver {
        void receive(String fileName, InputStream in, long declaredSize);
    }

    /**
     * Streams each uploaded file into {@code receiver}; on success {@code refresh} runs in the UI, a refusal is
     * shown where the person is looking and marks the file as rejected in the upload list. Runs on the upload's
     * request thread, outside the session lock, as the signed-in person.
     */
    public static UploadHandler upload(Receiver receiver, Runnable refresh) {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) {
                UI ui = event.getUI();
                try {
                    receiver.receive(event.getFileName(), event.getInputStream(), event.getFileSize());
                    ui.access(refresh::run);
                } catch (Refusal | AccessDeniedException refused) {
                    event.reject(refused.getMessage());
                    ui.access(() -> Changes.refuse(refused.getMessage()));
                }
            }
        };
    }

    /**
     * Sends a file as an attachment under its original name, typed as detected and never sniffed. A file the reader
     * may not (or no longer) see answers "not found", like a missing one.
     */
    public static DownloadHandler download(Supplier<FileLibrary.Download> source) {
        return event -> {
            FileLibrary.Download download;
            try {
                download = source.get();
            } catch (NotFoundException | AccessDeniedException gone) {
                event.getResponse().setStatus(HttpStatusCode.NOT_FOUND.getCode());
                return;
            }
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.setFileName(download.name());
            event.setContentType(download.contentType());
            event.setContentLength(download.size());
            try (InputStream in = download.open();
                    OutputStream out = event.getOutputStream()) {
                in.transferTo(out);
            }
        };
    }
}
