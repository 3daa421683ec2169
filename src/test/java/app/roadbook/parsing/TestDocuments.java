package app.roadbook.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** PDFs and DOCX files made at test time from plain text, so the tests read real files without committing binaries. */
final class TestDocuments {

    private TestDocuments() {}

    /** A PDF with the text's lines (wrapped at 90 characters, tabs as spaces), or with no text at all if null. */
    static byte[] pdf(String text) {
        return pdf(text, null);
    }

    static byte[] pdf(String text, String userPassword) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            List<String> lines = new ArrayList<>();
            if (text != null) {
                for (String line : text.replace("\t", "    ").split("\n", -1)) {
                    while (line.length() > 90) {
                        int cut = line.lastIndexOf(' ', 90);
                        cut = cut <= 0 ? 90 : cut;
                        lines.add(line.substring(0, cut));
                        line = line.substring(cut).stripLeading();
                    }
                    lines.add(line);
                }
            }
            PDPageContentStream stream = null;
            float y = 0;
            for (int i = 0; i <= lines.size(); i++) {
                if (stream == null || y < 60) {
                    if (stream != null) {
                        stream.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    pdf.addPage(page);
                    stream = new PDPageContentStream(pdf, page);
                    y = 790;
                    if (text == null) {
                        // An "image-only" page: a drawn rectangle, no text.
                        stream.addRect(100, 100, 200, 200);
                        stream.fill();
                    }
                }
                if (i == lines.size()) {
                    break;
                }
                stream.beginText();
                stream.setFont(font, 10);
                stream.newLineAtOffset(50, y);
                stream.showText(lines.get(i));
                stream.endText();
                y -= 14;
            }
            stream.close();
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                pdf.protect(policy);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with one paragraph per line; consecutive lines with tabs become the rows of a table. */
    static byte[] docx(String text) {
        try (XWPFDocument docx = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = null;
            for (String line : text.split("\n", -1)) {
                if (line.contains("\t")) {
                    String[] cells = line.split("\t");
                    XWPFTableRow row;
                    if (table == null) {
                        table = docx.createTable(1, cells.length);
                        row = table.getRow(0);
                    } else {
                        row = table.createRow();
                    }
                    for (int c = 0; c < cells.length; c++) {
                        (c < row.getTableCells().size() ? row.getCell(c) : row.addNewTableCell()).setText(cells[c]);
                    }
                } else {
                    table = null;
                    docx.createParagraph().createRun().setText(line);
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
