package app.roadbook.parsing;

import java.util.List;

/**
 * A mail or contract as text, the form every extractor reads and every span points into. {@code kind} is how it
 * arrived ({@link Kind}); {@code subject}/{@code from} are set for mails; {@code attachments} are the parts of a mail
 * that were read as their own documents (a PDF contract attached to the offer); {@code notes} are sentences for the
 * person reviewing (an attachment skipped as too large, a PDF with no text).
 */
public record SourceDocument(
        Kind kind,
        String filename,
        String subject,
        String from,
        String text,
        List<SourceDocument> attachments,
        List<String> notes) {

    public enum Kind {
        PASTED_TEXT,
        MAIL,
        PDF,
        DOCX
    }

    public SourceDocument {
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    public static SourceDocument pasted(String text) {
        return new SourceDocument(Kind.PASTED_TEXT, null, null, null, text, List.of(), List.of());
    }
}
