package app.roadbook.tenancy.ui;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import app.roadbook.tenancy.MemberAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner signs a member out everywhere: the member's open page, left alone, returns to the sign-in page
 * on its next heartbeat (every 45 s in the app; the browser tests' JVM sets 3 s) and says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired MemberAdmin members;
    @Autowired Environment env;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void anOpenPageOfAMemberSignedOutEverywhereReturnsToTheSignInPageByItself() {
        UUID owner = fixtures.user("Olga");
        UUID org = fixtures.organization("Heartbeat Org", owner);
        UUID member = fixtures.user("Mia");
        fixtures.member(org, member, "editor");
        String email = fixtures.account(member).getEmail();

        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.signIn(email, "test-password-1");
        browser.waitFor(By.cssSelector("h2.org-title"));
        browser.open("/shows");
        browser.waitFor(By.xpath("//*[contains(text(), 'No shows yet')]"));

        fixtures.signIn(owner);
        try {
            members.signOutEverywhere(org, member);
        } finally {
            Fixtures.signOut();
        }

        int heartbeat = env.getProperty("vaadin.heartbeatInterval", Integer.class, 45);
        long started = System.nanoTime();
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(seconds).as("within one heartbeat and a bit").isLessThanOrEqualTo(heartbeat + 5L);
        assertThat(browser.waitFor(By.cssSelector(".session-ended")).getText()).startsWith("Your session ended");
        // And the old session is really gone: opening a view asks for a sign-in again.
        browser.open("/shows");
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
    }
}
