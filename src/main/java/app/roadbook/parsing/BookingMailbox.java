package app.roadbook.parsing;

import app.roadbook.base.Refusal;
import app.roadbook.base.jobs.OnceOnly;
import app.roadbook.files.Intake;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the bookings mailbox over IMAP (decision 0029). Mail to {@code bookings+<org slug>@domain} goes to that
 * organization's inbox, each message once (its Message-ID, unique per org); mail naming no known organization is moved
 * to the unrouted folder for a person to look at and is logged, never stored anywhere. Off unless
 * {@code roadbook.inbox.imap.host} and {@code roadbook.inbox.address} are set.
 *
 * <p>Nobody is acting when mail arrives, so the poller writes through the one SECURITY DEFINER function
 * {@code receive_booking_mail} (V28): it makes an item with status "new" and its source file, nothing else. The mail
 * is read into text here (no database); its values are proposed when an editor first opens it, as that editor.
 */
@Component
public class BookingMailbox {

    private static final Logger log = LoggerFactory.getLogger(BookingMailbox.class);

    /** What one poll did. */
    public record Poll(int stored, int duplicates, int unrouted, int failed) {}

    private final ParsedEmailRepository emails;
    private final Intake intake;
    private final ObjectProvider<DocumentReader> readers;
    private final TransactionTemplate transactions;
    private final OnceOnly onceOnly;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String folder;
    private final String unroutedFolder;
    private final boolean ssl;
    private final String local;
    private final String domain;

    BookingMailbox(
            ParsedEmailRepository emails,
            Intake intake,
            ObjectProvider<DocumentReader> readers,
            TransactionTemplate transactions,
            OnceOnly onceOnly,
            @Value("${roadbook.inbox.imap.host:}") String host,
            @Value("${roadbook.inbox.imap.port:993}") int port,
            @Value("${roadbook.inbox.imap.user:}") String user,
            @Value("${roadbook.inbox.imap.password:}") String password,
            @Value("${roadbook.inbox.imap.folder:INBOX}") String folder,
            @Value("${roadbook.inbox.imap.unrouted-folder:Unrouted}") String unroutedFolder,
            @Value("${roadbook.inbox.imap.ssl:true}") boolean ssl,
            @Value("${roadbook.inbox.address:}") String address) {
        this.emails = emails;
        this.intake = intake;
        this.readers = readers;
        this.transactions = transactions;
        this.onceOnly = onceOnly;
        this.host = host.strip();
        this.port = port;
        this.user = user;
        this.password = password;
        this.folder = folder;
        this.unroutedFolder = unroutedFolder;
        this.ssl = ssl;
        int at = address.indexOf('@');
        this.local = at > 0 ? address.substring(0, at).strip().toLowerCase(Locale.ROOT) : "";
        this.domain = at > 0 ? address.substring(at + 1).strip().toLowerCase(Locale.ROOT) : "";
    }

    /** Whether a mailbox is configured; otherwise the poller does nothing. */
    public boolean configured() {
        return !host.isEmpty() && !local.isEmpty() && !domain.isEmpty();
    }

    /** Every minute by default; {@code -} turns the schedule off. */
    @Scheduled(
            fixedDelayString = "${roadbook.inbox.imap.poll-interval:PT1M}",
            initialDelayString = "${roadbook.inbox.imap.poll-interval:PT1M}")
    void scheduled() {
        if (configured()) {
            // One node reads the mailbox at a time: two polling the same unread mail would each try to store it.
            onceOnly.run("booking-mailbox", Duration.ofMinutes(10), Duration.ofSeconds(20), () -> {
                try {
                    poll();
                } catch (RuntimeException e) {
                    log.warn("Reading the bookings mailbox {} failed: {}", host, e.toString());
                }
            });
        }
    }

    /** Reads the unread mail of the folder once; each message is marked read, unrouted ones are moved away. */
    public Poll poll() {
        if (!configured()) {
            return new Poll(0, 0, 0, 0);
        }
        Properties props = new Properties();
        String protocol = ssl ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(props);
        int stored = 0;
        int duplicates = 0;
        int unrouted = 0;
        int failed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(host, port, user, password);
            Folder inbox = store.getFolder(folder);
            inbox.open(Folder.READ_WRITE);
            try {
                List<Message> toMove = new ArrayList<>();
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        switch (receive((MimeMessage) message)) {
                            case STORED -> stored++;
                            case DUPLICATE -> duplicates++;
                            case UNROUTED -> {
                                unrouted++;
                                toMove.add(message);
                            }
                        }
                        message.setFlag(Flags.Flag.SEEN, true);
                    } catch (RuntimeException | MessagingException | IOException e) {
                        failed++;
                        // Left unread: the next poll tries again.
                        log.warn("A booking mail could not be stored and stays unread: {}", e.toString());
                    }
                }
                if (!toMove.isEmpty()) {
                    Folder aside = store.getFolder(unroutedFolder);
                    if (!aside.exists()) {
                        aside.create(Folder.HOLDS_MESSAGES);
                    }
                    inbox.copyMessages(toMove.toArray(Message[]::new), aside);
                    for (Message m : toMove) {
                        m.setFlag(Flags.Flag.DELETED, true);
                    }
                }
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the bookings mailbox " + host + ": " + e.getMessage(), e);
        }
        return new Poll(stored, duplicates, unrouted, failed);
    }

    enum Outcome {
        STORED,
        DUPLICATE,
        UNROUTED
    }

    private Outcome receive(MimeMessage message) throws MessagingException, IOException {
        Set<String> handles = handles(message);
        if (handles.isEmpty()) {
            log.warn(
                    "A mail to {} names no organization's bookings address; moved to {}",
                    recipients(message),
                    unroutedFolder);
            return Outcome.UNROUTED;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            messageId = "<" + sha256(bytes) + "@roadbook.invalid>";
        }
        SourceDocument document = read(message, bytes);
        String from = message.getFrom() == null || message.getFrom().length == 0
                ? null
                : message.getFrom()[0] instanceof InternetAddress a ? a.getAddress() : message.getFrom()[0].toString();
        SourceDocument flat = ParsingInbox.flatten(document);
        String notes = flat.notes().isEmpty() ? null : String.join("\n", flat.notes());
        boolean any = false;
        boolean anyStored = false;
        String subject = messageSubject(message);
        for (String handle : handles) {
            String id = messageId;
            UUID org = transactions.execute(
                    s -> emails.orgOfHandle(handle).stream().findFirst().orElse(null));
            if (org == null) {
                log.warn("A mail for the unknown bookings handle '{}' was not stored", handle);
                continue;
            }
            any = true;
            Intake.Stored file =
                    intake.take(org, "Booking mail.eml", new ByteArrayInputStream(bytes), bytes.length, Long.MAX_VALUE);
            ParsedEmailRepository.Received received;
            try {
                received = transactions.execute(s -> emails.receive(
                        handle,
                        id,
                        subject,
                        from,
                        flat.text() == null ? "" : flat.text(),
                        notes,
                        file.key(),
                        file.name(),
                        file.contentType(),
                        file.size()));
            } catch (RuntimeException e) {
                intake.discard(file.key());
                throw e;
            }
            if (!"stored".equals(received.getOutcome())) {
                intake.discard(file.key());
            } else {
                anyStored = true;
                log.info("A booking mail was stored in the inbox of '{}'", handle);
            }
        }
        if (!any) {
            return Outcome.UNROUTED;
        }
        return anyStored ? Outcome.STORED : Outcome.DUPLICATE;
    }

    private static String messageSubject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The org handles of the recipients: {@code bookings+<handle>@domain} in To, Cc, Delivered-To or X-Original-To. */
    Set<String> handles(MimeMessage message) throws MessagingException {
        Set<String> handles = new LinkedHashSet<>();
        for (String address : recipients(message)) {
            int at = address.lastIndexOf('@');
            if (at < 0 || !address.substring(at + 1).equalsIgnoreCase(domain)) {
                continue;
            }
            String box = address.substring(0, at).toLowerCase(Locale.ROOT);
            if (box.startsWith(local + "+") && box.length() > local.length() + 1) {
                handles.add(box.substring(local.length() + 1));
            }
        }
        return handles;
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> all = new ArrayList<>();
        Address[] to = message.getAllRecipients();
        if (to != null) {
            for (Address a : to) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    all.add(ia.getAddress());
                }
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To")) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    all.add(v.strip().replaceAll("^<|>$", ""));
                }
            }
        }
        return all;
    }

    /**
     * The mail as text: through the document reader (MIME parts, attachments) when there is one; otherwise its
     * first plain-text part. A refusal of the reader (an attachment too large) becomes a note for the reviewer.
     */
    private SourceDocument read(MimeMessage message, byte[] bytes) throws MessagingException, IOException {
        DocumentReader reader = readers.getIfAvailable();
        if (reader != null) {
            try {
                return reader.read("booking.eml", bytes);
            } catch (Refusal refused) {
                return new SourceDocument(
                        SourceDocument.Kind.MAIL,
                        "booking.eml",
                        message.getSubject(),
                        null,
                        "",
                        List.of(),
                        List.of(refused.getMessage()));
            }
        }
        String text = plainText(message);
        return new SourceDocument(
                SourceDocument.Kind.MAIL, "booking.eml", message.getSubject(), null, text, List.of(), List.of());
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            Object content = part.getContent();
            return content instanceof String s
                    ? s
                    : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
