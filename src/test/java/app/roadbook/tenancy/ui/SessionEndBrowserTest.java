package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import app.roadbook.tenancy.MemberAdmin;
import java.io.IOException;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sessions that end while a page is open: a member signed out everywhere, or a page left idle. The page, left
 * alone, returns to the sign-in page on its next heartbeat (every 45 s in the app; the browser tests' JVM sets
 * 3 s) and says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MemberAdmin members;

    @Autowired
    WebServerApplicationContext server;

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

        openEmptyShowsPageAs(email);

        fixtures.signIn(owner);
        try {
            members.signOutEverywhere(org, member);
        } finally {
            Fixtures.signOut();
        }

        assertThePageReturnsToSignInByItself();
    }

    /**
     * Heartbeats reach the server every few seconds from an open page, and the container counts them as use.
     * The idle limit must not: with the session's limit cut to a few seconds, the untouched page returns to the
     * sign-in page and the sign-in itself is gone, not only Vaadin's part of the session.
     */
    @Test
    void anOpenPageLeftIdleEndsItsSessionAlthoughHeartbeatsContinue() throws Exception {
        UUID owner = fixtures.user("Ida");
        fixtures.organization("Idle Org", owner);
        String email = fixtures.account(owner).getEmail();

        openEmptyShowsPageAs(email);

        int idleSeconds = 6;
        httpSession(browser.driver().manage().getCookieNamed("JSESSIONID").getValue())
                .setMaxInactiveInterval(idleSeconds);

        assertThePageReturnsToSignInByItself();
    }

    private void openEmptyShowsPageAs(String email) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.signIn(email, "test-password-1");
        browser.waitFor(By.cssSelector("h2.org-title"));
        browser.open("/shows");
        browser.waitFor(By.xpath("//*[contains(text(), 'No shows yet')]"));
    }

    /**
     * The untouched page goes to the sign-in page by itself (a heartbeat after the session ended; the test runs with
     * 3-second heartbeats) and says why. No clock: the browser's bounded wait is the limit.
     */
    private void assertThePageReturnsToSignInByItself() {
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
        assertThat(browser.waitFor(By.cssSelector(".session-ended")).getText()).startsWith("Your session ended");
        // And the sign-in is really gone, not only the page: opening a view asks for a sign-in again.
        browser.open("/shows");
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
    }

    /** The server's side of the browser's session, from the embedded Tomcat. */
    private Session httpSession(String id) throws IOException {
        Context context = (Context)
                ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(id);
        assertThat(session).as("the browser's session on the server").isNotNull();
        return session;
    }
}
