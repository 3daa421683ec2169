package app.roadbook.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The platform admin changes an org's plan; its owner sees it on the billing dashboard. On the test's own accounts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingBrowserTest {

    static final String PASSWORD = "test-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void thePlatformAdminChangesAPlanAndTheOwnerSeesIt() {
        UUID owner = fixtures.user("Owner");
        String orgName = Fixtures.unique("Solo Org");
        UUID org = fixtures.organization(orgName, owner);
        fixtures.accounts().subscription(org, "solo_artist", "active", 30);
        String ownerEmail = fixtures.account(owner).getEmail();
        String adminEmail = fixtures.account(fixtures.platformAdmin()).getEmail();

        browser.signIn(ownerEmail, PASSWORD);
        browser.waitFor(By.cssSelector(".current-org"));
        browser.open("/billing");
        assertThat(browser.waitFor(By.tagName("h3")).getText()).startsWith("Solo Artist");

        browser.signOut();
        browser.signIn(adminEmail, PASSWORD);
        browser.waitFor(By.xpath("//vaadin-side-nav-item[contains(., 'Platform billing')]"))
                .click();
        browser.press(By.xpath("//vaadin-button[@aria-label='Subscription of " + orgName + "']"));
        By teamManagerCells = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Team Manager']");
        int before = browser.driver().findElements(teamManagerCells).size();
        browser.chooseInCombo("Plan", "Team Manager");
        browser.chooseInSelect("Status", "Active");
        browser.clickInDialog("Save");
        // Other orgs are on Team Manager already, so only one more such cell tells the save has happened.
        browser.waitUntil(d -> d.findElements(teamManagerCells).size() == before + 1);

        browser.signOut();
        browser.signIn(ownerEmail, PASSWORD);
        browser.waitFor(By.xpath("//vaadin-side-nav-item[contains(., 'Billing')]"))
                .click();
        browser.waitUntil(d -> browser.text("h3").startsWith("Team Manager"));
        assertThat(browser.text(".billing-status")).isEqualTo("Active");
        assertThat(browser.text(".seat-usage")).contains("Members: 1 of 10");
    }
}
