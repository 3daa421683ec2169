package app.roadbook.files.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An editor fills the library in a real browser: two files picked at once (a real PDF and HTML dressed as one), the
 * page says which was refused and why, lists the other, opens its page with its version and audience, uploads a new
 * version and moves it to the bin; on a phone the page stays within the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    UUID org;

    @BeforeAll
    void signIn() {
        browser = new Browser(port);
        org = fixtures.organization("Library Browser Touring", fixtures.user("Owner"));
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
    void uploadSeveralOpenOneUploadAVersionAndMoveItToTheBin() throws Exception {
        Path folder = Files.createTempDirectory("roadbook-upload");
        Path rider = folder.resolve("Tour rider.pdf");
        Files.write(rider, "%PDF-1.4\n% Tour rider\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Path fake = folder.resolve("Stage plot.pdf");
        Files.writeString(fake, "<!DOCTYPE html><html><script>alert(1)</script></html>");
        Path second = folder.resolve("Tour rider v2.pdf");
        Files.write(
                second,
                "%PDF-1.4\n% Tour rider, version 2\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        browser.open("/files");
        browser.waitFor(By.xpath("//h2[normalize-space(.)='Files']"));
        assertThat(browser.text(".empty-state")).startsWith("No files yet.");
        fileInput(browser.waitFor(By.tagName("vaadin-upload"))).sendKeys(rider + "\n" + fake);

        browser.waitUntil(d -> browser.text(".result-count").equals("1 file"));
        browser.waitFor(By.xpath("//vaadin-notification-card[contains(., 'Stage plot.pdf is not a document')]"));
        assertThat(fixtures.owner().queryForList("select original_name from files where org_id = ?", String.class, org))
                .containsExactly("Tour rider.pdf");

        browser.waitFor(By.xpath("//a[normalize-space(.)='Tour rider.pdf']")).click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/files/"));
        browser.waitFor(By.xpath("//a[normalize-space(.)='Version 1 (current)']"));
        browser.waitFor(By.xpath("//h3[normalize-space(.)='Who can see this?']"));
        assertThat(browser.text(".audience-line")).contains("of the organization");
        WebElement download = browser.waitFor(By.cssSelector("a.download-file"));
        assertThat(download.getAttribute("download")).isNotNull();

        List<WebElement> uploads = browser.driver().findElements(By.tagName("vaadin-upload"));
        fileInput(uploads.getLast()).sendKeys(second.toString());
        browser.waitFor(By.xpath("//a[normalize-space(.)='Version 2 (current)']"));
        browser.waitFor(By.xpath("//a[normalize-space(.)='Version 1']"));

        browser.resize(390, 844);
        browser.open("/files");
        browser.waitFor(By.xpath("//h2[normalize-space(.)='Files']"));
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        browser.resize(1280, 900);

        browser.waitFor(By.xpath("//a[normalize-space(.)='Tour rider v2.pdf']")).click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/files/"));
        browser.click("Move to bin");
        browser.waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[normalize-space(.)='Move to bin'] | "
                        + "//vaadin-confirm-dialog-overlay//vaadin-button[normalize-space(.)='Move to bin']"))
                .click();
        browser.waitUntil(d -> browser.currentPath().equals("/files"));
        browser.waitUntil(d -> browser.text(".result-count").equals("0 files"));
        browser.waitFor(By.xpath("//vaadin-details-summary[contains(., 'Bin (1)')]"));
    }

    /** The upload's file input: in its shadow root, or in its light DOM. */
    private static WebElement fileInput(WebElement upload) {
        SearchContext shadow = upload.getShadowRoot();
        List<WebElement> inShadow = shadow.findElements(By.cssSelector("input[type=file]"));
        return inShadow.isEmpty() ? upload.findElement(By.cssSelector("input[type=file]")) : inShadow.getFirst();
    }
}
