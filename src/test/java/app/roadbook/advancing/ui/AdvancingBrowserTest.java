package app.roadbook.advancing.ui;

import app.roadbook.demo.DemoData;
import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two browsers: the editor fills our side, the promoter theirs, the editor confirms, the day sheet shows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvancingBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
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
        UUID session = fixtures.owner().queryForObject("select id from advancing_sessions where title = 'Copenhagen advance'", UUID.class);
        UUID show = fixtures.owner().queryForObject("select show_id from advancing_sessions where id = ?", UUID.class, session);

        editor.signIn("editor@roadbook.demo", DemoData.PASSWORD);
        editor.waitFor(By.cssSelector(".current-org"));
        editor.open("/advance/" + session);
        editor.press(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Doors']"));
        type(editor, ".ours-editor input", "19:00");
        editor.clickInDialog("Save our side");
        editor.waitUntil(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='19:00']")).isEmpty());

        promoter.signIn("promoter@roadbook.demo", DemoData.PASSWORD);
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/my-shows"));
        promoter.press(By.xpath("//vaadin-grid-cell-content[contains(., 'Copenhagen')]"));
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/advance/"));
        promoter.press(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Doors']"));
        assertThat(promoter.driver().findElements(By.xpath("//vaadin-button[normalize-space(.)='Save our side']"))
                .stream().noneMatch(WebElement::isDisplayed)).isTrue();
        type(promoter, ".theirs-editor input", "19:30");
        promoter.clickInDialog("Save promoter side");
        promoter.waitUntil(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='19:30']")).isEmpty());

        editor.open("/advance/" + session);
        editor.press(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Doors']"));
        editor.clickInDialog("Confirm promoter's");
        editor.waitUntil(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='19:30 ✓']")).isEmpty());

        editor.open("/shows/" + show);
        editor.waitUntil(d -> editor.text(".day-sheet").contains("Doors"));
        assertThat(editor.driver().findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='19:30']"))).isNotEmpty();
    }

    private static void type(Browser browser, String css, String value) {
        WebElement input = browser.waitFor(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER);
    }
}
