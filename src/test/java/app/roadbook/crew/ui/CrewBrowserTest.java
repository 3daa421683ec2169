package app.roadbook.crew.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.crew.CrewWorld;
import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An editor in a real browser adds someone to the crew, puts them on a show from the show page, is warned when
 * putting them on a second show the same day (and may go ahead), and reads the crew on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrewBrowserTest {

    static final int PHONE_WIDTH = 390;
    static final LocalDate DAY = LocalDate.of(2031, 9, 5);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    CrewWorld world;
    UUID oslo;
    UUID bergen;

    @BeforeAll
    void signIn() {
        world = new CrewWorld(fixtures);
        oslo = world.show("The Auroras · Oslo", DAY, "Rockefeller Music Hall", "Oslo");
        bergen = world.show("Festival slot", DAY, "Bergenhus", "Bergen");
        browser = new Browser(port);
        browser.signIn(fixtures.account(world.editor).getEmail(), "test-password-1");
        browser.waitFor(By.cssSelector(".current-org"));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void addAssignAndBeWarnedOfADoubleBookingThenReadTheCrewOnAPhone() {
        browser.open("/crew");
        browser.waitFor(By.xpath("//vaadin-button[contains(., 'Add person')]")).click();
        browser.fill("Name", "Selma Stage");
        browser.fill("Role or title", "FOH engineer");
        browser.fill("Phone", "+47 555 01 234");
        browser.click("Save");
        browser.waitUntil(d -> browser.currentPath().startsWith("/crew/"));
        assertThat(browser.waitFor(By.tagName("h2")).getText()).isEqualTo("Selma Stage");

        // From the show page: onto the Oslo show as FOH.
        browser.open("/shows/" + oslo);
        browser.press(By.xpath("//vaadin-button[contains(., 'Assign crew')]"));
        browser.chooseInCombo("Person", "Selma Stage");
        // A duty is one of the suggestions or free text, committed with Enter.
        WebElement duty = browser.waitFor(By.xpath("//label[normalize-space(.)='Duty']/..//input"));
        duty.sendKeys("FOH engineer", org.openqa.selenium.Keys.ENTER);
        assertThat(browser.text(".double-booking")).isEmpty();
        browser.clickInDialog("Assign");
        browser.waitUntil(d -> browser.text(".show-crew .crew-cards").contains("Selma Stage"));
        assertThat(browser.text(".show-crew .crew-duty")).isEqualTo("FOH engineer");
        assertThat(browser.text(".show-crew .crew-phone")).isEqualTo("+47 555 01 234");

        // The Bergen show is the same day: the dialog names the Oslo show, and the editor goes ahead.
        browser.open("/shows/" + bergen);
        browser.press(By.xpath("//vaadin-button[contains(., 'Assign crew')]"));
        browser.chooseInCombo("Person", "Selma Stage");
        browser.waitUntil(d -> browser.text(".double-booking").contains("already on The Auroras · Oslo"));
        assertThat(browser.text(".double-booking")).contains("Rockefeller Music Hall", "Fri 5 Sep 2031");
        browser.clickInDialog("Assign anyway");
        browser.waitUntil(d -> browser.text(".show-crew .crew-cards").contains("Selma Stage"));

        // Her page lists both shows.
        browser.press(By.xpath("//a[normalize-space(.)='Selma Stage']"));
        browser.waitUntil(d -> browser.currentPath().startsWith("/crew/"));
        browser.waitUntil(d -> browser.text(".person-shows").contains("Festival slot"));
        assertThat(browser.text(".person-shows")).contains("The Auroras · Oslo");

        // On a phone the show's crew card, its phone number and its buttons stay on screen.
        browser.resize(PHONE_WIDTH, 844);
        try {
            browser.open("/shows/" + oslo);
            WebElement card = browser.waitFor(By.cssSelector(".show-crew .crew-card"));
            long width = browser.viewportWidth();
            assertThat(width).isLessThanOrEqualTo(PHONE_WIDTH);
            List<WebElement> parts = new java.util.ArrayList<>(card.findElements(By.cssSelector("a, span")));
            parts.addAll(card.findElements(By.cssSelector("vaadin-button")));
            assertThat(parts).hasSizeGreaterThanOrEqualTo(4);
            for (WebElement part : parts) {
                Rectangle r = part.getRect();
                assertThat(r.getX()).as(part.getText() + " starts on screen").isGreaterThanOrEqualTo(0);
                assertThat(r.getX() + r.getWidth())
                        .as(part.getText() + " ends on screen")
                        .isLessThanOrEqualTo((int) width);
            }
            browser.open("/crew");
            browser.waitFor(By.cssSelector("vaadin-grid"));
            long pageWidth = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                            .executeScript("return document.documentElement.scrollWidth"))
                    .longValue();
            assertThat(pageWidth).as("the roster page does not scroll sideways").isLessThanOrEqualTo(width);
        } finally {
            browser.resize(1280, 900);
        }
    }
}
