package app.roadbook.parsing;

import app.roadbook.base.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The text of a Word (DOCX) document with Apache POI: paragraphs in order, table cells separated by tabs. */
final class DocxText {

    private DocxText() {}

    static String read(String filename, byte[] content) {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(content));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String text = extractor.getText();
            if (text.isBlank()) {
                throw new Refusal("No text was found in this Word document (" + PdfText.name(filename) + ").");
            }
            return text;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new Refusal("This Word file (" + PdfText.name(filename) + ") is protected with a password or is an"
                    + " old .doc file; save it as an unprotected .docx or PDF, or paste the text.");
        } catch (NotOfficeXmlFileException | IOException | IllegalStateException e) {
            throw new Refusal("This file (" + PdfText.name(filename) + ") could not be read as a Word (.docx)"
                    + " document: it is damaged or of another kind. Check the file, or paste the text.");
        } catch (RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            // POI reports broken packages with assorted runtime exceptions (POIXMLException and others).
            throw new Refusal("This file (" + PdfText.name(filename) + ") could not be read as a Word (.docx)"
                    + " document: it is damaged. Check the file, or paste the text.");
        }
    }
}
