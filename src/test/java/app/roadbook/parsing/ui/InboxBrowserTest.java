package app.roadbook.parsing.ui;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The parsing inbox in real Chromium on a phone-sized screen: an editor pastes a booking mail, sees each value's span
 * highlighted in the source, clicks a value to bring its span forward, accepts the values and creates the draft show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTest {

    static final String PASSWORD = "test-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser phone;

    @BeforeAll
    void start() {
        phone = new Browser(port);
        phone.resize(390, 844);
    }

    @AfterAll
    void stop() {
        phone.close();
    }

    @Test
    void anEditorPastesAMailReviewsTheHighlightedSpansAndCreatesTheDraftShow() {
        var db = fixtures.owner();
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Browser Inbox Co", owner);
        UUID editor = fixtures.user("Editor");
        fixtures.member(org, editor, "editor");
        db.update(
                "insert into venues (org_id, name, city, country, timezone) values (?, 'Sentrum Scene', 'Oslo', 'NO', "
                        + "'Europe/Oslo')",
                org);
        String email = db.queryForObject("select email::text from app_users where id = ?", String.class, editor);

        phone.signIn(email, PASSWORD);
        phone.waitFor(By.cssSelector(".current-org"));
        phone.open("/inbox");
        phone.waitFor(By.cssSelector(".empty-state"));
        phone.fill(
                "Paste a booking mail",
                "Hi! Confirming the show on 2027-10-15.\nVenue: Sentrum Scene\nDoors: 19:00\nFee: EUR 3500\n");
        phone.click("Read mail");

        phone.waitFor(By.cssSelector(".parsed-source .parsed-span"));
        List<String> marked = phone.driver().findElements(By.cssSelector(".parsed-source .parsed-span")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(marked).contains("2027-10-15", "Sentrum Scene", "19:00", "EUR 3500");
        assertThat(phone.text(".parsed-values"))
                .contains("Fri 15 Oct 2027")
                .contains("Matches venue Sentrum Scene")
                .contains("High confidence");

        // Clicking a value marks its span as the one looked at.
        WebElement venueCard = phone.driver().findElements(By.cssSelector(".parsed-card")).stream()
                .filter(c -> c.getText().contains("Matches venue"))
                .findFirst()
                .orElseThrow();
        ((ChromeDriver) phone.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", venueCard);
        venueCard.findElement(By.cssSelector(".parsed-label")).click();
        phone.waitUntil(d -> d.findElements(By.cssSelector(".parsed-span.active")).stream()
                .anyMatch(e -> e.getText().equals("Sentrum Scene")));

        // On a phone the page never scrolls sideways.
        long scrollWidth = ((Number)
                        ((ChromeDriver) phone.driver()).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(phone.viewportWidth());

        phone.click("Accept the undecided values");
        phone.waitUntil(
                d -> d.findElements(By.cssSelector(".decision-proposed")).isEmpty());
        phone.click("Create draft show");
        phone.waitUntil(d -> phone.currentPath().startsWith("/shows/"));
        assertThat(db.queryForObject(
                        "select count(*) from shows where org_id = ? and date = '2027-10-15' and status = 'draft'",
                        Long.class,
                        org))
                .isEqualTo(1);
    }
}
