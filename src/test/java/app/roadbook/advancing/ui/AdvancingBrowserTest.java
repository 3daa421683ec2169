package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two browsers: the editor answers the artist team's side of a field, the promoter accepts it, the field is agreed
 * and the show's day sheet has it; on the test's own organization and accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvancingBrowserTest {

    static final String PASSWORD = "test-password-1";

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
    }

    @AfterAll
    void stop() {
        editor.close();
        promoter.close();
    }

    @Test
    void theEditorAndThePromoterCompleteAFieldAndTheScheduleShowsIt() {
        // The test's own organization: an editor, and a promoter granted one show, which has an advance.
        UUID owner = fixtures.user("Owner");
        UUID editorId = fixtures.user("Editor");
        UUID promoterId = fixtures.user("Promoter");
        UUID org = fixtures.organization("Browser Touring", owner);
        fixtures.member(org, editorId, "editor");
        UUID venue = fixtures.owner().queryForObject("""
                insert into venues (org_id, name, city, timezone) values (?, 'Vega', 'Copenhagen', 'Europe/Copenhagen') returning id""", UUID.class, org);
        UUID show = fixtures.owner().queryForObject("""
                insert into shows (org_id, venue_id, date, title) values (?, ?, current_date + 30, 'Copenhagen night') returning id""", UUID.class, org, venue);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoterId,
                        org);
        fixtures.signIn(editorId);
        UUID session = exchange.createSession(org, show, "Copenhagen advance", null, null);
        Fixtures.signOut();

        editor.signIn(email(editorId), PASSWORD);
        editor.waitFor(By.cssSelector(".current-org"));
        // The editor answers the doors inline on the artist team's side.
        editor.open("/advance/" + session);
        editor.press(By.cssSelector("vaadin-button[aria-label='Edit Doors']"));
        type(editor, ".field-editor input", "19:00");
        editor.press(By.xpath(card("Doors") + "//vaadin-button[normalize-space(.)='Save']"));
        editor.waitUntil(d ->
                editor.text(".field-card[data-state='waiting_for_promoter']").contains("Doors"));

        // The promoter lands on their shows, opens the advance, and accepts the artist team's doors.
        promoter.signIn(email(promoterId), PASSWORD);
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/my-shows"));
        promoter.press(By.xpath("//vaadin-grid-cell-content[contains(., 'Copenhagen')]"));
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/advance/"));
        assertThat(promoter.waitFor(By.xpath(card("Doors"))).getText()).contains("Your side", "Artist team");
        assertThat(promoter.driver().findElements(By.xpath(card("Load-in") + "//vaadin-button[contains(., 'Accept')]")))
                .as("nothing to accept where the artist team has not answered")
                .isEmpty();
        promoter.press(By.cssSelector("vaadin-button[aria-label='Accept 19:00 for Doors']"));
        promoter.waitUntil(
                d -> promoter.text(".field-card[data-state='agreed']").contains("Doors"));
        // Scrolled out of sight by now, so read from the page rather than as shown.
        assertThat(promoter.driver()
                        .findElement(By.cssSelector(".total-progress"))
                        .getDomProperty("textContent"))
                .isEqualTo("1 of 19 agreed");

        // The agreed doors are the show's: its day sheet has them.
        editor.open("/shows/" + show);
        editor.waitUntil(d -> editor.text(".day-sheet").contains("Doors"));
        assertThat(editor.driver().findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='19:00']")))
                .isNotEmpty();
    }

    /** The card of one field on the advance page. */
    private static String card(String field) {
        return "//div[contains(@class, 'field-card')][div[contains(@class, 'field-name') and normalize-space(.)='"
                + field + "']]";
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    private static void type(Browser browser, String css, String value) {
        WebElement input = browser.waitFor(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER);
    }
}
