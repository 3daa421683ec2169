package app.roadbook.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.parsing.InboxRecords.Review;
import app.roadbook.support.Fixtures;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bookings mailbox over real IMAP (an embedded GreenMail server): plus-addressed mail reaches the org its handle
 * names and no other, a message is stored once however often it is read or re-sent, and mail for an unknown handle is
 * moved aside and stored nowhere.
 */
@SpringBootTest
@ActiveProfiles("test")
// Own-context tests share a JVM, one context at a time (decision 0010): this one closes when the class is done.
@DirtiesContext
class BookingMailboxMailTest {

    static final String ADDRESS = "bookings@roadbook.test";
    static final GreenMail IMAP = start();

    static GreenMail start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail =
                    new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            socket.close();
            mail.start();
            mail.setUser(ADDRESS, ADDRESS, "mailbox-secret");
            return mail;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void imap(DynamicPropertyRegistry registry) {
        registry.add("roadbook.inbox.address", () -> ADDRESS);
        registry.add("roadbook.inbox.imap.host", () -> "127.0.0.1");
        registry.add("roadbook.inbox.imap.port", () -> IMAP.getImap().getPort());
        registry.add("roadbook.inbox.imap.user", () -> ADDRESS);
        registry.add("roadbook.inbox.imap.password", () -> "mailbox-secret");
        registry.add("roadbook.inbox.imap.ssl", () -> "false");
        // The test polls itself; the schedule waits an hour.
        registry.add("roadbook.inbox.imap.poll-interval", () -> "PT1H");
    }

    @AfterAll
    static void stop() {
        IMAP.stop();
    }

    @Autowired
    BookingMailbox mailbox;

    @Autowired
    ParsingInbox inbox;

    @Autowired
    Fixtures fixtures;

    MimeMessage mail(String to, String messageId, String body) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("kari@nordiclive.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Offer: Oslo");
        message.setText(body, "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        return message;
    }

    @Test
    void plusAddressedMailReachesItsOrgOnceAndNoOther() throws Exception {
        JdbcTemplate db = fixtures.owner();
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Mailbox North", owner);
        UUID otherOwner = fixtures.user("Otherowner");
        UUID other = fixtures.organization("Mailbox South", otherOwner);
        db.update(
                "insert into venues (org_id, name, city, country, timezone) values (?, 'Sentrum Scene', 'Oslo', 'NO', "
                        + "'Europe/Oslo')",
                org);
        String slug = db.queryForObject("select slug from organizations where id = ?", String.class, org);
        String body = "We confirm 2027-06-01.\nVenue: Sentrum Scene\nDoors: 19:00\n";

        GreenMailUser user = IMAP.getUserManager().getUser(ADDRESS);
        user.deliver(mail("bookings+" + slug + "@roadbook.test", "<offer-1@nordiclive.example>", body));
        user.deliver(mail("bookings+no-such-org@roadbook.test", "<offer-2@nordiclive.example>", body));
        // The same message again (a re-send): still one item.
        user.deliver(mail("Bookings+" + slug.toUpperCase() + "@ROADBOOK.test", "<offer-1@nordiclive.example>", body));

        BookingMailbox.Poll first = mailbox.poll();
        assertThat(first).isEqualTo(new BookingMailbox.Poll(1, 1, 1, 0));
        // Read twice, nothing new; with the read marks cleared, read again: still stored once.
        assertThat(mailbox.poll()).isEqualTo(new BookingMailbox.Poll(0, 0, 0, 0));
        markAllUnread();
        assertThat(mailbox.poll()).isEqualTo(new BookingMailbox.Poll(0, 2, 0, 0));

        assertThat(db.queryForList(
                        "select org_id from parsed_emails where message_id = '<offer-1@nordiclive.example>'",
                        UUID.class))
                .containsExactly(org);
        assertThat(db.queryForObject(
                        "select count(*) from parsed_emails where message_id = '<offer-2@nordiclive.example>'",
                        Long.class))
                .isZero();
        assertThat(db.queryForObject("select count(*) from parsed_emails where org_id = ?", Long.class, other))
                .isZero();
        // The original is in the files registry of that org only, for its editors.
        assertThat(db.queryForObject(
                        "select f.visibility || ' ' || (f.org_id = e.org_id) from parsed_emails e "
                                + "join files f on f.id = e.source_file_id where e.org_id = ?",
                        String.class,
                        org))
                .isEqualTo("editors true");
        assertThat(unroutedCount()).isEqualTo(1);

        // The owner opens it: its values are read then, as the owner, matched against the org's venues.
        fixtures.signIn(owner);
        UUID id = inbox.inbox(org, null, 0, 10).getFirst().id();
        Review review = inbox.review(id);
        assertThat(review.via()).isEqualTo(ReceivedVia.MAIL);
        assertThat(review.sender()).isEqualTo("kari@nordiclive.example");
        assertThat(review.values()).anySatisfy(v -> assertThat(v.match()).isEqualTo("Matches venue Sentrum Scene"));
        fixtures.signIn(otherOwner);
        assertThat(inbox.inbox(other, null, 0, 10)).isEmpty();
        Fixtures.signOut();
    }

    private Store store() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP.getImap().getPort(), ADDRESS, "mailbox-secret");
        return store;
    }

    private void markAllUnread() throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            for (Message m : folder.getMessages()) {
                m.setFlag(Flags.Flag.SEEN, false);
            }
            folder.close(false);
        }
    }

    private int unroutedCount() throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder("Unrouted");
            return folder.exists() ? folder.getMessageCount() : -1;
        }
    }
}
