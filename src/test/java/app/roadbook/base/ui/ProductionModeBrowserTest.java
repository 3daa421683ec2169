package app.roadbook.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app runs as it ships: Vaadin's production bundle, no development-mode popover or dev tools on any page, a
 * favicon and a title per page. Screenshots of each page go to target/screenshots (production-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionModeBrowserTest {

    /** What development mode adds to a page. */
    private static final String DEV_MODE_ELEMENTS =
            "vaadin-dev-tools, vaadin-devmode-gizmo, copilot-main, vaadin-dev-tools-popover";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

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
    void everyPageIsTheProductionBuildWithAFaviconAndItsOwnTitle() {
        browser.open("/login");
        browser.waitFor(By.cssSelector("input[name='username']"));
        assertProductionPage("login", "Sign in · Roadbook");
        assertThat(iconHref()).endsWith("icons/roadbook.svg");
        browser.open("/waitlist");
        assertProductionPage("waitlist", null);
        browser.open("/login");
        browser.waitFor(By.cssSelector("input[name='username']"));

        UUID owner = fixtures.user("Pat");
        fixtures.organization("Production Touring", owner);
        browser.signIn(fixtures.account(owner).getEmail(), "test-password-1");
        browser.waitFor(By.cssSelector(".current-org"));

        for (List<String> page : List.of(
                List.of("/", "home", "Home · Roadbook"),
                List.of("/shows", "shows", "Shows · Roadbook"),
                List.of("/venues", "venues", "Venues · Roadbook"),
                List.of("/contacts", "contacts", "Contacts · Roadbook"),
                List.of("/billing", "billing", "Billing · Roadbook"))) {
            browser.open(page.get(0));
            browser.waitFor(By.cssSelector(".current-org"));
            assertProductionPage(page.get(1), page.get(2));
        }
        // Every other page of the owner's menu: the same bundle serves them, and a screenshot of each shows it.
        for (String path : List.of(
                "calendar",
                "calendar-feed",
                "advancing",
                "crew",
                "tour-book",
                "members",
                "files",
                "artists",
                "advancing-templates",
                "invitations",
                "audit",
                "inbox")) {
            browser.open("/" + path);
            browser.waitFor(By.cssSelector(".current-org"));
            assertProductionPage(path, null);
        }
    }

    /** {@code title} null: any page title of its own (not just "Roadbook"). */
    private void assertProductionPage(String name, String title) {
        browser.waitUntil(d -> title == null
                ? d.getTitle() != null && d.getTitle().endsWith(" · Roadbook")
                : title.equals(d.getTitle()));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Object devElements =
                js.executeScript("return document.querySelectorAll(arguments[0]).length", DEV_MODE_ELEMENTS);
        assertThat(((Number) devElements).intValue())
                .as("development-mode elements on " + name)
                .isZero();
        Object productionMode =
                js.executeScript("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => c.productionMode !== false))");
        assertThat(productionMode)
                .as("Vaadin's client runs in production mode on " + name)
                .isEqualTo(true);
        assertThat(String.valueOf(js.executeScript("return document.body.innerText")))
                .as(name)
                .doesNotContain("development mode");
        browser.screenshot("production-" + name);
    }

    private String iconHref() {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("const l = document.querySelector(\"link[rel='icon']\"); return l ? l.href : ''"));
    }
}
