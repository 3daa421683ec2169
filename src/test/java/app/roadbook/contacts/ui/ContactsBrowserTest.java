package app.roadbook.contacts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** An editor builds their organization's directory in a real browser: create, search, edit, merge. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    @BeforeAll
    void signIn() {
        browser = new Browser(port);
        UUID org = fixtures.organization("Directory Browser Touring", fixtures.user("Owner"));
        UUID editor = fixtures.user("Editor");
        fixtures.member(org, editor, "editor");
        browser.signIn(fixtures.account(editor).getEmail(), "test-password-1");
        browser.waitFor(By.cssSelector(".current-org"));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void createSearchEditAndMerge() {
        browser.open("/contacts");
        browser.waitFor(By.xpath("//vaadin-button[contains(., 'New contact')]")).click();
        browser.fill("Name", "Selma Selenium");
        browser.chooseInMultiSelect("Types", "Promoter");
        browser.fill("Email", "selma@selenium.test");
        browser.fill("City", "Trondheim");
        browser.click("Save");
        browser.waitUntil(d -> browser.currentPath().startsWith("/contacts/"));
        assertThat(browser.waitFor(By.tagName("h2")).getText()).isEqualTo("Selma Selenium");

        // A second contact, the duplicate to merge later.
        browser.open("/contacts");
        browser.waitFor(By.xpath("//vaadin-button[contains(., 'New contact')]")).click();
        browser.fill("Name", "S. Selenium");
        browser.chooseInMultiSelect("Types", "Agent");
        browser.fill("Phone", "+47 555 000");
        browser.click("Save");
        browser.waitUntil(d -> browser.currentPath().startsWith("/contacts/"));

        browser.open("/contacts");
        WebElement search = browser.waitFor(
                By.cssSelector(
                        "vaadin-text-field[aria-label='Search contacts'] input, vaadin-text-field input[placeholder^='Search']"));
        search.sendKeys("selenium");
        browser.waitUntil(d -> browser.text(".result-count").equals("2 contacts"));
        browser.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Selma Selenium']"))
                .click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/contacts/"));

        browser.click("Edit");
        browser.fill("Company", "Selenium Live");
        browser.click("Save");
        browser.waitUntil(d -> browser.text(".contact-facts").contains("Selenium Live"));

        browser.click("Merge…");
        browser.chooseInCombo("Contact to merge into this one", "S. Selenium");
        browser.clickInDialog("Merge");
        browser.waitUntil(d -> browser.text(".contact-types").startsWith("Promoter, Agent"));
        assertThat(browser.text(".contact-facts")).contains("+47 555 000").contains("selma@selenium.test");

        browser.open("/contacts");
        browser.waitFor(By.cssSelector("vaadin-text-field input[placeholder^='Search']"))
                .sendKeys("selenium");
        browser.waitUntil(d -> browser.text(".result-count").equals("1 contact"));
    }
}
