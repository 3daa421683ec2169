package app.roadbook;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.billing.BillingService;
import app.roadbook.contacts.CommissionDraft;
import app.roadbook.contacts.ContactCommissions;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactStatus;
import app.roadbook.contacts.ContactType;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.PersonDraft;
import app.roadbook.crew.ShowCrew;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.FileSubject;
import app.roadbook.files.FileVisibility;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.RequestDraft;
import app.roadbook.guests.GuestLists.Setup;
import app.roadbook.guests.GuestType;
import app.roadbook.invitations.InvitationService;
import app.roadbook.schedule.Audience;
import app.roadbook.schedule.ItemType;
import app.roadbook.schedule.ScheduleBook;
import app.roadbook.schedule.ScheduleDraft;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.VenueService;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgRole;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page, as every kind of person who uses Roadbook (owner, admin, editor, viewer, a promoter collaborating on a
 * show, a platform admin), shows people words: no raw JSON, no ids, no stored constants such as {@code past_due} or
 * {@code max_artists}. The organization has what makes pages interesting: a Tokyo show with a fee in yen, a contact
 * with a commission, an advance, an invitation, a plan change request, a crew member assigned to the show, a crew-only
 * and a travel schedule item, a guest list with a request, a library file shared with the promoter team and the
 * activity log those left.
 */
@RoadbookTest
class ReadableScreensTest extends SpringBrowserlessTest {

    static final Pattern JSON = Pattern.compile("[{\\[]\\s*\"|\"\\s*:\\s*[\"{\\[\\d]");
    static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** {@code past_due}, {@code PAST_DUE}, {@code plan_change.requested}: how code, not people, writes. */
    static final Pattern CONSTANT = Pattern.compile("\\b[A-Za-z]+_[A-Za-z_.]+\\b|\\b[a-z]+\\.[a-z_]+_[a-z_]+\\b");

    @Autowired
    Fixtures fixtures;

    @Autowired
    VenueService venues;

    @Autowired
    ArtistService artists;

    @Autowired
    ShowService shows;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    ContactCommissions commissions;

    @Autowired
    InvitationService invitations;

    @Autowired
    BillingService billing;

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    CrewRoster roster;

    @Autowired
    ShowCrew showCrew;

    @Autowired
    ScheduleBook schedule;

    @Autowired
    GuestLists guests;

    @Autowired
    FileLibrary library;

    @Autowired
    app.roadbook.parsing.ParsingInbox parsingInbox;

    @Test
    void everyPageAsEveryRoleShowsWordsNotInternals() {
        UUID owner = fixtures.user("Olivia");
        UUID admin = fixtures.user("Adam");
        UUID editor = fixtures.user("Edith");
        UUID viewer = fixtures.user("Vera");
        UUID promoter = fixtures.user("Pablo");
        UUID platform = fixtures.platformAdmin();
        UUID org = fixtures.organization("Readable Touring", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");

        fixtures.signIn(owner);
        UUID venue = venues.createVenue(
                org, new VenueDraft("Zepp Haneda", "1-1-4 Haneda", "Tokyo", "JP", 2900, "Asia/Tokyo"));
        UUID artist = artists.createArtist(org, "The Auroras");
        UUID show = shows.createShow(
                org,
                new ShowDraft(
                        artist,
                        venue,
                        LocalDate.now().plusDays(20),
                        LocalTime.of(18, 0),
                        LocalTime.of(19, 30),
                        ShowStatus.confirmed,
                        "Tokyo night",
                        new BigDecimal("3000000"),
                        "JPY",
                        "Bring adapters"));
        UUID contact = contacts.create(
                org,
                new ContactDraft(
                        "Kenji Sato",
                        Set.of(ContactType.promoter),
                        "kenji@example.com",
                        null,
                        "Creativeman",
                        "Promoter",
                        "Tokyo",
                        "JP",
                        new BigDecimal("10"),
                        null,
                        ContactStatus.active));
        commissions.add(
                org,
                contact,
                new CommissionDraft(show, new BigDecimal("1250.50"), "EUR", "pending", null, "Booking fee"));
        invitations.inviteToOrg(org, Fixtures.unique("newcomer") + "@example.com", OrgRole.editor, null);
        UUID advance = exchange.createSession(org, show, "Tokyo advance", null, null);
        billing.requestPlanChange(org, "enterprise");
        UUID finn = roster.create(org, new PersonDraft("Finn Fader", "FOH engineer", null, "+81 3 1234", null, null));
        showCrew.assign(org, show, finn, "FOH engineer");
        LocalDate showDay = LocalDate.now().plusDays(20);
        schedule.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.load_in,
                        "Load-in at dock B",
                        showDay,
                        LocalTime.of(14, 0),
                        null,
                        null,
                        LocalTime.of(16, 0),
                        null,
                        "Dock B",
                        null,
                        Audience.crew,
                        Set.of()));
        schedule.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.travel,
                        "Flight NH 20 ITM→HND",
                        showDay,
                        LocalTime.of(9, 10),
                        "Asia/Tokyo",
                        showDay,
                        LocalTime.of(10, 25),
                        "Asia/Tokyo",
                        "Itami",
                        "Check in by 07:30",
                        Audience.all,
                        Set.of()));
        guests.setUp(
                show, null, new Setup(4, 4, LocalDateTime.now().plusDays(19).withNano(0)));
        guests.request(show, new RequestDraft(null, "Ann Band", 1, GuestType.family, "Sister of the drummer"));
        byte[] rider = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Tech rider\ntrailer << >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        UUID file = library.upload(
                org,
                FileSubject.show(show),
                FileVisibility.promoter_team,
                "Tech rider.pdf",
                new ByteArrayInputStream(rider),
                rider.length);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);

        // A slow statement of the org's, for the platform admin's Slow queries page.
        fixtures.owner()
                .update(
                        "insert into query_performance_log (query_name, execution_time_ms, user_id, org_id)"
                                + " values ('ContactRepository.findRows', 1250, ?, ?)",
                        owner,
                        org);
        UUID parsed = parsingInbox.paste(org, "Offer for 2027-03-01\nVenue: Zepp Haneda\nFee: JPY 3000000\n");

        Map<String, UUID> people = new LinkedHashMap<>();
        people.put("owner", owner);
        people.put("admin", admin);
        people.put("editor", editor);
        people.put("viewer", viewer);
        people.put("promoter", promoter);
        people.put("platform admin", platform);
        List<String> pages = List.of(
                "",
                "shows",
                "shows/" + show,
                "venues",
                "artists",
                "contacts",
                "contacts/" + contact,
                "advancing",
                "advancing-templates",
                "advance/" + advance,
                "advance/" + advance + "/mails",
                "invitations",
                "billing",
                "audit",
                "my-shows",
                "admin/billing",
                "admin/accounts",
                "admin/slow-queries",
                "crew",
                "crew/" + finn,
                "members",
                "tour-book",
                "files",
                "files/" + file,
                "shows/" + show + "/day-sheet",
                "shows/" + show + "/guests",
                "shows/" + show + "/guests/door-list",
                "inbox",
                "inbox/" + parsed);

        // What the owner reads instead (and proof that the walk reads labels, texts and grid cells).
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("shows/" + show, List.of("¥3,000,000", "18:00 (Asia/Tokyo)", "Tokyo night · ")),
                Map.entry("contacts/" + contact, List.of("€1,250.50", "Pending")),
                Map.entry(
                        "billing",
                        List.of("$99.00 / month", "Team management", "Included", "Olivia asked for another plan")),
                Map.entry(
                        "audit",
                        List.of("Olivia added the venue Zepp Haneda.", "Olivia added the artist The Auroras.")),
                Map.entry(
                        "",
                        List.of(
                                "Olivia asked for a guest list place for Ann Band",
                                "Olivia uploaded the file Tech rider.pdf",
                                "Recent changes")),
                Map.entry("crew", List.of("Finn Fader", "FOH engineer")),
                Map.entry("crew/" + finn, List.of("Finn Fader", "Tokyo night")),
                Map.entry(
                        "shows/" + show + "/day-sheet",
                        List.of("Load-in at dock B", "Flight NH 20 ITM→HND", "Crew only")),
                Map.entry("shows/" + show + "/guests", List.of("Ann Band", "Family")),
                Map.entry("files", List.of("Tech rider.pdf")),
                Map.entry("inbox", List.of("Pasted text")),
                Map.entry("inbox/" + parsed, List.of("Zepp Haneda")),
                Map.entry("files/" + file, List.of("Tech rider.pdf", "shared with the promoter team")));
        List<String> findings = new ArrayList<>();
        for (var person : people.entrySet()) {
            fixtures.signIn(person.getValue());
            for (String page : pages) {
                navigate(page, Component.class);
                String text = visibleText();
                if (person.getValue().equals(owner)) {
                    for (String words : expected.getOrDefault(page, List.of())) {
                        if (!text.contains(words)) {
                            findings.add("owner on /" + page + " does not read “" + words + "”");
                        }
                    }
                }
                for (Pattern bad : List.of(JSON, UUID_TEXT, CONSTANT)) {
                    Matcher m = bad.matcher(text);
                    if (m.find()) {
                        int from = Math.max(0, m.start() - 40);
                        findings.add(person.getKey() + " on /" + page + ": …"
                                + text.substring(from, Math.min(text.length(), m.end() + 40))
                                        .replace('\n', ' ') + "…");
                    }
                }
            }
        }
        assertThat(findings).as("internals on screen").isEmpty();
    }

    /** What a person can read: the text of every visible component, its label, placeholder and helper, grid cells. */
    private String visibleText() {
        StringBuilder out = new StringBuilder();
        collect(UI.getCurrent(), out);
        return out.toString();
    }

    private void collect(Component component, StringBuilder out) {
        Element element = component.getElement();
        if (element.isTextNode()) {
            out.append(element.getText()).append('\n');
            return;
        }
        if (!component.isVisible()) {
            return;
        }
        for (int i = 0; i < element.getChildCount(); i++) {
            Element child = element.getChild(i);
            if (child.isTextNode()) {
                out.append(child.getText()).append('\n');
            }
        }
        for (String property : List.of("label", "placeholder", "helperText", "headerTitle", "title")) {
            String value = element.getProperty(property);
            if (value != null && !value.isBlank()) {
                out.append(value).append('\n');
            }
        }
        if (component instanceof HasText) {
            out.append(element.getText()).append('\n');
        }
        if (component instanceof Grid<?> grid) {
            var tester = test(grid);
            int rows = Math.min(tester.size(), 30);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < grid.getColumns().size(); c++) {
                    try {
                        out.append(tester.getCellText(r, c)).append('\n');
                    } catch (RuntimeException notText) {
                        // A component column: its components are visited below when the grid renders them.
                    }
                }
            }
        }
        component.getChildren().forEach(child -> collect(child, out));
    }
}
