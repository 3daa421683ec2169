package app.roadbook;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.parsing.ParsingInbox;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, item 1: every page has a browser title of its own (a tab, a bookmark and the history say which page it
 * is), and a page about one thing names it ("Oslo · 15 Jan 2027 · Roadbook"). Walks every route of the app, each as
 * someone who may open it; a new route fails {@link #titles} until it is walked here.
 */
@RoadbookTest
class PageTitlesTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    ParsingInbox parsingInbox;

    @Test
    void titles() {
        JdbcTemplate db = fixtures.owner();
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Titles Touring", owner);
        UUID venue = db.queryForObject(
                "insert into venues (org_id, name, city, timezone) values (?, 'Sentrum Scene', 'Oslo', 'Europe/Oslo')"
                        + " returning id",
                UUID.class,
                org);
        UUID show = db.queryForObject(
                "insert into shows (org_id, venue_id, date) values (?, ?, date '2027-01-15') returning id",
                UUID.class,
                org,
                venue);
        db.update(
                "insert into guest_lists (org_id, show_id, artist_allotment, promoter_allotment) values (?, ?, 10, 10)",
                org,
                show);
        UUID contact = db.queryForObject(
                "insert into contacts (org_id, name) values (?, 'Sara Promoter') returning id", UUID.class, org);
        UUID person = db.queryForObject(
                "insert into people (org_id, name) values (?, 'Dana Driver') returning id", UUID.class, org);
        UUID file = db.queryForObject(
                "insert into files (org_id, show_id, storage_path, original_name, content_type, size_bytes)"
                        + " values (?, ?, 'titles/' || gen_random_uuid(), 'Stage plot.pdf', 'application/pdf', 10)"
                        + " returning id",
                UUID.class,
                org,
                show);
        fixtures.signIn(owner);
        UUID session = advancing.createSession(org, show, "Oslo advance", null, null);
        UUID parsed = parsingInbox.paste(org, "Subject: Offer Sentrum Scene\nDate: 2027-03-01\nVenue: Sentrum Scene\n");
        String parsedTitle = parsingInbox.review(parsed).title();
        Fixtures.signOut();
        UUID admin = fixtures.platformAdmin();

        // Route → (who opens it, the path, what the title must name).
        Map<String, Visit> visits = new LinkedHashMap<>();
        for (String plain : List.of(
                "",
                "my-shows",
                "dev/outbox",
                "calendar",
                "calendar-feed",
                "advancing",
                "contacts",
                "crew",
                "shows",
                "tour-book",
                "members",
                "files",
                "venues",
                "artists",
                "advancing-templates",
                "invitations",
                "billing",
                "audit",
                "inbox")) {
            visits.put(plain, new Visit(owner, plain, null));
        }
        visits.put("shows/:showId", new Visit(owner, "shows/" + show, "Oslo · 15 Jan 2027"));
        visits.put("shows/:showId/day-sheet", new Visit(owner, "shows/" + show + "/day-sheet", "Day sheet"));
        visits.put("shows/:showId/guests", new Visit(owner, "shows/" + show + "/guests", "Guest list · "));
        visits.put(
                "shows/:showId/guests/door-list",
                new Visit(owner, "shows/" + show + "/guests/door-list", "Door list · "));
        visits.put("advance/:sessionId", new Visit(owner, "advance/" + session, "Oslo advance"));
        visits.put("advance/:sessionId/mails", new Visit(owner, "advance/" + session + "/mails", "Oslo advance"));
        visits.put("contacts/:contactId", new Visit(owner, "contacts/" + contact, "Sara Promoter"));
        visits.put("crew/:personId", new Visit(owner, "crew/" + person, "Dana Driver"));
        visits.put("inbox/:itemId", new Visit(owner, "inbox/" + parsed, parsedTitle));
        visits.put("files/:fileId", new Visit(owner, "files/" + file, "Stage plot.pdf"));
        visits.put("admin/billing", new Visit(admin, "admin/billing", null));
        visits.put("admin/accounts", new Visit(admin, "admin/accounts", null));
        visits.put("admin/slow-queries", new Visit(admin, "admin/slow-queries", null));
        visits.put("admin/waitlist", new Visit(admin, "admin/waitlist", null));
        visits.put("login", new Visit(null, "login", null));
        visits.put("waitlist", new Visit(null, "waitlist", null));
        visits.put("invite/:token", new Visit(null, "invite/" + UUID.randomUUID(), null));

        Set<String> registered = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(visits.keySet()))
                .as("walk the new route here, as someone who may open it")
                .isEqualTo(registered);

        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (var entry : visits.entrySet()) {
            Visit visit = entry.getValue();
            cleanVaadinEnvironment();
            Fixtures.signOut();
            if (visit.as() != null) {
                fixtures.signIn(visit.as());
            }
            initVaadinEnvironment();
            navigate(visit.path(), Component.class);
            Component view = (Component) getCurrentView();
            Class<? extends Component> target = RouteConfiguration.forApplicationScope()
                    .getRoute(visit.path())
                    .orElseThrow();
            String title = UI.getCurrent().getInternals().getTitle();
            if (!target.isInstance(view)) {
                problems.add(
                        entry.getKey() + ": did not open (" + view.getClass().getSimpleName() + ")");
            } else if (title == null || title.isBlank() || title.strip().equals("Roadbook")) {
                problems.add(entry.getKey() + ": no title of its own (\"" + title + "\")");
            } else if (!title.endsWith(" · Roadbook")) {
                problems.add(entry.getKey() + ": \"" + title + "\" does not end with the app's name");
            } else if (visit.names() != null && !title.contains(visit.names())) {
                problems.add(entry.getKey() + ": \"" + title + "\" does not name " + visit.names());
            } else if (visit.names() == null && !seen.add(title)) {
                problems.add(entry.getKey() + ": \"" + title + "\" is another page's title too");
            }
        }
        assertThat(problems).isEmpty();
    }

    record Visit(UUID as, String path, String names) {}
}
