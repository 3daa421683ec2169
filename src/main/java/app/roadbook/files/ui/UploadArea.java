package app.roadbook.files.ui;

import app.roadbook.files.DocumentTypes;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;

/**
 * Several files at once, by picking or dragging them in, each with its progress bar; each streams into the library
 * as it arrives (never held in memory) and a refused one says why, in the list and in a notification.
 */
public class UploadArea extends Div {

    final Upload upload = new Upload();

    public UploadArea(FileTransfers.Receiver receiver, Runnable refresh, long maxBytes, String maxSize, boolean many) {
        upload.setUploadHandler(FileTransfers.upload(receiver, refresh));
        // Without push, the page shows what the uploads changed on the round trip that follows the last of them.
        upload.addAllFinishedListener(e -> refresh.run());
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(DocumentTypes.PICKER_HINTS.toArray(String[]::new));
        upload.setDropAllowed(true);
        if (!many) {
            upload.setMaxFiles(1);
        }
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> Notification.show(
                        e.getFileName() + ": " + rejection(e.getErrorMessage(), maxSize),
                        6000,
                        Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.ERROR));
        Span hint = new Span("Up to " + maxSize + " per file. " + DocumentTypes.ALLOWED_SENTENCE);
        hint.addClassName("upload-hint");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(upload, hint);
    }

    public Upload upload() {
        return upload;
    }

    /** The browser's own refusals, before a byte is sent, in our words. */
    static String rejection(String error, String maxSize) {
        if (error != null && error.toLowerCase(java.util.Locale.ROOT).contains("too big")) {
            return "larger than " + maxSize + ", the limit for one file.";
        }
        if (error != null && error.toLowerCase(java.util.Locale.ROOT).contains("incorrect")) {
            return DocumentTypes.ALLOWED_SENTENCE;
        }
        return error;
    }
}
