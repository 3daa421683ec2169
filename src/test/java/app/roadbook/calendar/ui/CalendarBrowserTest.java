package app.roadbook.calendar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Browser;
import app.roadbook.support.Fixtures;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The Calendar page on a phone in real Chromium: the month fits the screen, the list has the times, a feed is made. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserTest {

    static final String PASSWORD = "test-password-1";
    static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser phone;

    @BeforeAll
    void start() {
        phone = new Browser(port);
        phone.resize(PHONE_WIDTH, 844);
    }

    @AfterAll
    void stop() {
        phone.close();
    }

    @Test
    void theMonthFitsAPhoneAndTheListCarriesTheTimes() {
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Phone Calendar Co", owner);
        var db = fixtures.owner();
        UUID artist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'Northern Sky') returning id", UUID.class, org);
        UUID venue = db.queryForObject(
                "insert into venues (org_id, name, city, timezone) values (?, 'Roundhouse', 'London', 'Europe/London')"
                        + " returning id",
                UUID.class,
                org);
        LocalDate today = LocalDate.now();
        UUID show = db.queryForObject(
                "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, ?, 'London') returning id",
                UUID.class,
                org,
                artist,
                venue,
                today);
        db.update(
                "insert into schedule_items (org_id, show_id, starts_at, ends_at, title, item_type)"
                        + " values (?, ?, (?::date + time '21:00') at time zone 'Europe/London',"
                        + " (?::date + time '22:30') at time zone 'Europe/London', 'Set', 'set_time')",
                org,
                show,
                today,
                today);
        String email = db.queryForObject("select email::text from app_users where id = ?", String.class, owner);

        phone.signIn(email, PASSWORD);
        phone.waitFor(By.cssSelector(".current-org"));
        phone.open("/calendar");
        phone.waitFor(By.cssSelector(".calendar-month .calendar-show"));
        assertThat(phone.text(".calendar-month")).contains("Northern Sky – Roundhouse, London");
        long width = phone.viewportWidth();
        assertThat(width).isLessThanOrEqualTo(PHONE_WIDTH);
        long scrollWidth = ((Number) ((ChromeDriver) phone.driver())
                        .executeScript("return document.querySelector('.calendar-view').scrollWidth"))
                .longValue();
        assertThat(scrollWidth).as("the calendar never scrolls sideways").isLessThanOrEqualTo(width);

        phone.press(By.xpath("//vaadin-tab[normalize-space(.)='List']"));
        phone.waitFor(By.cssSelector(".calendar-list-day"));
        assertThat(phone.text(".calendar-list")).contains("21:00–22:30 Set – Northern Sky – Roundhouse, London");

        // Below the month on a phone: brought to the middle of the screen first, clear of the bottom edge.
        var create = phone.waitFor(By.xpath("//vaadin-button[normalize-space(.)='Create feed address']"));
        ((ChromeDriver) phone.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", create);
        create.click();
        phone.waitUntil(d -> ((String)
                        ((ChromeDriver) d)
                                .executeScript(
                                        "const f = document.querySelector('.feed-panel vaadin-text-field'); return f ? f.value : ''"))
                .contains("/feeds/"));
    }
}
