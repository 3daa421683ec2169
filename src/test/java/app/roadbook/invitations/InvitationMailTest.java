package app.roadbook.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.tenancy.OrgRole;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Invitations go out through real SMTP (an embedded GreenMail server) with a link that works. */
@SpringBootTest
@ActiveProfiles("test")
// Own-context tests share a JVM, one context at a time (decision 0010): this one closes when the class is done.
@DirtiesContext
class InvitationMailTest {

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
    InvitationService invitations;

    @Autowired
    InvitationMail mail;

    @Autowired
    Fixtures fixtures;

    @Test
    void theInvitationEmailCarriesAWorkingLinkAndNoOutboxIsKept() throws Exception {
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Mail Co", owner);
        UUID invitee = fixtures.user("Invitee");
        String email = fixtures.owner()
                .queryForObject("select email::text from app_users where id = ?", String.class, invitee);
        fixtures.signIn(owner);
        invitations.inviteToOrg(org, email, OrgRole.editor, null);

        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(message.getSubject()).isEqualTo("You're invited to Mail Co on Roadbook");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("invited you to Mail Co as editor");
        Matcher link = Pattern.compile("https://roadbook\\.example/invite/([A-Za-z0-9_-]{43})")
                .matcher(body);
        assertThat(link.find()).isTrue();
        assertThat(mail.outboxEnabled()).isFalse();

        fixtures.signIn(invitee);
        assertThat(invitations.accept(link.group(1))).isEqualTo(InvitationService.Outcome.accepted);
        Fixtures.signOut();
    }
}
