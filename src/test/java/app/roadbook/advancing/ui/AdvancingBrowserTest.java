package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
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
 * The whole exchange in two real browsers, an org editor at a desk and a promoter editor on a phone (then the other
 * way round): disagreement, a decline with its reason, acceptance, a change after agreement and re-agreement. After
 * each step the show page, the shows list, My shows, the advance and the day sheet say the same doors time, in the
 * venue's zone (Tokyo). On the test's own organization and accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvancingBrowserTest {

    static final String PASSWORD = "test-password-1";
    static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange exchange;

    Browser editor;
    Browser promoter;

    @BeforeAll
    void start() {
        editor = new Browser(port);
        promoter = new Browser(port);
        promoter.resize(PHONE_WIDTH, 844);
    }

    @AfterAll
    void stop() {
        editor.close();
        promoter.close();
    }

    @Test
    void bothTeamsDisagreeDeclineAgreeChangeAndAgreeAgainAndEveryPageSaysTheSameTime() {
        UUID owner = fixtures.user("Owner");
        UUID editorId = fixtures.user("Editor");
        UUID promoterId = fixtures.user("Promoter");
        UUID org = fixtures.organization("Browser Touring", owner);
        fixtures.member(org, editorId, "editor");
        UUID artist = fixtures.owner()
                .queryForObject(
                        "insert into artists (org_id, name) values (?, 'Neon Coast') returning id", UUID.class, org);
        UUID venue = fixtures.owner().queryForObject("""
                insert into venues (org_id, name, address, city, country, timezone)
                values (?, 'Zepp Haneda', '1-1-4 Hanedakuko', 'Tokyo', 'JP', 'Asia/Tokyo') returning id""", UUID.class, org);
        // The show's own doors time, 18:00 in Tokyo: the advance starts from it.
        UUID show = fixtures.owner().queryForObject("""
                insert into shows (org_id, artist_id, venue_id, date, title, status, doors_at)
                values (?, ?, ?, current_date + 30, 'Neon Coast in Tokyo', 'confirmed',
                        ((current_date + 30) + time '18:00') at time zone 'Asia/Tokyo') returning id""", UUID.class, org, artist, venue);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoterId,
                        org);
        fixtures.signIn(editorId);
        UUID session = exchange.createSession(org, show, null, null, null);
        Fixtures.signOut();

        editor.signIn(email(editorId), PASSWORD);
        editor.waitFor(By.cssSelector(".current-org"));
        promoter.signIn(email(promoterId), PASSWORD);
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/my-shows"));
        everyPageSays(show, session, "18:00");

        // The promoter, on a phone, opens the advance from My shows and answers another time.
        promoter.open("/my-shows");
        promoter.press(By.xpath("//a[contains(., 'Neon Coast at Zepp Haneda')]"));
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/advance/"));
        assertThat(state(promoter)).isEqualTo("Waiting for the promoter");
        assertThat(promoter.text(".advance-facts")).contains("Tokyo", "Asia/Tokyo");
        answer(promoter, "18:30");
        promoter.waitUntil(d -> state(promoter).equals("The two values differ"));
        // Side labels are set in capitals by the stylesheet.
        assertThat(doorsCard(promoter).getText())
                .containsIgnoringCase("Your side")
                .containsIgnoringCase("Artist team")
                .contains("18:30", "18:00");
        fitsThePhone(promoter);

        // The editor declines it, with a reason (none is refused).
        editor.open("/advance/" + session);
        editor.waitUntil(d -> state(editor).equals("The two values differ"));
        editor.press(By.xpath("//vaadin-button[@aria-label='Decline 18:30 for Doors']"));
        editor.clickInDialog("Decline");
        editor.waitUntil(d -> d.getPageSource().contains("a decline needs a reason"));
        editor.fill("Why do you decline it?", "The hall opens its doors at 18:00 sharp.");
        editor.clickInDialog("Decline");
        editor.waitUntil(d -> state(editor).equals("Declined by the artist team"));
        everyPageSays(show, session, "18:00");

        // The promoter reads the same state and the reason, and accepts the artist team's time.
        promoter.open("/advance/" + session);
        promoter.waitUntil(d -> state(promoter).equals("Declined by the artist team"));
        assertThat(doorsCard(promoter).getText()).contains("The hall opens its doors at 18:00 sharp.");
        promoter.press(By.xpath("//vaadin-button[@aria-label='Accept 18:00 for Doors']"));
        promoter.waitUntil(d -> state(promoter).equals("Agreed"));
        everyPageSays(show, session, "18:00");

        // The editor moves the agreed time: the field re-opens; the show and the day sheet keep the agreed time,
        // and the day sheet says what changed.
        editor.open("/advance/" + session);
        answer(editor, "18:15");
        editor.waitUntil(d -> state(editor).equals("Changed after agreement"));
        assertThat(doorsCard(editor).getText()).contains("Agreed before: 18:00", "Waiting for the promoter");
        everyPageSays(show, session, "18:00");
        editor.open("/shows/" + show);
        editor.waitUntil(
                d -> editor.text(".day-sheet").contains("Changed to 18:15 by the artist team, not yet agreed"));

        // Now the other way round: the editor on a phone, the promoter at a desk. The promoter accepts the new time.
        editor.resize(PHONE_WIDTH, 844);
        promoter.resize(1280, 900);
        promoter.open("/advance/" + session);
        promoter.waitUntil(d -> state(promoter).equals("Changed after agreement"));
        promoter.press(By.xpath("//vaadin-button[@aria-label='Accept 18:15 for Doors']"));
        promoter.waitUntil(d -> state(promoter).equals("Agreed"));
        everyPageSays(show, session, "18:15");
        editor.open("/advance/" + session);
        editor.waitUntil(d -> state(editor).equals("Agreed"));
        fitsThePhone(editor);
    }

    /** The show page, the shows list, My shows, the advance and the day sheet all give the doors as {@code time}. */
    private void everyPageSays(UUID show, UUID session, String time) {
        editor.open("/shows/" + show);
        editor.waitUntil(d -> editor.text(".show-facts").contains("Doors"));
        assertThat(editor.text(".show-facts")).as("show page").contains("Doors: " + time + " (Asia/Tokyo)");
        editor.waitUntil(d -> editor.text(".day-sheet").contains("Doors"));
        assertThat(dayRow(editor, "Doors")).as("day sheet").startsWith(time);
        editor.open("/shows");
        editor.waitUntil(d -> editor.text("vaadin-grid").contains("Neon Coast"));
        assertThat(editor.text("vaadin-grid")).as("shows list").contains(time + " Asia/Tokyo");
        promoter.open("/my-shows");
        promoter.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Neon Coast"));
        assertThat(promoter.driver().findElement(By.tagName("body")).getText())
                .as("My shows")
                .contains(time);
        editor.open("/advance/" + session);
        editor.waitUntil(d -> editor.text(".advance-facts").contains("Doors"));
        assertThat(editor.text(".advance-facts")).as("advance").contains("Doors " + time);
    }

    /** The day sheet's time for an item: grid cells come one per line, the time first. */
    private static String dayRow(Browser browser, String item) {
        List<String> lines = List.of(browser.text(".day-sheet").split("\n"));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(item)) {
                return lines.get(i - 1).strip();
            }
        }
        return "";
    }

    private static WebElement doorsCard(Browser browser) {
        return browser.waitFor(
                By.xpath(
                        "//div[contains(@class,'field-card')][div[contains(@class,'field-name')][normalize-space(.)='Doors']]"));
    }

    private static String state(Browser browser) {
        return doorsCard(browser)
                .findElement(By.cssSelector(".state-badge"))
                .getText()
                .strip();
    }

    private static void answer(Browser browser, String time) {
        browser.press(By.xpath("//vaadin-button[@aria-label='Edit Doors']"));
        WebElement input = browser.waitFor(By.cssSelector(".field-edit vaadin-time-picker input"));
        input.sendKeys(
                org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                time,
                org.openqa.selenium.Keys.ENTER);
        browser.press(By.xpath("//div[contains(@class,'field-edit')]//vaadin-button[normalize-space(.)='Save']"));
    }

    /** On a phone, the Doors card, both its values and every button of it are within the screen's width. */
    private static void fitsThePhone(Browser browser) {
        long width = browser.viewportWidth();
        assertThat(width).isLessThanOrEqualTo(PHONE_WIDTH);
        WebElement card = doorsCard(browser);
        List<WebElement> parts = new java.util.ArrayList<>(card.findElements(By.cssSelector(".side-value")));
        parts.addAll(card.findElements(By.cssSelector("vaadin-button")));
        parts.add(card.findElement(By.cssSelector(".state-badge")));
        assertThat(parts).hasSizeGreaterThanOrEqualTo(4);
        for (WebElement part : parts) {
            Rectangle r = part.getRect();
            assertThat(r.getX()).as(part.getText() + " starts on screen").isGreaterThanOrEqualTo(0);
            assertThat(r.getX() + r.getWidth())
                    .as(part.getText() + " ends on screen")
                    .isLessThanOrEqualTo((int) width);
        }
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }
}
