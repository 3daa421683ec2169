package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.invitations.InvitationMail;
import app.roadbook.support.Fixtures;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notice mails go out through real SMTP (an embedded GreenMail server): read back from it, they reach exactly the
 * other party's people who may see the advance, name the show, link to the advance and to stopping its mails, and
 * the stop link works for the person it was sent to.
 */
@SpringBootTest
@ActiveProfiles("test")
class AdvancingNoticeMailTest {

    static final GreenMail SMTP = start();

    static GreenMail start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail =
                    new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            mail.start();
            return mail;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("roadbook.base-url", () -> "https://roadbook.example");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    AdvancingNoticeJob job;

    @Autowired
    AdvanceMails mails;

    @Autowired
    InvitationMail mail;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @Test
    void theOtherPartyReadsTheDigestInItsMailboxAndNobodyElseGetsOne() throws Exception {
        UUID owner = fixtures.user("Owner");
        UUID editor = fixtures.user("Editor");
        UUID promoter = fixtures.user("Promoter");
        UUID revoked = fixtures.user("Revoked");
        UUID outsider = fixtures.user("Outsider");
        UUID org = fixtures.organization("Mail Co", owner);
        fixtures.organization("Elsewhere", outsider);
        fixtures.member(org, editor, "editor");
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Vega', 'Copenhagen', "
                                + "'Europe/Copenhagen') returning id",
                        UUID.class,
                        org);
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, '2027-03-05', 'Vega night') "
                                + "returning id",
                        UUID.class,
                        org,
                        venue);
        for (UUID collaborator : List.of(promoter, revoked)) {
            fixtures.owner()
                    .update(
                            "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, "
                                    + "'promoter_editor', ?)",
                            show,
                            collaborator,
                            org);
        }
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, "Copenhagen advance", null, null);
        answer(editor, session, Party.from_us, "Doors", "19:00");
        fixtures.owner().update("delete from show_collaborators where show_id = ? and user_id = ?", show, revoked);
        answer(promoter, session, Party.from_you, "Set time", "21:15");

        Fixtures.signOut();
        Instant now = clock.instant();
        assertThat(job.run(now)).hasSize(3);
        assertThat(SMTP.waitForIncomingEmail(5000, 3)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(received).map(AdvancingNoticeMailTest::recipient))
                .as("the artist team's members for the promoter's change, the promoter for the artist team's; "
                        + "never the actor, the revoked collaborator or another org")
                .containsExactlyInAnyOrder(email(owner), email(editor), email(promoter));

        MimeMessage toEditor = Arrays.stream(received)
                .filter(m -> recipient(m).equals(email(editor)))
                .findFirst()
                .orElseThrow();
        assertThat(toEditor.getSubject())
                .isEqualTo("Vega night at Vega, Copenhagen · Fri 5 Mar 2027: 1 update from the promoter");
        assertThat(toEditor.getContentType()).containsIgnoringCase("charset=UTF-8");
        String body = ((String) toEditor.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Schedule › Set time", "Promoter answered: 21:15");
        assertThat(body).contains("https://roadbook.example/advance/" + session + "\n");
        Matcher stopLink = Pattern.compile("https://roadbook\\.example/advance/([0-9a-f-]{36})/mails")
                .matcher(body);
        assertThat(stopLink.find()).isTrue();
        assertThat(mail.outboxEnabled()).as("with SMTP there is no outbox").isFalse();

        // The stop link works for the person it was sent to: no more mails about this advance to them.
        fixtures.signIn(editor);
        assertThat(mails.stop(UUID.fromString(stopLink.group(1))).stopped()).isTrue();
        answer(promoter, session, Party.from_you, "Curfew", "23:00");
        Fixtures.signOut();
        assertThat(job.run(now.plus(java.time.Duration.ofMinutes(10))))
                .extracting(AdvancingNoticeJob.Digest::to)
                .containsExactly(email(owner));
        assertThat(SMTP.waitForIncomingEmail(5000, 4)).isTrue();
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(AdvancingNoticeMailTest::recipient))
                .containsExactlyInAnyOrder(email(owner), email(owner), email(editor), email(promoter));
    }

    private void answer(UUID who, UUID session, Party side, String fieldName, String value) {
        fixtures.signIn(who);
        Row row = advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals(fieldName))
                .findFirst()
                .orElseThrow();
        advancing.setValue(row.side(side).fieldId(), row.side(side).version(), value);
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            assertThat(to).hasSize(1);
            return to[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
