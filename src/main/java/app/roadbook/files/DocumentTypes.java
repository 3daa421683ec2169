package app.roadbook.files;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The content types Roadbook accepts, as detected from a file's bytes, and the only types it ever serves: PDF,
 * images, office documents, text and CSV, plain audio. Nothing that a browser would run (HTML, SVG, scripts) is on
 * the list, and the type a browser claims for an upload is never stored or echoed.
 */
public final class DocumentTypes {

    private static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("application/pdf", "PDF");
        ALLOWED.put("image/png", "PNG image");
        ALLOWED.put("image/jpeg", "JPEG image");
        ALLOWED.put("image/gif", "GIF image");
        ALLOWED.put("image/webp", "WebP image");
        ALLOWED.put("image/heic", "HEIC image");
        ALLOWED.put("text/plain", "Text");
        ALLOWED.put("text/csv", "CSV");
        ALLOWED.put("message/rfc822", "E-mail message");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint");
        ALLOWED.put("application/x-tika-ooxml", "Office document");
        ALLOWED.put("application/msword", "Word document");
        ALLOWED.put("application/vnd.ms-excel", "Excel workbook");
        ALLOWED.put("application/vnd.ms-powerpoint", "PowerPoint");
        ALLOWED.put("application/x-tika-msoffice", "Office document");
        ALLOWED.put("application/vnd.oasis.opendocument.text", "OpenDocument text");
        ALLOWED.put("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet");
        ALLOWED.put("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation");
        ALLOWED.put("audio/mpeg", "MP3 audio");
        ALLOWED.put("audio/vnd.wave", "WAV audio");
        ALLOWED.put("audio/x-wav", "WAV audio");
        ALLOWED.put("audio/wav", "WAV audio");
        ALLOWED.put("audio/x-flac", "FLAC audio");
        ALLOWED.put("audio/flac", "FLAC audio");
        ALLOWED.put("audio/ogg", "Ogg audio");
        ALLOWED.put("audio/vorbis", "Ogg audio");
        ALLOWED.put("audio/mp4", "AAC audio");
    }

    public static final String UNKNOWN = "application/octet-stream";

    /** What the upload fields suggest to the browser's file picker (a hint only: the bytes decide). */
    public static final Set<String> PICKER_HINTS = Set.of(
            ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".txt", ".csv", ".eml", ".doc", ".docx", ".xls",
            ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".mp3", ".wav", ".flac", ".ogg", ".m4a");

    /** The sentence for a file whose bytes are of another kind. */
    public static final String ALLOWED_SENTENCE =
            "Upload PDF, images, Office or OpenDocument files, text or CSV, or plain audio (MP3, WAV, FLAC, Ogg).";

    private DocumentTypes() {}

    /** Whether a detected type (without parameters) is on the allow-list. */
    public static boolean allowed(String detectedType) {
        return detectedType != null && ALLOWED.containsKey(base(detectedType));
    }

    /** A type in words ("PDF", "Word document"); anything else is "File". */
    public static String label(String type) {
        return type == null ? "File" : ALLOWED.getOrDefault(base(type), "File");
    }

    /**
     * What a stored type is served as: itself if it is on the allow-list (text with UTF-8 named), otherwise an
     * opaque download (rows from before detection may hold a type a browser claimed).
     */
    public static String served(String storedType) {
        if (!allowed(storedType)) {
            return UNKNOWN;
        }
        String type = base(storedType);
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }

    private static String base(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
