package app.roadbook.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A tour manager builds a show day in a real browser (a crew-only load-in and a flight from Oslo to London that lands
 * on London's clock), then each reader downloads the printed day sheet and the test reads the PDF's text: the org's
 * editor sees everything, the promoter on a phone sees no crew-only item and no crew phone number. The page prints
 * without the app's frame and fits a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaySheetBrowserTest {

    static final String PASSWORD = "test-password-1";
    static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser manager;
    Browser promoter;

    @BeforeAll
    void start() {
        manager = new Browser(port);
        promoter = new Browser(port);
        promoter.resize(PHONE_WIDTH, 844);
    }

    @AfterAll
    void stop() {
        manager.close();
        promoter.close();
    }

    @Test
    void aTourManagerBuildsTheDayAndEachReaderGetsTheirOwnDaySheet() throws Exception {
        UUID owner = fixtures.user("Owner");
        UUID tmId = fixtures.user("Tourmanager");
        UUID promoterId = fixtures.user("Promoter");
        UUID org = fixtures.organization("Day Sheet Touring", owner);
        fixtures.member(org, tmId, "editor");
        var db = fixtures.owner();
        UUID artist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'Northern Sky') returning id", UUID.class, org);
        UUID venue = db.queryForObject("""
                insert into venues (org_id, name, address, city, country, timezone)
                values (?, 'O2 Shepherd''s Bush Empire', 'Shepherd''s Bush Green', 'London', 'GB', 'Europe/London')
                returning id""", UUID.class, org);
        UUID show = db.queryForObject("""
                insert into shows (org_id, artist_id, venue_id, date, title, status, doors_at)
                values (?, ?, ?, current_date + 20, 'Northern Sky in London', 'confirmed',
                        ((current_date + 20) + time '19:00') at time zone 'Europe/London') returning id""", UUID.class, org, artist, venue);
        UUID rigger = db.queryForObject(
                "insert into people (org_id, name, phone) values (?, 'Rita Rigger', '+44 7700 900123') returning id",
                UUID.class,
                org);
        db.update("insert into show_assignments (show_id, person_id, duty) values (?, ?, 'Rigger')", show, rigger);
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                show,
                promoterId,
                org);

        manager.signIn(email(tmId), PASSWORD);
        manager.waitFor(By.cssSelector(".current-org"));
        manager.open("/shows/" + show);
        manager.waitFor(By.cssSelector(".day-panel"));
        assertThat(manager.text(".day-sheet")).as("the show's own doors time").contains("19:00", "Doors");

        // A crew-only load-in on the venue's clock.
        manager.click("Add item");
        manager.chooseInSelect("Type", "Load-in");
        manager.fill("Starts (venue time)", "14:00");
        manager.fill("Ends (venue time, optional)", "16:30");
        manager.press(By.xpath("//vaadin-radio-button[normalize-space(.)='Crew only']"));
        manager.clickInDialog("Save");
        manager.waitUntil(d -> manager.text(".day-sheet").contains("Crew only"));

        // A flight from Oslo at 09:10 (Oslo time) landing 10:55 London time; first a typo in the zone.
        manager.click("Add item");
        manager.chooseInSelect("Type", "Travel");
        manager.fill("Title", "Flight SK 809 OSL-LHR");
        manager.fill("Departs", "09:10");
        manager.chooseInCombo("Departure time zone", "Europe/Oslo");
        manager.fill("Arrives", "10:55");
        manager.fill("Arrival time zone", "Europe/Londn");
        manager.clickInDialog("Save");
        manager.waitUntil(d -> manager.text(".form-problem").contains("Unknown time zone for the arrival"));
        manager.chooseInCombo("Arrival time zone", "Europe/London");
        manager.clickInDialog("Save");
        manager.waitUntil(d -> manager.text(".day-sheet").contains("Flight SK 809"));
        assertThat(manager.text(".day-sheet"))
                .contains("09:10 Europe/Oslo → 10:55 Europe/London", "14:00–16:30", "Load-in", "Crew only");

        // The editor's day sheet and its PDF: everything, crew phone numbers included.
        manager.press(By.cssSelector(".open-day-sheet"));
        manager.waitUntil(d -> manager.currentPath().endsWith("/day-sheet"));
        manager.waitFor(By.cssSelector(".sheet-schedule"));
        assertThat(manager.text(".day-sheet-page"))
                .contains("Northern Sky", "Flight SK 809", "Load-in", "Crew only", "Rita Rigger", "+44 7700 900123");
        String editorsPdf = pdfText(manager, ".pdf-a4");
        assertThat(editorsPdf)
                .contains("Northern Sky", "Flight SK 809", "09:10 Europe/Oslo -> 10:55 Europe/London")
                .contains("Load-in", "Crew only", "Rita Rigger", "+44 7700 900123");
        printsWithoutTheAppFrame(manager);

        // The promoter, on a phone, from My shows: no crew-only item, no crew.
        promoter.signIn(email(promoterId), PASSWORD);
        promoter.waitUntil(d -> promoter.currentPath().startsWith("/my-shows"));
        promoter.press(By.cssSelector(".my-show-day-sheet"));
        promoter.waitUntil(d -> promoter.currentPath().endsWith("/day-sheet"));
        promoter.waitFor(By.cssSelector(".sheet-schedule"));
        String page = promoter.text(".day-sheet-page");
        assertThat(page).contains("Northern Sky", "Flight SK 809", "Doors").doesNotContain("Load-in", "Rita", "+44");
        String promotersPdf = pdfText(promoter, ".pdf-letter");
        assertThat(promotersPdf)
                .contains("Northern Sky", "Flight SK 809", "Doors")
                .doesNotContain("Load-in", "Crew only", "Rita Rigger", "+44 7700 900123");
        fitsThePhone(promoter);
    }

    /** Downloads the PDF the link points at with the browser's own session, and reads its text. */
    private String pdfText(Browser browser, String link) throws IOException, InterruptedException {
        WebElement anchor = browser.waitFor(By.cssSelector(link));
        String href = anchor.getDomAttribute("href");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + href))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** With print media, the navbar, drawer and the page's tools are gone; the sheet stays. */
    private static void printsWithoutTheAppFrame(Browser browser) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".day-sheet-page .no-print"))
                            .isDisplayed())
                    .isFalse();
            assertThat(browser.driver().findElement(By.cssSelector(".navbar")).isDisplayed())
                    .isFalse();
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".sheet-schedule"))
                            .isDisplayed())
                    .isTrue();
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** Nothing of the sheet is wider than the phone: the page never scrolls sideways. */
    private static void fitsThePhone(Browser browser) {
        long width = browser.viewportWidth();
        assertThat(width).isLessThanOrEqualTo(PHONE_WIDTH);
        long scrollWidth = ((Number) ((ChromeDriver) browser.driver())
                        .executeScript("return document.querySelector('.day-sheet-page').scrollWidth"))
                .longValue();
        assertThat(scrollWidth).as("the sheet is as wide as the screen at most").isLessThanOrEqualTo(width);
        for (WebElement cell : browser.driver().findElements(By.cssSelector(".day-sheet-page td"))) {
            assertThat(cell.getRect().getX() + cell.getRect().getWidth())
                    .as(cell.getText() + " ends on screen")
                    .isLessThanOrEqualTo((int) width);
        }
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }
}
