package app.roadbook.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Personal calendar feeds, read back with biweekly (an iCalendar parser independent of the ical4j that writes
 * them): items at the right instants on both sides of a daylight-saving change, each reader seeing exactly what RLS
 * shows them (no crew-only item for the promoter), and an address that stops working at once when it is replaced,
 * revoked, or its owner loses access.
 */
@RoadbookTest
class CalendarFeedsTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    Calendars calendars;

    @Autowired
    FeedController controller;

    @Autowired
    Fixtures fixtures;

    UUID owner, viewer, promoter, stranger, org, otherOrg, before, after, otherShow;
    UUID setBefore, setAfter, busCall;

    /** The last Sunday of March after today: Europe/Oslo moves from +01:00 to +02:00 at 02:00 that night. */
    LocalDate dstDay;

    @BeforeEach
    void twoShowsInOsloAroundTheChange() {
        LocalDate march = LocalDate.now().plusMonths(1).withMonth(3).withDayOfMonth(31);
        if (!march.isAfter(LocalDate.now().plusDays(1))) {
            march = march.plusYears(1);
        }
        dstDay = march.with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        assertThat(OSLO.getRules().getOffset(dstDay.atStartOfDay()).getTotalSeconds())
                .isEqualTo(3600);
        assertThat(OSLO.getRules().getOffset(dstDay.atTime(12, 0)).getTotalSeconds())
                .isEqualTo(7200);

        owner = fixtures.user("Owner");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        stranger = fixtures.user("Stranger");
        org = fixtures.organization("Feed Co", owner);
        otherOrg = fixtures.organization("Other Co", stranger);
        fixtures.member(org, viewer, "viewer");
        var db = fixtures.owner();
        UUID artist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'The Auroras') returning id", UUID.class, org);
        UUID venue = db.queryForObject(
                "insert into venues (org_id, name, address, city, country, timezone) values (?, 'Sentrum Scene',"
                        + " 'Arbeidersamfunnets plass 1', 'Oslo', 'NO', 'Europe/Oslo') returning id",
                UUID.class,
                org);
        before = show(org, artist, venue, dstDay.minusDays(1));
        after = show(org, artist, venue, dstDay);
        otherShow = db.queryForObject(
                "insert into shows (org_id, date, title) values (?, ?, 'Elsewhere') returning id",
                UUID.class,
                otherOrg,
                dstDay);
        setBefore = item(before, dstDay.minusDays(1) + " 21:00", dstDay.minusDays(1) + " 22:30", "set_time", "all");
        setAfter = item(after, dstDay + " 21:00", dstDay + " 22:30", "set_time", "all");
        busCall = item(after, dstDay + " 10:00", null, "bus_call", "crew");
        for (UUID show : List.of(before, after)) {
            db.update(
                    "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                    show,
                    promoter,
                    org);
        }
    }

    private UUID show(UUID orgId, UUID artist, UUID venue, LocalDate date) {
        return fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, artist_id, venue_id, date, title, doors_at) values (?, ?, ?, ?,"
                                + " 'Oslo', (?::date + time '19:00') at time zone 'Europe/Oslo') returning id",
                        UUID.class,
                        orgId,
                        artist,
                        venue,
                        date,
                        date);
    }

    private UUID item(UUID show, String starts, String ends, String type, String audience) {
        return fixtures.owner()
                .queryForObject(
                        "insert into schedule_items (org_id, show_id, starts_at, ends_at, title, item_type, visibility)"
                                + " values (?, ?, ?::timestamp at time zone 'Europe/Oslo',"
                                + " ?::timestamp at time zone 'Europe/Oslo', ?, ?, ?) returning id",
                        UUID.class,
                        org,
                        show,
                        starts,
                        ends,
                        type.equals("set_time") ? "Set" : "Bus call",
                        type,
                        audience);
    }

    /** A new address for the user, as they would copy it; the token is its last path segment. */
    private String issue(UUID user) {
        fixtures.signIn(user);
        String url = feeds.issue();
        Fixtures.signOut();
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    private ResponseEntity<String> fetch(String token) {
        Fixtures.signOut();
        return controller.feed(token);
    }

    private static Map<String, VEvent> events(String ics) {
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar).as("the feed parses").isNotNull();
        return calendar.getEvents().stream()
                .collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
    }

    private static Instant start(VEvent event) {
        return event.getDateStart().getValue().toInstant();
    }

    @Test
    void aMembersFeedHasEveryShowAndItemAtTheRightInstantAcrossTheChange() {
        ResponseEntity<String> response = fetch(issue(owner));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
        String ics = response.getBody();
        Map<String, VEvent> events = events(ics);

        assertThat(events.keySet())
                .containsExactlyInAnyOrder(
                        "show-" + before + "@roadbook",
                        "show-" + after + "@roadbook",
                        "item-" + setBefore + "@roadbook",
                        "item-" + setAfter + "@roadbook",
                        "item-" + busCall + "@roadbook");
        // 21:00 in Oslo is 20:00 UTC before the change and 19:00 UTC after it.
        VEvent saturday = events.get("item-" + setBefore + "@roadbook");
        VEvent sunday = events.get("item-" + setAfter + "@roadbook");
        assertThat(start(saturday)).isEqualTo(dstDay.minusDays(1).atTime(20, 0).toInstant(java.time.ZoneOffset.UTC));
        assertThat(start(sunday)).isEqualTo(dstDay.atTime(19, 0).toInstant(java.time.ZoneOffset.UTC));
        assertThat(sunday.getDateEnd().getValue().toInstant())
                .isEqualTo(dstDay.atTime(20, 30).toInstant(java.time.ZoneOffset.UTC));
        assertThat(sunday.getSummary().getValue()).isEqualTo("Set – The Auroras – Sentrum Scene, Oslo");
        // On the venue's clock with its VTIMEZONE, not as UTC or floating times.
        assertThat(ics.split("BEGIN:VTIMEZONE", -1)).hasSize(2);
        assertThat(ics).contains("\r\nTZID:Europe/Oslo\r\n").doesNotContain("Europe/Berlin");
        assertThat(ics.replace("\r\n ", ""))
                .contains("DTSTART;TZID=Europe/Oslo:" + dstDay.toString().replace("-", "") + "T210000");
        // A show is an all-day event on its date at its venue, doors in the description.
        VEvent show = events.get("show-" + after + "@roadbook");
        assertThat(show.getDateStart().getValue().hasTime()).isFalse();
        assertThat(show.getLocation().getValue()).isEqualTo("Sentrum Scene, Arbeidersamfunnets plass 1, Oslo, NO");
        assertThat(show.getDescription().getValue()).isEqualTo("Doors 19:00 (Europe/Oslo)");
        // Nothing of another org.
        assertThat(ics).doesNotContain(otherShow.toString());
    }

    @Test
    void thePromotersFeedLacksCrewOnlyItemsAndAViewerSeesThem() {
        Map<String, VEvent> promoterEvents = events(fetch(issue(promoter)).getBody());
        assertThat(promoterEvents.keySet())
                .containsExactlyInAnyOrder(
                        "show-" + before + "@roadbook",
                        "show-" + after + "@roadbook",
                        "item-" + setBefore + "@roadbook",
                        "item-" + setAfter + "@roadbook");
        assertThat(events(fetch(issue(viewer)).getBody())).containsKey("item-" + busCall + "@roadbook");
        assertThat(events(fetch(issue(stranger)).getBody()).keySet())
                .containsExactly("show-" + otherShow + "@roadbook");
    }

    @Test
    void aReplacedOrRevokedAddressAnswers404AndOnlyItsHashIsStored() {
        String first = issue(owner);
        assertThat(fetch(first).getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] stored = fixtures.owner()
                .queryForObject("select token_hash from calendar_feeds where user_id = ?", byte[].class, owner);
        assertThat(stored).isEqualTo(CalendarFeeds.sha256(first));
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(first);

        String second = issue(owner);
        assertThat(fetch(first).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fetch(first).getBody()).isNull();
        assertThat(fetch(second).getStatusCode()).isEqualTo(HttpStatus.OK);

        fixtures.signIn(owner);
        assertThat(feeds.myFeedSince()).isPresent();
        assertThat(feeds.revoke()).isTrue();
        assertThat(feeds.myFeedSince()).isEmpty();
        assertThat(fetch(second).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fetch(second).getBody()).isNull();
        assertThat(fetch("not-a-token").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fetch("A".repeat(43)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where user_id = ? and resource_type = 'calendar_feed'"
                                        + " order by created_at, action",
                                String.class,
                                owner))
                .containsExactlyInAnyOrder(
                        "account.calendar_feed.created",
                        "account.calendar_feed.regenerated",
                        "account.calendar_feed.revoked");
    }

    @Test
    void lostAccessTakesEffectOnTheNextFetch() {
        String promoterToken = issue(promoter);
        String viewerToken = issue(viewer);
        fixtures.owner().update("delete from show_collaborators where show_id = ? and user_id = ?", after, promoter);
        assertThat(events(fetch(promoterToken).getBody()).keySet())
                .containsExactlyInAnyOrder("show-" + before + "@roadbook", "item-" + setBefore + "@roadbook");

        fixtures.owner().update("delete from org_members where org_id = ? and user_id = ?", org, viewer);
        assertThat(events(fetch(viewerToken).getBody())).isEmpty();

        fixtures.owner().update("update app_users set disabled_at = now() where id = ?", promoter);
        assertThat(fetch(promoterToken).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCalendarPageShowsTheOrgsShowsToMembersOnly() {
        fixtures.signIn(viewer);
        CalendarPage page = calendars.orgCalendar(org, dstDay.withDayOfMonth(1), dstDay.withDayOfMonth(31));
        assertThat(page.shows()).extracting(CalendarShow::showId).containsExactly(before, after);
        assertThat(page.items()).extracting(CalendarItem::id).containsExactly(setBefore, busCall, setAfter);
        assertThat(page.items().get(2).starts().toLocalTime()).hasToString("21:00");

        fixtures.signIn(promoter);
        assertThatThrownBy(() -> calendars.orgCalendar(org, dstDay.withDayOfMonth(1), dstDay.withDayOfMonth(31)))
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }
}
