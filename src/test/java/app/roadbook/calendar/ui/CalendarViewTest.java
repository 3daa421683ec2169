package app.roadbook.calendar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Calendar page as a member reads it (this month's show and its items on the venue's clock, as a grid and as a
 * list), and the feed panel: create, regenerate and revoke, each confirmed where it destroys, for a member and for a
 * collaborator on the Calendar feed page.
 */
@RoadbookTest
class CalendarViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    UUID owner, promoter, org, show;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aShowThisMonth() {
        owner = fixtures.user("Owner");
        promoter = fixtures.user("Promoter");
        org = fixtures.organization("Calendar Co", owner);
        var db = fixtures.owner();
        UUID artist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'The Auroras') returning id", UUID.class, org);
        UUID venue = db.queryForObject(
                "insert into venues (org_id, name, city, timezone) values (?, 'Sentrum Scene', 'Oslo',"
                        + " 'Europe/Oslo') returning id",
                UUID.class,
                org);
        show = db.queryForObject(
                "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, ?, 'Oslo') returning id",
                UUID.class,
                org,
                artist,
                venue,
                today);
        db.update(
                "insert into schedule_items (org_id, show_id, starts_at, ends_at, title, item_type, visibility)"
                        + " values (?, ?, (?::date + time '21:00') at time zone 'Europe/Oslo',"
                        + " (?::date + time '22:30') at time zone 'Europe/Oslo', 'Set', 'set_time', 'crew')",
                org,
                show,
                today,
                today);
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                show,
                promoter,
                org);
    }

    @Test
    void aMemberSeesTheMonthAsAGridAndAsAListAndManagesTheirFeed() {
        fixtures.signIn(owner);
        CalendarView view = navigate("calendar", CalendarView.class);
        assertThat(view.empty.isVisible()).isFalse();
        assertThat(view.month.getElement().getTextRecursively())
                .contains("The Auroras – Sentrum Scene, Oslo", "21:00–22:30 Set");
        test(view.views).select(1);
        assertThat(view.list.isVisible()).isTrue();
        assertThat(view.month.isVisible()).isFalse();
        assertThat(view.list.getElement().getTextRecursively())
                .contains(CalendarView.DAY.format(today), "21:00–22:30 Set – The Auroras – Sentrum Scene, Oslo");

        FeedPanel panel = view.feedPanel;
        assertThat(panel.state.getText()).isEqualTo("You have no feed address.");
        assertThat(panel.regenerate.isVisible()).isFalse();
        test(panel.create).click();
        String first = panel.address.getValue();
        assertThat(first).contains("/feeds/").endsWith(".ics");
        assertThat(panel.address.isVisible()).isTrue();
        assertThat(panel.create.isVisible()).isFalse();

        test(panel.regenerate).click();
        test($(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single())
                .confirm();
        assertThat(panel.address.getValue()).isNotEqualTo(first).contains("/feeds/");

        test(panel.revoke).click();
        test($(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single())
                .confirm();
        assertThat(panel.address.isVisible()).isFalse();
        assertThat(panel.state.getText()).isEqualTo("You have no feed address.");
        assertThat(panel.create.isVisible()).isTrue();
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from calendar_feeds where user_id = ?", Long.class, owner))
                .isZero();
    }

    @Test
    void anEmptyMonthSaysSo() {
        fixtures.signIn(owner);
        CalendarView view = navigate("calendar", CalendarView.class);
        test(view.next).click();
        test(view.next).click();
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).startsWith("No shows in ");
    }

    @Test
    void aCollaboratorMakesTheirFeedFromTheCalendarFeedPage() {
        fixtures.signIn(promoter);
        CalendarFeedView view = navigate("calendar-feed", CalendarFeedView.class);
        test(view.panel.create).click();
        assertThat(view.panel.address.getValue()).contains("/feeds/");
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from calendar_feeds where user_id = ?", Long.class, promoter))
                .isOne();
    }
}
