package app.roadbook.waitlist;

import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.invitations.InvitationMail;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public sign-up: anybody, signed in or not, joins the waitlist. Whether the address was on the list already is
 * never said: the visitor gets the same thank-you either way, and only the address's owner may get a mail.
 */
@Service
public class WaitlistSignups {

    private static final Logger log = LoggerFactory.getLogger(WaitlistSignups.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    static final String TOO_MANY = "Too many sign-ups from your connection in the last hour. Please try again later.";

    private final JdbcTemplate jdbc;
    private final SignupLimit limit;
    private final InvitationMail mail;

    WaitlistSignups(DataSource dataSource, SignupLimit limit, InvitationMail mail) {
        // SQL: the visitor is anonymous, so the row is written by the definer function waitlist_sign_up (no policy
        // could let nobody insert), which also decides whether a confirmation mail is due.
        this.jdbc = new JdbcTemplate(dataSource);
        this.limit = limit;
        this.mail = mail;
    }

    /**
     * Puts {@code signup} on the list for {@code client} (the visitor's address, for the rate limit) and mails a
     * confirmation when one is due. Bad input and too many sign-ups are refused; a known address is not.
     */
    @Transactional
    public void signUp(Signup signup, String client) {
        String email = check(signup);
        if (!limit.tryAcquire(client)) {
            throw new Refusal(TOO_MANY);
        }
        // A known address gets its confirmation again at most once a day: someone who lost the first mail can have
        // another, while a stranger typing someone else's address again and again cannot fill their mailbox.
        boolean mailNow = Boolean.TRUE.equals(jdbc.queryForObject(
                "select waitlist_sign_up(?, ?, ?, ?, ?)",
                Boolean.class,
                email,
                signup.name().strip(),
                signup.role().name(),
                blankToNull(signup.company()),
                blankToNull(signup.note())));
        if (mailNow) {
            try {
                mail.send(
                        new InvitationMail.Sender(null, null),
                        email,
                        "You're on the Roadbook waitlist",
                        "Hello " + signup.name().strip() + ",\n\n"
                                + "thank you for your interest in Roadbook. You're on our waitlist; when we open a place"
                                + " for you, we'll send an invitation to this address to start your organization.\n\n"
                                + "If you did not sign up, ignore this email: nothing else will be sent unless we"
                                + " invite you.");
            } catch (RuntimeException mailFailed) {
                // The entry stands (platform admins see it); only the courtesy mail is lost.
                log.warn("The waitlist confirmation could not be mailed: {}", mailFailed.getMessage());
            }
        }
    }

    /** The address as stored, after checking every field of the form; refuses with a sentence for the person. */
    static String check(Signup signup) {
        if (signup == null || signup.name() == null || signup.name().isBlank()) {
            throw new Refusal("Give your name.");
        }
        TextInput.requireSingleLine("Your name", signup.name().strip(), Signup.MAX_NAME);
        String email = signup.email() == null ? "" : signup.email().strip().toLowerCase(Locale.ROOT);
        if (email.length() > Signup.MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new Refusal("Give an email address like name@example.com.");
        }
        if (signup.role() == null) {
            throw new Refusal("Say what you do: artist, manager, agent, venue, promoter or something else.");
        }
        TextInput.requireSingleLine("The company", blankToNull(signup.company()), Signup.MAX_COMPANY);
        TextInput.requireMultiLine("The note", blankToNull(signup.note()), Signup.MAX_NOTE);
        return email;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
