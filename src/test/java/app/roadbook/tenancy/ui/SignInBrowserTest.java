package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import jakarta.servlet.ServletContext;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/** The real thing: the login page in headless Chromium, against the running app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Autowired
    Environment env;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    /** An owner of "Sign-in Touring" with the fixtures' password, and their email. */
    private String owner() {
        UUID owner = fixtures.user("Olivia");
        fixtures.organization("Sign-in Touring", owner);
        return fixtures.account(owner).getEmail();
    }

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theOwnerSignsInAndSeesTheOrganizationInTheMainLayout() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.waitFor(By.cssSelector("input[name='username']"));
        Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");

        browser.signIn(owner(), "test-password-1");

        String orgName = browser.waitFor(By.cssSelector(".current-org")).getText();
        assertThat(orgName).isEqualTo("Sign-in Touring");
        assertThat(browser.waitFor(By.cssSelector("h2.org-title")).getText()).isEqualTo("Sign-in Touring");
        Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(after).isNotNull();
        assertThat(after.isHttpOnly()).isTrue();
        if (before != null) {
            assertThat(after.getValue()).as("a new session id at sign-in").isNotEqualTo(before.getValue());
        }

        // Signing out ends the session: the home page asks for a sign-in again.
        browser.driver()
                .findElement(By.cssSelector("vaadin-menu-bar vaadin-menu-bar-button"))
                .click();
        browser.waitFor(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]"))
                .click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
        browser.open("/");
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
    }

    @Test
    void idleSessionsEndAfterThirtyMinutesAndHeartbeatsDoNotKeepThemAlive() {
        assertThat(servletContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(servletContext.getSessionCookieConfig().isHttpOnly()).isTrue();
        assertThat(env.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
    }

    @Test
    void aWrongPasswordShowsAnErrorAndOpensNoSession() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(owner(), "not-the-password");

        browser.waitUntil(d -> browser.currentPath().startsWith("/login?error"));
        browser.waitUntil(
                d -> d.findElement(By.cssSelector("vaadin-login-form")).getDomAttribute("error") != null
                        || Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.querySelector('vaadin-login-form').error")));
        assertThat(browser.driver().getPageSource()).doesNotContain("Sign-in Touring");

        browser.open("/");
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
        assertThat(browser.driver().findElements(By.cssSelector(".current-org")))
                .isEmpty();
    }
}
