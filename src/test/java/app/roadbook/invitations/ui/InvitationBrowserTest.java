package app.roadbook.invitations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Both invitation flows end to end in Chromium, from the invitations view to the invited person's first screen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    UUID org;

    @BeforeEach
    void start() {
        browser = new Browser(port);
        org = fixtures.organization("Invite Browser Touring", fixtures.user("Owner"));
    }

    /** A member of the test's organization with this role; returns the email to sign in with (password test-password-1). */
    private String member(String role) {
        UUID member = fixtures.user(role);
        fixtures.member(org, member, role);
        return fixtures.account(member).getEmail();
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void anAdminInvitesANewEditorWhoLandsInTheOrgWithThatRole() {
        String email = Fixtures.unique("ed") + "@invite.test";
        browser.signIn(member("admin"), "test-password-1");
        browser.waitFor(By.cssSelector(".current-org"));
        browser.open("/invitations");
        browser.waitFor(By.cssSelector("vaadin-email-field input")).sendKeys(email);
        browser.click("Invite");
        browser.waitFor(By.cssSelector(".invitation-link"));

        // The mail is captured by the development outbox; its link is the way in.
        browser.open("/dev/outbox");
        browser.press(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + email + "']"));
        String body = browser.waitFor(By.xpath("//p[contains(., '/invite/')]")).getText();
        Matcher link = Pattern.compile("http://localhost:\\d+/invite/[A-Za-z0-9_-]{43}")
                .matcher(body);
        assertThat(link.find()).isTrue();

        acceptAsNewPerson(link.group(), email, "Edna Editor");
        browser.waitUntil(d -> browser.text(".current-org").equals("Invite Browser Touring"));
        assertThat(browser.waitFor(By.xpath("//p[contains(., 'You are an editor')]"))
                        .isDisplayed())
                .isTrue();
    }

    @Test
    void anEditorInvitesAPromoterWhoSeesThatShowAndNothingElse() {
        String email = Fixtures.unique("promo") + "@invite.test";
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, current_date + 14, 'Club night') returning id",
                        UUID.class,
                        org);
        fixtures.owner()
                .update("insert into shows (org_id, date, title) values (?, current_date + 21, 'Not granted')", org);
        browser.signIn(member("editor"), "test-password-1");
        browser.waitFor(By.cssSelector(".current-org"));
        browser.open("/shows/" + show);
        browser.click("Invite promoter");
        browser.fill("Email", email);
        browser.clickInDialog("Send invitation");
        String link = browser.waitFor(By.cssSelector(".invitation-link input")).getDomProperty("value");

        acceptAsNewPerson(link, email, "Paul Promoter");
        browser.waitUntil(d -> browser.currentPath().startsWith("/my-shows"));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".my-show")).stream()
                .anyMatch(c -> c.getText().contains("Advancing with Invite Browser Touring")));
        long rows = browser.driver().findElements(By.cssSelector(".my-show")).size();
        assertThat(rows).as("exactly the one granted show").isEqualTo(1);
        browser.open("/contacts");
        browser.waitUntil(d -> !browser.currentPath().equals("/contacts")
                || d.getPageSource().contains("Page not found")
                || d.findElements(By.cssSelector(".result-count")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector(".result-count")))
                .isEmpty();
    }

    private void acceptAsNewPerson(String link, String email, String name) {
        browser.signOut();
        browser.driver().get(link);
        browser.fill("Your name", name);
        browser.fill("Choose a password", "a long enough passphrase");
        browser.click("Create my account");
        browser.waitFor(By.xpath("//p[contains(., 'Your account is ready')]"));
        browser.click("Sign in");
        browser.waitFor(By.cssSelector("input[name='username']")).sendKeys(email);
        browser.driver().findElement(By.cssSelector("input[name='password']")).sendKeys("a long enough passphrase");
        browser.driver()
                .findElement(By.cssSelector("vaadin-login-form vaadin-button"))
                .click();
        browser.press(By.xpath("//vaadin-button[normalize-space(.)='Accept invitation']"));
    }
}
