package app.roadbook.parsing;

/**
 * Turns what arrived (a pasted text, a {@code .eml}, a PDF, a DOCX) into a {@link SourceDocument}. Refuses with a
 * {@link app.roadbook.base.Refusal} the person can act on: an encrypted or image-only PDF ("no text was found"), a file
 * over the size limit, an unsupported format.
 */
public interface DocumentReader {

    SourceDocument read(String filename, byte[] content);
}
