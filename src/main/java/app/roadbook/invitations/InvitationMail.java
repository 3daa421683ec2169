package app.roadbook.invitations;

import app.roadbook.base.db.EmbeddedDatabaseEnvironment;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Roadbook's one way out by email: invitations, and the advancing notices of {@code app.roadbook.advancing}. Mail goes
 * through SMTP (Spring's {@code spring.mail.*}). Without SMTP on the embedded development database, messages go to a
 * development outbox page instead; without SMTP elsewhere nothing is sent (an admin copies an invitation's link from
 * the invitations view).
 */
@Component
public class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final int OUTBOX_SIZE = 50;

    /** Who a mail is sent for: the organization and the person acting (null outside a request). */
    public record Sender(UUID orgId, UUID userId) {}

    public record Message(String to, String subject, String body, Instant at, Sender sender) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final boolean smtp;
    private final boolean outboxEnabled;
    private final String baseUrl;
    private final String from;
    private final Deque<Message> outbox = new ArrayDeque<>();

    InvitationMail(
            ObjectProvider<JavaMailSender> sender,
            Environment env,
            @Value("${roadbook.base-url:}") String baseUrl,
            @Value("${roadbook.mail-from:Roadbook <no-reply@roadbook.app>}") String from) {
        this.sender = sender;
        this.smtp = env.containsProperty("spring.mail.host");
        this.outboxEnabled = !smtp && env.getProperty(EmbeddedDatabaseEnvironment.EMBEDDED_FLAG, Boolean.class, false);
        this.baseUrl = baseUrl.strip();
        this.from = from;
    }

    /** The acceptance link: ROADBOOK_BASE_URL if set, else the address the inviting person is using right now. */
    public String link(String token) {
        return url("/invite/" + token);
    }

    /**
     * A page of Roadbook as a link for a mail ({@code path} starts with a slash): ROADBOOK_BASE_URL if set, else the
     * address the person acting is using right now; outside a request (a job) without ROADBOOK_BASE_URL, localhost.
     */
    public String url(String path) {
        String base = baseUrl;
        if (base.isEmpty()) {
            try {
                base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .build()
                        .toUriString();
            } catch (IllegalStateException noRequest) {
                base = "http://localhost:8080";
            }
        }
        return base.replaceAll("/+$", "") + path;
    }

    /** Whether links are built from ROADBOOK_BASE_URL, as mails sent outside a request need. */
    public boolean hasBaseUrl() {
        return !baseUrl.isEmpty();
    }

    void send(Sender origin, String to, String where, String role, String inviter, String token) {
        String subject = "You're invited to " + where + " on Roadbook";
        String body =
                (inviter == null ? "You have" : inviter + " has") + " invited you to " + where + " as " + role + ".\n\n"
                        + "Open this link to accept (it works once and expires in 14 days):\n" + link(token) + "\n\n"
                        + "If you did not expect this, ignore this email.";
        send(origin, to, subject, body);
    }

    void sendStartOrganization(Sender origin, String to, String inviter, String token) {
        String subject = "Your invitation to start your organization on Roadbook";
        String body = (inviter == null ? "Roadbook has" : inviter + " from Roadbook has")
                + " invited you to start your organization on Roadbook: shows, advancing and crews for your tours.\n\n"
                + "Open this link to create your account and name your organization (it works once and expires in 14"
                + " days):\n" + link(token) + "\n\n"
                + "You joined our waitlist with this address. If that was not you, ignore this email.";
        send(origin, to, subject, body);
    }

    /**
     * Sends one plain-text mail: through SMTP when configured (a failure is thrown), else into the development outbox,
     * else nowhere (logged). {@code origin} decides who may read it in the outbox besides its recipient.
     */
    public void send(Sender origin, String to, String subject, String body) {
        if (smtp) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            sender.getObject().send(message);
        } else if (outboxEnabled) {
            synchronized (outbox) {
                outbox.addFirst(new Message(to, subject, body, Instant.now(), origin));
                while (outbox.size() > OUTBOX_SIZE) {
                    outbox.removeLast();
                }
            }
        } else {
            log.warn("No SMTP configured (spring.mail.host): \"{}\" was not emailed to {}.", subject, to);
        }
    }

    public boolean outboxEnabled() {
        return outboxEnabled;
    }

    /** Every mail in the outbox; {@link InvitationService#outbox} filters it for a reader. */
    List<Message> outbox() {
        synchronized (outbox) {
            return List.copyOf(outbox);
        }
    }
}
