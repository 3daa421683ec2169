package app.roadbook.parsing;

import app.roadbook.base.Refusal;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads what arrived into a {@link SourceDocument} (decision 0028): a {@code .eml} or raw mail with Jakarta Mail
 * (plain text preferred, HTML turned into text, PDF/DOCX/text attachments read as their own documents), a PDF with
 * PDFBox, a DOCX with Apache POI, anything else as text. A mail's text starts with its {@code From:} and
 * {@code Subject:} lines, so values read from them have spans like any other. Line ends are {@code \n}.
 *
 * <p>A file over the size limit, an encrypted or image-only PDF and an unreadable format are refused
 * ({@link Refusal}); inside a mail the same problems with an attachment become a note on the mail and the rest is
 * read.
 */
@Component
public class MimeDocumentReader implements DocumentReader {

    /** The largest PDF, DOCX or text file read, and the largest attachment read out of a mail. */
    public static final long DEFAULT_FILE_LIMIT = 20L * 1024 * 1024;
    /** The largest raw mail read (its attachments over {@link #DEFAULT_FILE_LIMIT} are skipped with a note). */
    public static final long DEFAULT_MAIL_LIMIT = 80L * 1024 * 1024;

    private static final Pattern HEADER_LINE = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*:[ \\t]");
    private static final int MAX_NESTING = 5;

    private final long fileLimit;
    private final long mailLimit;

    public MimeDocumentReader() {
        this(DEFAULT_FILE_LIMIT, DEFAULT_MAIL_LIMIT);
    }

    MimeDocumentReader(long fileLimit, long mailLimit) {
        this.fileLimit = fileLimit;
        this.mailLimit = mailLimit;
    }

    /** Pasted text: line ends normalised, nothing else changed. */
    public SourceDocument pasted(String text) {
        return SourceDocument.pasted(TextDecoding.normalise(text));
    }

    @Override
    public SourceDocument read(String filename, byte[] content) {
        String extension = extension(filename);
        boolean mail = extension.equals("eml") || extension.equals("mbox") || looksLikeMail(content);
        if (content.length > (mail ? mailLimit : fileLimit)) {
            throw new Refusal(PdfText.name(filename) + " is " + megabytes(content.length) + "; the booking parser"
                    + " reads files up to " + megabytes(mail ? mailLimit : fileLimit)
                    + ". Paste the relevant text instead.");
        }
        if (mail) {
            return mail(filename, content, 0);
        }
        return file(filename, content, extension);
    }

    private SourceDocument file(String filename, byte[] content, String extension) {
        if (startsWith(content, "%PDF") || extension.equals("pdf")) {
            return document(SourceDocument.Kind.PDF, filename, PdfText.read(filename, content), List.of());
        }
        if (startsWith(content, "PK\u0003\u0004") && (extension.equals("docx") || extension.isEmpty())) {
            return document(SourceDocument.Kind.DOCX, filename, DocxText.read(filename, content), List.of());
        }
        if (extension.equals("docx") || extension.equals("doc") || isOle2(content)) {
            throw new Refusal(PdfText.name(filename) + " is an old Word (.doc) or password-protected file; save it as"
                    + " an unprotected .docx or PDF, or paste the text.");
        }
        if (extension.equals("msg")) {
            throw new Refusal(PdfText.name(filename) + " is an Outlook message (.msg); save the mail as .eml (File ›"
                    + " Save as) or paste its text.");
        }
        if (!extension.isEmpty() && !List.of("txt", "text", "md").contains(extension) || looksBinary(content)) {
            throw new Refusal(PdfText.name(filename) + " is not a mail (.eml), PDF, Word (.docx) or text file, so the"
                    + " booking parser cannot read it.");
        }
        List<String> notes = new ArrayList<>();
        String text = TextDecoding.decode(content, null, "The text", notes);
        return document(SourceDocument.Kind.PASTED_TEXT, filename, text, notes);
    }

    private static SourceDocument document(SourceDocument.Kind kind, String filename, String text, List<String> notes) {
        return new SourceDocument(kind, filename, null, null, TextDecoding.normalise(text), List.of(), notes);
    }

    private SourceDocument mail(String filename, byte[] content, int nesting) {
        MimeMessage message;
        try {
            Properties properties = new Properties();
            // Headers in raw UTF-8 (RFC 6532) as well as RFC 2047 encoded words.
            properties.setProperty("mail.mime.allowutf8", "true");
            message = new MimeMessage(Session.getInstance(properties), new ByteArrayInputStream(content));
        } catch (MessagingException e) {
            throw new Refusal(PdfText.name(filename) + " could not be read as a mail. Paste its text instead.");
        }
        Parts parts = new Parts(nesting);
        String from = header(message, "From");
        String subject = header(message, "Subject");
        try {
            walk(message, parts);
        } catch (MessagingException | IOException e) {
            parts.notes.add(
                    "Part of this mail could not be read (" + e.getMessage() + "); what could be read is" + " shown.");
        }
        StringBuilder text = new StringBuilder();
        if (from != null) {
            text.append("From: ").append(from).append('\n');
        }
        if (subject != null) {
            text.append("Subject: ").append(subject).append('\n');
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(String.join("\n\n", parts.bodies));
        return new SourceDocument(
                SourceDocument.Kind.MAIL,
                filename,
                subject == null ? null : TextDecoding.normalise(subject),
                from == null ? null : TextDecoding.normalise(from),
                TextDecoding.normalise(text.toString()).strip() + "\n",
                parts.attachments,
                parts.notes);
    }

    private static String header(MimeMessage message, String name) {
        try {
            String raw = message.getHeader(name, ", ");
            if (raw == null) {
                return null;
            }
            return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (MessagingException | UnsupportedEncodingException e) {
            try {
                return message.getHeader(name, ", ");
            } catch (MessagingException inner) {
                return null;
            }
        }
    }

    private final class Parts {
        final int nesting;
        final List<String> bodies = new ArrayList<>();
        final List<SourceDocument> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Parts(int nesting) {
            this.nesting = nesting;
        }
    }

    private void walk(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/alternative") && part.getContent() instanceof Multipart alternatives) {
            Part chosen = null;
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart candidate = alternatives.getBodyPart(i);
                if (candidate.isMimeType("text/plain")
                        && !bodyText(candidate, parts).isBlank()) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                for (int i = alternatives.getCount() - 1; i >= 0 && chosen == null; i--) {
                    BodyPart candidate = alternatives.getBodyPart(i);
                    if (candidate.isMimeType("text/html") || candidate.isMimeType("multipart/*")) {
                        chosen = candidate;
                    }
                }
            }
            if (chosen != null) {
                walk(chosen, parts);
            }
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), parts);
            }
            return;
        }
        String filename = filename(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        if (!attached && (part.isMimeType("text/plain") || part.isMimeType("text/html"))) {
            String text = bodyText(part, parts);
            if (!text.isBlank()) {
                parts.bodies.add(text.strip());
            }
            return;
        }
        attachment(part, filename, parts);
    }

    private void attachment(Part part, String filename, Parts parts) throws MessagingException, IOException {
        String type = baseType(part);
        String extension = extension(filename);
        boolean pdf = type.equals("application/pdf") || extension.equals("pdf");
        boolean docx = extension.equals("docx")
                || type.equals("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        boolean message = type.equals("message/rfc822") || extension.equals("eml");
        boolean text = type.equals("text/plain") || extension.equals("txt");
        if (!pdf && !docx && !message && !text) {
            if (!type.startsWith("image/")
                    && !type.contains("signature")
                    && !type.equals("text/calendar")
                    && !type.equals("text/html")) {
                parts.notes.add("The attachment " + PdfText.name(filename) + " was not read: only PDF, Word (.docx),"
                        + " text and forwarded mail attachments are read.");
            }
            return;
        }
        String name = filename != null ? filename : (message ? "forwarded mail" : "attachment");
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, fileLimit + 1));
            if (bytes.length > fileLimit) {
                long size = bytes.length + in.transferTo(OutputStream.nullOutputStream());
                parts.notes.add("The attachment " + name + " (" + megabytes(size) + ") was not read: attachments over "
                        + megabytes(fileLimit) + " are skipped. Paste its text or upload it on its own as a smaller"
                        + " file.");
                return;
            }
        }
        try {
            if (message) {
                if (parts.nesting >= MAX_NESTING) {
                    parts.notes.add("The forwarded mail " + name + " is nested too deeply and was not read.");
                    return;
                }
                parts.attachments.add(mail(name, bytes, parts.nesting + 1));
            } else if (pdf) {
                parts.attachments.add(document(SourceDocument.Kind.PDF, name, PdfText.read(name, bytes), List.of()));
            } else if (docx) {
                parts.attachments.add(document(SourceDocument.Kind.DOCX, name, DocxText.read(name, bytes), List.of()));
            } else {
                List<String> notes = new ArrayList<>();
                String decoded = TextDecoding.decode(bytes, charset(part), "The attachment " + name, notes);
                parts.attachments.add(document(SourceDocument.Kind.PASTED_TEXT, name, decoded, notes));
            }
        } catch (Refusal refusal) {
            parts.notes.add("The attachment " + name + " was not read: " + refusal.getMessage());
        }
    }

    private static String bodyText(Part part, Parts parts) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String text = TextDecoding.decode(bytes, charset(part), "The mail's text", parts.notes);
        return part.isMimeType("text/html") ? HtmlText.toText(text) : text;
    }

    private static String charset(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String baseType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0
                ? ""
                : filename.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /** A raw message pasted or saved without {@code .eml}: a header block with From and a MIME or transport header. */
    static boolean looksLikeMail(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 8192), StandardCharsets.ISO_8859_1);
        if (!HEADER_LINE.matcher(head).find()) {
            return false;
        }
        int end = head.indexOf("\n\n");
        int crlf = head.indexOf("\r\n\r\n");
        if (crlf >= 0 && (end < 0 || crlf < end)) {
            end = crlf;
        }
        String block = (end < 0 ? head : head.substring(0, end)).toLowerCase(Locale.ROOT);
        boolean from = block.startsWith("from:") || block.contains("\nfrom:");
        boolean mime = block.contains("mime-version:")
                || block.contains("content-type:")
                || block.contains("received:")
                || block.contains("message-id:");
        return from && mime;
    }

    private static boolean startsWith(byte[] content, String prefix) {
        if (content.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (content[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOle2(byte[] content) {
        return content.length > 4
                && (content[0] & 0xff) == 0xD0
                && (content[1] & 0xff) == 0xCF
                && (content[2] & 0xff) == 0x11
                && (content[3] & 0xff) == 0xE0;
    }

    private static boolean looksBinary(byte[] content) {
        int zeros = 0;
        for (int i = 0; i < Math.min(content.length, 4096); i++) {
            if (content[i] == 0) {
                zeros++;
            }
        }
        return zeros > 0;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** For tests: writes a message as the bytes of an {@code .eml}. */
    static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
