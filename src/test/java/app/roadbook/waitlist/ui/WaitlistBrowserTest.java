package app.roadbook.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import app.roadbook.support.KeepsSecurityStrategy;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The waitlist end to end in Chromium, with its mail through real SMTP (GreenMail): a visitor signs up on a phone from
 * the sign-in page and gets the confirmation; a platform admin invites them; the invitation's link makes their account
 * and their organization, and the entry becomes converted.
 *
 * <p>Real SMTP takes a context of its own (decision 0010): it is closed when the class is done, and
 * {@link KeepsSecurityStrategy} puts back the shared browser-test context's security strategy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@TestExecutionListeners(
        listeners = KeepsSecurityStrategy.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class WaitlistBrowserTest {

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
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitorSignsUpIsInvitedByAPlatformAdminAndStartsTheirOrganization() throws Exception {
        browser = new Browser(port);
        String email = Fixtures.unique("maya").toLowerCase() + "@waitlist.test";

        // A visitor on a phone finds the waitlist on the sign-in page.
        browser.resize(390, 844);
        browser.open("/login");
        browser.press(By.xpath("//a[normalize-space(.)='Join the waitlist']"));
        browser.waitFor(By.xpath("//h2[normalize-space(.)='Join the waitlist']"));
        browser.fill("Your name", "Maya Lindqvist");
        browser.fill("Email", email);
        browser.chooseInSelect("What do you do?", "Artist manager");
        browser.fill("Company or act (optional)", "Aurora Management");
        browser.fill("Anything we should know? (optional)", "Three acts on the road from March.");
        assertThat(overflowsSideways()).as("the form fits a phone's width").isFalse();
        browser.click("Join the waitlist");
        browser.waitFor(By.xpath("//h2[normalize-space(.)=\"Thank you, you're on the list\"]"));
        assertThat(overflowsSideways()).as("the thank-you fits a phone's width").isFalse();

        MimeMessage confirmation = mailTo(email, "You're on the Roadbook waitlist");
        assertThat(GreenMailUtil.getBody(confirmation)).contains("Hello Maya Lindqvist");

        // A platform admin finds the entry and invites them.
        browser.signOut();
        browser.resize(1280, 900);
        String admin = fixtures.account(fixtures.platformAdmin()).getEmail();
        browser.signIn(admin, "test-password-1");
        browser.waitFor(By.xpath("//vaadin-side-nav-item[normalize-space(.)='Waitlist']"))
                .click();
        browser.waitFor(By.xpath("//h2[normalize-space(.)='Waitlist']"));
        browser.fill("Search", email);
        browser.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + email + "']"));
        browser.waitUntil(d -> browser.text(".result-count").equals("1 entry"));
        // The grid re-renders as the search settles; a click on a button it has just replaced is tried again.
        By invite = By.xpath("//vaadin-button[@aria-label='Invite Maya Lindqvist (" + email + ")']");
        By send = By.xpath("//vaadin-confirm-dialog//vaadin-button[normalize-space(.)='Send invitation'] | "
                + "//vaadin-confirm-dialog-overlay//vaadin-button[normalize-space(.)='Send invitation']");
        for (int attempt = 0; ; attempt++) {
            browser.press(invite);
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                        .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(send))
                        .click();
                break;
            } catch (org.openqa.selenium.TimeoutException notOpened) {
                if (attempt == 3) {
                    throw notOpened;
                }
            }
        }
        browser.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Invited']"));

        String body = GreenMailUtil.getBody(mailTo(email, "Your invitation to start your organization on Roadbook"));
        Matcher link = Pattern.compile("http://localhost:\\d+/invite/[A-Za-z0-9_-]{43}")
                .matcher(body.replace("=\r\n", ""));
        assertThat(link.find()).as(body).isTrue();

        // The invited person makes their account, signs in and names their organization.
        browser.signOut();
        browser.driver().get(link.group());
        browser.waitFor(By.xpath("//h2[contains(., 'start your organization')]"));
        browser.fill("Your name", "Maya Lindqvist");
        browser.fill("Choose a password", "a long enough passphrase");
        browser.click("Create my account");
        browser.waitFor(By.xpath("//p[contains(., 'Your account is ready')]"));
        browser.click("Sign in");
        browser.waitFor(By.cssSelector("input[name='username']")).sendKeys(email);
        browser.driver().findElement(By.cssSelector("input[name='password']")).sendKeys("a long enough passphrase");
        browser.driver()
                .findElement(By.cssSelector("vaadin-login-form vaadin-button"))
                .click();
        browser.fill("Organization name", "Aurora Management");
        browser.click("Create my organization");
        browser.waitUntil(d -> browser.text(".org-title").equals("Aurora Management"));
        assertThat(browser.text(".home-role")).isEqualTo("You are an owner of this organization.");

        assertThat(fixtures.owner().queryForMap("""
                                select w.status, o.name from waitlist w join organizations o on o.id = w.organization_id
                                where w.email = ?""", email))
                .containsEntry("status", "converted")
                .containsEntry("name", "Aurora Management");
    }

    private boolean overflowsSideways() {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /**
     * The mail to {@code to} with {@code subject}, waiting for it to arrive: a generous bound on waiting for a mail
     * that is sent after the page answered, not a measure of how fast it comes.
     */
    private MimeMessage mailTo(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (subject.equals(m.getSubject())
                        && Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail \"" + subject + "\" to " + to);
    }
}
