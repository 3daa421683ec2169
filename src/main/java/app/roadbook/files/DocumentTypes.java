package app.roadbook.files;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The document types Roadbook accepts, by file extension, and the only content types it ever serves. The type
 * a browser claims for an upload is never stored or echoed: a claimed {@code text/html} would otherwise run in
 * our origin when opened. (Detection from the bytes is the file library's next step.)
 */
public final class DocumentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "txt", "text/plain; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    public static final String UNKNOWN = "application/octet-stream";

    private DocumentTypes() {}

    public static Set<String> extensions() {
        return BY_EXTENSION.keySet();
    }

    /** The content type for a file name's extension, or null when the extension is not accepted. */
    public static String forName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** What a stored type is served as: itself if it is one of ours, otherwise an opaque download. */
    public static String served(String storedType) {
        return storedType != null && BY_EXTENSION.containsValue(storedType) ? storedType : UNKNOWN;
    }
}
