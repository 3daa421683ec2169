package app.roadbook.parsing;

import app.roadbook.base.Refusal;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF with PDFBox, in reading order; refusals for what cannot be read. */
final class PdfText {

    private PdfText() {}

    static String read(String filename, byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            String text = stripper.getText(pdf);
            if (text.isBlank()) {
                throw new Refusal("No text was found in this PDF (" + name(filename)
                        + ") — it may be a scan. Paste the text of the contract instead, or ask for a PDF with text.");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new Refusal("This PDF (" + name(filename) + ") is protected with a password, so its text cannot be"
                    + " read. Ask the sender for an unprotected copy, or paste the text.");
        } catch (IOException e) {
            throw new Refusal("This file (" + name(filename) + ") could not be read as a PDF: it is damaged or not a"
                    + " PDF. Check the file, or paste the text.");
        }
    }

    static String name(String filename) {
        return filename == null || filename.isBlank() ? "no name" : filename;
    }
}
