package app.roadbook.guests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.Setup;
import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
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
 * The guest list in a real browser: the promoter asks for a place from My shows, the organization's editor approves
 * it, the door list downloads as CSV with exactly the approved names and prints without the app's frame; on a phone
 * the guest list and the home page keep everything within the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestListBrowserTest {

    static final String PASSWORD = "test-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    GuestLists guests;

    Browser browser;
    UUID editor, promoter, show;

    @BeforeAll
    void aShowWithAGuestList() {
        browser = new Browser(port);
        UUID owner = fixtures.user("Owner");
        editor = fixtures.user("Edda");
        promoter = fixtures.user("Pia");
        UUID org = fixtures.organization("Guest Browser Touring", owner);
        fixtures.member(org, editor, "editor");
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Rockefeller Music Hall', 'Oslo', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, ?, 'The Auroras in Oslo, a long evening with friends') returning id",
                        UUID.class,
                        org,
                        venue,
                        LocalDate.now().plusDays(2));
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);
        fixtures.signIn(editor);
        guests.setUp(
                show, null, new Setup(6, 4, LocalDateTime.now().plusYears(1).withNano(0)));
        Fixtures.signOut();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    @Test
    void thePromoterAsksTheEditorApprovesAndTheDoorListHasTheApprovedNames() {
        browser.signOut();
        browser.signIn(email(promoter), PASSWORD);
        browser.waitUntil(d -> browser.currentPath().startsWith("/my-shows"));
        browser.press(By.cssSelector("a.my-show-guest-list"));
        browser.waitFor(By.cssSelector(".guest-list-title"));
        assertThat(browser.text(".guest-allotments")).isEqualTo("Promoter: 0 of 4 places taken, 4 left");
        browser.click("Add request");
        browser.fill("Guest name", "Lars Local");
        browser.fill("Plus-ones", "1");
        browser.clickInDialog("Request");
        browser.waitUntil(d -> browser.text(".guest-card").contains("Lars Local +1"));
        assertThat(browser.text(".guest-allotments")).isEqualTo("Promoter: 2 of 4 places taken, 2 left");
        // Over the allotment: the dialog says how many places are left and keeps what was typed.
        browser.click("Add request");
        browser.fill("Guest name", "Big Party");
        browser.fill("Plus-ones", "4");
        browser.clickInDialog("Request");
        browser.waitUntil(d -> browser.text(".form-problem")
                .equals("The promoter's allotment has 2 places left (2 of 4 taken): this request needs 5 places."));
        browser.clickInDialog("Cancel");

        browser.signOut();
        browser.signIn(email(editor), PASSWORD);
        browser.waitFor(By.cssSelector(".current-org"));
        browser.open("/shows/" + show + "/guests");
        browser.waitFor(By.cssSelector(".guest-card"));
        browser.press(By.cssSelector("vaadin-button[aria-label='Approve Lars Local']"));
        browser.waitUntil(d -> browser.text(".guest-status").equals("Approved"));

        Object csv = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const link = [...document.querySelectorAll('a')].find(a => a.textContent === 'Door list (CSV)');
                fetch(link.href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed ' + e));""");
        // Line by line: the CSV's exact bytes (CRLF, quoting) are GuestListsTest's; here, what the browser downloads.
        assertThat(((String) csv).lines())
                .containsExactly("Name,Plus-ones,Type,Allotment", "Lars Local,1,Guest,Promoter");

        browser.open("/shows/" + show + "/guests/door-list");
        browser.waitFor(By.cssSelector(".door-line"));
        assertThat(browser.text(".door-list-total")).isEqualTo("1 name, 2 people in all");
        // Printed, the door list is the page alone: no navigation, no buttons.
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
                .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(script("""
                            const layout = document.querySelector('vaadin-app-layout');
                            const hidden = e => !e || getComputedStyle(e).display === 'none';
                            return [hidden(layout.shadowRoot.querySelector('[part~="navbar"]')),
                                    hidden(layout.shadowRoot.querySelector('[part~="drawer"]')),
                                    [...document.querySelectorAll('.door-list-view .no-print')].every(hidden),
                                    !hidden(document.querySelector('.door-list'))].join()""")).isEqualTo("true,true,true,true");
        } finally {
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
                    .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void onAPhoneTheGuestListAndTheHomePageStayWithinTheScreen() {
        browser.signOut();
        browser.resize(390, 844);
        browser.signIn(email(editor), PASSWORD);
        browser.waitFor(By.cssSelector(".org-title"));
        assertThat(offScreen(".home-view h2, .home-line, .home-line-title, .home-line .fact, .empty-state a"))
                .isEqualTo("");
        browser.open("/shows/" + show + "/guests");
        browser.waitFor(By.cssSelector(".guest-list-title"));
        assertThat(browser.viewportWidth()).isLessThanOrEqualTo(390);
        assertThat(offScreen(".guest-list-title, .guest-allotment, .guest-cutoff, .guest-list-actions > *,"
                        + " .guest-card, .guest-card vaadin-button, .guest-card .fact"))
                .isEqualTo("");
        assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling")
                .isEqualTo(true);
    }

    /** Elements matching {@code css} that reach past the window's edges, named; empty when all fit. */
    private Object offScreen(String css) {
        return script("""
                return [...document.querySelectorAll('%s')]
                    .filter(e => { const r = e.getBoundingClientRect();
                                   return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1); })
                    .map(e => e.className + ' ' + e.textContent.slice(0, 30)).join(' | ');""".formatted(css));
    }
}
