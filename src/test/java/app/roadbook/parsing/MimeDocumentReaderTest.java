package app.roadbook.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeDocumentReaderTest {

    private final MimeDocumentReader reader = new MimeDocumentReader();

    private static byte[] mail(String body, MimeBodyPart... attachments) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("kari@nordlyskonserter.no", "Kari Nordmann", "UTF-8"));
        message.setSubject("Kontrakt Rockefeller – Nordic Drift", "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        mixed.addBodyPart(text);
        for (MimeBodyPart attachment : attachments) {
            mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeBodyPart attachment(String filename, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(filename);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    @Test
    void aMailStartsWithItsSenderAndSubjectAndReadsPdfAndDocxAttachmentsAsTheirOwnDocuments() throws Exception {
        byte[] eml = mail(
                "Hei Sara, kontrakten ligger ved.\nKari",
                attachment(
                        "kontrakt.pdf", "application/pdf", TestDocuments.pdf("Artist: Nordic Drift\nFee: EUR 3,500")),
                attachment(
                        "rider.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        TestDocuments.docx("Hospitality\nTowels\t6")),
                attachment("logo.png", "image/png", new byte[] {1, 2, 3}));

        SourceDocument document = reader.read("kontrakt.eml", eml);

        assertThat(document.kind()).isEqualTo(SourceDocument.Kind.MAIL);
        assertThat(document.subject()).isEqualTo("Kontrakt Rockefeller – Nordic Drift");
        assertThat(document.from()).isEqualTo("Kari Nordmann <kari@nordlyskonserter.no>");
        assertThat(document.text())
                .startsWith("From: Kari Nordmann <kari@nordlyskonserter.no>\nSubject: Kontrakt Rockefeller – Nordic"
                        + " Drift\n\nHei Sara, kontrakten ligger ved.\nKari");
        assertThat(document.attachments()).hasSize(2);
        SourceDocument pdf = document.attachments().get(0);
        assertThat(pdf.kind()).isEqualTo(SourceDocument.Kind.PDF);
        assertThat(pdf.filename()).isEqualTo("kontrakt.pdf");
        assertThat(pdf.text()).contains("Artist: Nordic Drift").contains("Fee: EUR 3,500");
        SourceDocument docx = document.attachments().get(1);
        assertThat(docx.kind()).isEqualTo(SourceDocument.Kind.DOCX);
        assertThat(docx.text()).contains("Hospitality").contains("Towels\t6");
        assertThat(document.notes()).isEmpty(); // the logo is skipped without a word
    }

    @Test
    void anAttachmentOverTheLimitIsSkippedWithANoteAndTheRestIsRead() throws Exception {
        MimeDocumentReader small = new MimeDocumentReader(64 * 1024, 1024 * 1024);
        byte[] big = new byte[200 * 1024];
        byte[] eml = mail("Offer below.", attachment("plans.pdf", "application/pdf", big));

        SourceDocument document = small.read("offer.eml", eml);

        assertThat(document.text()).contains("Offer below.");
        assertThat(document.attachments()).isEmpty();
        assertThat(document.notes())
                .singleElement()
                .asString()
                .contains("plans.pdf (0.2 MB) was not read")
                .contains("over 0.1 MB are skipped");
    }

    @Test
    void aFortyMegabyteAttachmentIsANoteNotACrash() throws Exception {
        byte[] eml = mail("See attachment.", attachment("scan.pdf", "application/pdf", new byte[40 * 1024 * 1024]));

        SourceDocument document = reader.read("big.eml", eml);

        assertThat(document.notes()).singleElement().asString().contains("scan.pdf (40.0 MB) was not read");
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        MimeDocumentReader small = new MimeDocumentReader(1024, 4096);
        assertThatThrownBy(() -> small.read("contract.pdf", new byte[2048]))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("contract.pdf is 0.0 MB; the booking parser reads files up to 0.0 MB");
    }

    @Test
    void anImageOnlyPdfIsRefusedSayingNoTextWasFound() {
        assertThatThrownBy(() -> reader.read("scan.pdf", TestDocuments.pdf(null)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("No text was found in this PDF (scan.pdf) — it may be a scan");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() {
        assertThatThrownBy(() -> reader.read("secret.pdf", TestDocuments.pdf("Fee: EUR 1,000", "open-sesame")))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("protected with a password");
    }

    @Test
    void aBadAttachmentBecomesANoteOnTheMail() throws Exception {
        byte[] eml = mail("Contract attached.", attachment("contract.pdf", "application/pdf", TestDocuments.pdf(null)));

        SourceDocument document = reader.read("mail.eml", eml);

        assertThat(document.attachments()).isEmpty();
        assertThat(document.notes())
                .singleElement()
                .asString()
                .startsWith("The attachment contract.pdf was not read: No text was found");
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8OrWindows1252WithANote() {
        String raw = "From: Per <per@blaa.no>\r\nSubject: Tilbud\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=x-nordic-unknown\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Dørene åpner kl. 20\r\n";
        SourceDocument document = reader.read("tilbud.eml", raw.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(document.text()).contains("Dørene åpner kl. 20");
        assertThat(document.notes())
                .singleElement()
                .asString()
                .contains("\"x-nordic-unknown\", which is unknown; it was read as Windows-1252");
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252WithANote() {
        SourceDocument document =
                reader.read("offer.txt", "Gasje 40 000 kr, dørene 20:00".getBytes(TextDecoding.WINDOWS_1252));

        assertThat(document.kind()).isEqualTo(SourceDocument.Kind.PASTED_TEXT);
        assertThat(document.text()).isEqualTo("Gasje 40 000 kr, dørene 20:00");
        assertThat(document.notes()).singleElement().asString().contains("not valid UTF-8");
    }

    @Test
    void anHtmlMailBecomesLinesWithTableCellsSeparatedByTabsAndQuotesMarked() {
        String raw = "From: anna@strandlive.se\r\nSubject: Offer\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                + "<p>Hi Sara,</p><table><tr><td>Doors</td><td>19:00</td></tr></table>"
                + "<blockquote><p>Old offer</p></blockquote>";
        SourceDocument document = reader.read("offer.eml", raw.getBytes(StandardCharsets.UTF_8));

        assertThat(document.text())
                .contains("Hi Sara,\n")
                .contains("Doors\t19:00")
                .contains("> Old offer");
    }

    @Test
    void pastedTextKeepsItsCharactersAndGetsUnixLineEnds() {
        assertThat(reader.pasted("Doors 19:00\r\nSet 21:00").text()).isEqualTo("Doors 19:00\nSet 21:00");
    }

    @Test
    void otherFormatsAreRefusedWithWhatIsRead() {
        assertThatThrownBy(() -> reader.read("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("is not a mail (.eml), PDF, Word (.docx) or text file");
        assertThatThrownBy(() -> reader.read("old.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("old Word (.doc)");
    }
}
