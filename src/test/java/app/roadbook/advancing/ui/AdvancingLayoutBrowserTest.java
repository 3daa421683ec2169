package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The advance page and My shows as a browser lays them out (roadbook.css): on a wide screen each field is one row of
 * a table; on a 360 px phone each field is a card with nothing off-screen; a long advance is sections on a page that
 * scrolls, never a box inside it; a long show title wraps instead of being cut.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvancingLayoutBrowserTest {

    static final String PASSWORD = "test-password-1";
    static final String LONG_TITLE = "The Aurora Lights with the Northern Strings Orchestra and Friends, late show";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange exchange;

    Browser browser;
    UUID editor, promoter, session;

    @BeforeAll
    void anAdvanceWithLongValues() {
        browser = new Browser(port);
        UUID owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        promoter = fixtures.user("Promoter");
        UUID org = fixtures.organization("Layout Touring", owner);
        fixtures.member(org, editor, "editor");
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, ?, ?) returning id",
                        UUID.class,
                        org,
                        LocalDate.now().plusDays(12),
                        LONG_TITLE);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);
        fixtures.signIn(editor);
        session = exchange.createSession(org, show, "Layout advance", null, null);
        answer(
                true,
                "Catering",
                "Vegetarian dinner for twelve at 18:00, "
                        + "no-nuts-no-shellfish-and-absolutely-no-coriander-anywhere-near-the-green-room, coffee all day");
        answer(true, "Hotel", "Thon Hotel Opera, Dronning Eufemias gate 4, 0191 Oslo");
        fixtures.signIn(promoter);
        answer(false, "Hotel", "Comfort Hotel Grand Central at the station, Jernbanetorget 1, Oslo");
        answer(false, "Load-in", "14:30");
        Fixtures.signOut();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private void answer(boolean ours, String field, String value) {
        Row row = exchange.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
        Side side = ours ? row.ours() : row.theirs();
        exchange.setValue(side.fieldId(), side.version(), value);
    }

    private String email(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    private Object script(String js) {
        return browser.driver() instanceof org.openqa.selenium.JavascriptExecutor run ? run.executeScript(js) : null;
    }

    @Test
    void onAWideScreenEachFieldIsARowAndThePageScrolls() {
        browser.signOut();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.signIn(email(editor), PASSWORD);
        browser.waitFor(By.cssSelector(".current-org"));
        browser.open("/advance/" + session);
        browser.waitFor(By.cssSelector(".field-card"));

        // Name, both sides, state and actions of a field side by side: one row.
        @SuppressWarnings("unchecked")
        List<Number> tops = (List<Number>) script("""
                const card = [...document.querySelectorAll('.field-card')]
                    .find(c => c.querySelector('.field-name').textContent === 'Load-in');
                return [...card.children].map(c => Math.round(c.getBoundingClientRect().top));""");
        assertThat(tops).hasSize(5);
        assertThat(tops.stream().distinct()).hasSize(1);
        assertThat(script("return document.querySelectorAll('.advance-section > h3').length"))
                .as("a heading per section")
                .isEqualTo(6L);
        assertNoInnerScroll();
        assertNothingOffScreen();
    }

    @Test
    void onAPhoneEachFieldIsACardWithNothingOffScreen() {
        browser.signOut();
        browser.driver().manage().window().setSize(new Dimension(360, 780));
        browser.signIn(email(editor), PASSWORD);
        browser.waitFor(By.cssSelector(".current-org"));
        browser.open("/advance/" + session);
        browser.waitFor(By.cssSelector(".field-card"));

        @SuppressWarnings("unchecked")
        Map<String, Object> hotel = (Map<String, Object>) script("""
                const card = [...document.querySelectorAll('.field-card')]
                    .find(c => c.querySelector('.field-name').textContent === 'Hotel');
                const top = s => Math.round(card.querySelector(s).getBoundingClientRect().top);
                return {name: top('.field-name'), mine: top('.field-side.mine'), other: top('.field-side.other'),
                        state: top('.field-state'), actions: top('.field-actions'),
                        accept: card.querySelector('.field-actions vaadin-button[theme~="primary"]') !== null};""");
        assertThat(hotel.get("accept")).as("the reader's action is there").isEqualTo(true);
        assertThat(((Number) hotel.get("name")).longValue()).isLessThan(((Number) hotel.get("mine")).longValue());
        assertThat(((Number) hotel.get("mine")).longValue()).isLessThan(((Number) hotel.get("other")).longValue());
        assertThat(((Number) hotel.get("other")).longValue()).isLessThan(((Number) hotel.get("state")).longValue());
        assertThat(((Number) hotel.get("state")).longValue()).isLessThan(((Number) hotel.get("actions")).longValue());
        assertNoInnerScroll();
        assertNothingOffScreen();
    }

    @Test
    void onAPhoneMyShowsWrapsALongTitleInsteadOfCuttingIt() {
        browser.signOut();
        browser.driver().manage().window().setSize(new Dimension(360, 780));
        browser.signIn(email(promoter), PASSWORD);
        browser.waitUntil(d -> browser.currentPath().startsWith("/my-shows"));
        browser.waitFor(By.cssSelector(".my-show-title"));
        assertThat(browser.text(".my-show-title")).isEqualTo(LONG_TITLE);
        @SuppressWarnings("unchecked")
        Map<String, Object> title = (Map<String, Object>) script("""
                const t = document.querySelector('.my-show-title');
                const r = t.getBoundingClientRect();
                return {right: r.right, width: window.innerWidth, scroll: t.scrollWidth, client: t.clientWidth,
                        lines: Math.round(r.height / parseFloat(getComputedStyle(t).lineHeight))};""");
        assertThat(((Number) title.get("right")).doubleValue())
                .isLessThanOrEqualTo(((Number) title.get("width")).doubleValue());
        assertThat(((Number) title.get("scroll")).longValue())
                .as("nothing of the title hidden")
                .isLessThanOrEqualTo(((Number) title.get("client")).longValue());
        assertThat(((Number) title.get("lines")).longValue()).as("it wraps").isGreaterThan(1);
        assertThat(script("""
                        return [...document.querySelectorAll('.my-show, .my-advance-title, .advance-figure')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length""")).isEqualTo(0L);
    }

    /** Whatever scrolls vertically is the page's own scroller, not a box inside the advance. */
    private void assertNoInnerScroll() {
        assertThat(script("""
                        const boxes = [];
                        for (let e = document.querySelector('.advance-sections'); e; e = e.parentElement) {
                            const y = getComputedStyle(e).overflowY;
                            if ((y === 'auto' || y === 'scroll') && e.scrollHeight > e.clientHeight + 1
                                    && e !== document.scrollingElement && e.tagName !== 'BODY') {
                                boxes.push(e.tagName + '.' + e.className);
                            }
                        }
                        const view = document.querySelector('.advance-view');
                        if (view.scrollHeight > view.clientHeight + 1) boxes.push('advance-view clips its content');
                        return boxes.join(', ');""")).isEqualTo("");
    }

    /** Every field card, value and button within the window's width. */
    private void assertNothingOffScreen() {
        assertThat(script("""
                        return [...document.querySelectorAll(
                                '.field-card, .field-name, .side-value, .field-state, .field-actions vaadin-button,'
                                + ' .advance-facts .fact, .advance-housekeeping vaadin-button')]
                            .filter(e => { const r = e.getBoundingClientRect();
                                           return r.right > window.innerWidth + 1 || r.left < -1; })
                            .map(e => e.className + ' ' + e.textContent.slice(0, 30)).join(' | ');""")).isEqualTo("");
    }
}
