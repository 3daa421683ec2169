package app.roadbook.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Schedule items and day sheets for every reader: the org's editors plan the day, its viewers read what is theirs,
 * the promoter team reads the items for everyone and for them (never crew-only or named ones, never crew phone
 * numbers), another org reads nothing. Times are on the venue's clock; a travel item on the clock of each end.
 */
@RoadbookTest
class ScheduleBookTest {

    @Autowired
    ScheduleBook book;

    @Autowired
    DaySheets daySheets;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    Fixtures fixtures;

    UUID owner, editor, viewer, crewViewer, promoter, stranger, org, otherOrg, artist, venue, show, secondShow;
    UUID tm, foh;

    static final LocalDate DAY = LocalDate.of(2027, 3, 27);

    @BeforeEach
    void aShowInOsloWithCrewAndAPromoter() {
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        crewViewer = fixtures.user("CrewViewer");
        promoter = fixtures.user("Promoter");
        stranger = fixtures.user("Stranger");
        org = fixtures.organization("Day Co", owner);
        otherOrg = fixtures.organization("Other Co", stranger);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.member(org, crewViewer, "viewer");
        var db = fixtures.owner();
        artist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'The Auroras') returning id", UUID.class, org);
        venue = db.queryForObject(
                "insert into venues (org_id, name, address, city, country, timezone) values (?, 'Sentrum Scene',"
                        + " 'Arbeidersamfunnets plass 1', 'Oslo', 'NO', 'Europe/Oslo') returning id",
                UUID.class,
                org);
        show = db.queryForObject(
                "insert into shows (org_id, artist_id, venue_id, date, title, doors_at) values (?, ?, ?, ?, 'Oslo',"
                        + " '2027-03-27 19:00 Europe/Oslo') returning id",
                UUID.class,
                org,
                artist,
                venue,
                DAY);
        secondShow = db.queryForObject(
                "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, ?, 'Oslo again') returning id",
                UUID.class,
                org,
                artist,
                venue,
                DAY.plusDays(3));
        tm = db.queryForObject(
                "insert into people (org_id, name, phone, email) values (?, 'Tess Manager', '+47 900 11 222',"
                        + " 'tess@example.com') returning id",
                UUID.class,
                org);
        foh = db.queryForObject(
                "insert into people (org_id, name, phone, user_id) values (?, 'Frank Foh', '+47 900 33 444', ?) returning id",
                UUID.class,
                org,
                crewViewer);
        db.update("insert into show_assignments (show_id, person_id, duty) values (?, ?, 'Tour manager')", show, tm);
        db.update("insert into show_assignments (show_id, person_id, duty) values (?, ?, 'FOH')", show, foh);
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                show,
                promoter,
                org);
    }

    private ScheduleDraft item(ItemType type, String title, LocalTime starts, LocalTime ends, Audience audience) {
        return new ScheduleDraft(type, title, DAY, starts, null, null, ends, null, null, null, audience, Set.of());
    }

    /** A flight Oslo→London: departs 09:10 on Oslo's clock, lands 10:55 on London's (1 h 45 min in the air). */
    private ScheduleDraft flight() {
        return new ScheduleDraft(
                ItemType.travel,
                "Flight SK 809 OSL→LHR",
                DAY,
                LocalTime.of(9, 10),
                "Europe/Oslo",
                DAY,
                LocalTime.of(10, 55),
                "Europe/London",
                "Gardermoen",
                "Check in by 08:10",
                Audience.all,
                Set.of());
    }

    @Test
    void anEditorBuildsTheDayInTheVenuesTimeWithTravelOnTheClockOfEachEnd() {
        fixtures.signIn(editor);
        UUID flight = book.add(org, show, flight());
        book.add(org, show, item(ItemType.bus_call, null, LocalTime.of(7, 30), null, Audience.all));
        book.add(org, show, item(ItemType.load_in, "Load-in", LocalTime.of(14, 0), LocalTime.of(16, 0), Audience.crew));
        book.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.meal,
                        "Crew dinner",
                        DAY,
                        LocalTime.of(17, 0),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Audience.named,
                        Set.of(foh)));
        book.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.hotel,
                        "Hotel Bristol",
                        DAY,
                        LocalTime.of(23, 30),
                        null,
                        DAY.plusDays(1),
                        LocalTime.of(11, 0),
                        null,
                        "Kristian IVs gate 7",
                        null,
                        Audience.all,
                        Set.of()));

        List<ScheduleEntry> day = book.entries(org, show);
        assertThat(day)
                .extracting(e -> e.when() + " " + e.title() + " " + e.type().label() + " " + e.audienceText())
                .containsExactly(
                        "07:30 Bus / lobby call Bus / lobby call Everyone on the show",
                        "09:10 Europe/Oslo → 10:55 Europe/London Flight SK 809 OSL→LHR Travel Everyone on the show",
                        "14:00–16:00 Load-in Load-in Crew only",
                        "17:00 Crew dinner Meal Named people: Frank Foh",
                        "19:00 Doors Doors Everyone on the show",
                        "23:30–11:00 (next day) Hotel Bristol Hotel Everyone on the show");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select to_char(starts_at at time zone 'UTC', 'HH24:MI') || '-' ||"
                                        + " to_char(ends_at at time zone 'UTC', 'HH24:MI') || ' ' || starts_zone || ' ' || ends_zone"
                                        + " from schedule_items where id = ?",
                                String.class,
                                flight))
                .as("instants: Oslo is UTC+1 until the clocks go forward the next day; London is UTC+0")
                .isEqualTo("08:10-10:55 Europe/Oslo Europe/London");
        assertThat(book.item(org, flight).draft())
                .as("the form reads back what was entered")
                .isEqualTo(flight());
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log where org_id = ? and action = 'schedule_item.created'",
                                Integer.class,
                                org))
                .isEqualTo(5);
    }

    @Test
    void badInputIsRefusedWithASentenceAndNothingIsWritten() {
        fixtures.signIn(editor);
        assertThatThrownBy(() -> book.add(
                        org,
                        show,
                        item(ItemType.soundcheck, null, LocalTime.of(17, 0), LocalTime.of(16, 0), Audience.all)))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "The item ends (16:00) before it starts (17:00). For an end after midnight, give the next day.");
        ScheduleDraft nowhere = new ScheduleDraft(
                ItemType.travel,
                null,
                DAY,
                LocalTime.of(9, 0),
                "Europe/Atlantis",
                DAY,
                LocalTime.of(10, 0),
                "Europe/London",
                null,
                null,
                Audience.all,
                Set.of());
        assertThatThrownBy(() -> book.add(org, show, nowhere))
                .isInstanceOf(Refusal.class)
                .hasMessage("Unknown time zone for the departure: \"Europe/Atlantis\". Use a name such as"
                        + " Europe/London or America/New_York.");
        // London 09:30 is Oslo 10:30: an arrival "before" the departure on the other clock.
        ScheduleDraft backwards = new ScheduleDraft(
                ItemType.travel,
                null,
                DAY,
                LocalTime.of(10, 0),
                "Europe/Oslo",
                DAY,
                LocalTime.of(8, 30),
                "Europe/London",
                null,
                null,
                Audience.all,
                Set.of());
        assertThatThrownBy(() -> book.add(org, show, backwards))
                .isInstanceOf(Refusal.class)
                .hasMessage("The arrival (" + DAY + " 08:30 Europe/London) is before the departure (" + DAY
                        + " 10:00 Europe/Oslo).");
        assertThatThrownBy(() -> book.add(org, show, item(ItemType.meal, null, LocalTime.NOON, null, Audience.named)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Name at least one person assigned to this show, or choose another audience.");
        UUID unassigned = fixtures.owner()
                .queryForObject("insert into people (org_id, name) values (?, 'Nobody') returning id", UUID.class, org);
        assertThatThrownBy(() -> book.add(
                        org,
                        show,
                        new ScheduleDraft(
                                ItemType.meal,
                                null,
                                DAY,
                                LocalTime.NOON,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Audience.named,
                                Set.of(unassigned))))
                .isInstanceOf(Refusal.class)
                .hasMessage("Only people assigned to this show can be named on its items.");
        assertThatThrownBy(
                        () -> book.add(org, show, item(ItemType.other, "<b>x</b>", LocalTime.NOON, null, Audience.all)))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> book.add(org, show, item(ItemType.other, null, null, null, Audience.all)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give the start time.");
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from schedule_items where show_id = ?", Integer.class, show))
                .isZero();
    }

    @Test
    void editorsChangeAndDeleteItemsAndAStaleVersionIsAConcurrentChange() {
        fixtures.signIn(editor);
        UUID soundcheck = book.add(org, show, item(ItemType.soundcheck, null, LocalTime.of(16, 0), null, Audience.all));
        ScheduleBook.ItemForm form = book.item(org, soundcheck);
        assertThat(form.draft().title()).as("named after its type").isEqualTo("Soundcheck");
        book.update(
                org,
                soundcheck,
                form.version(),
                item(ItemType.soundcheck, "Line check", LocalTime.of(16, 30), LocalTime.of(17, 0), Audience.crew));
        assertThat(book.entries(org, show)).extracting(ScheduleEntry::when).contains("16:30–17:00");
        assertThatThrownBy(() -> book.update(
                        org,
                        soundcheck,
                        form.version(),
                        item(ItemType.soundcheck, null, LocalTime.NOON, null, Audience.all)))
                .isInstanceOf(ConcurrentChangeException.class);
        book.delete(org, soundcheck);
        assertThat(book.entries(org, show)).extracting(ScheduleEntry::title).containsExactly("Doors");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id = ? and resource_id = ? order by created_at",
                                String.class,
                                org,
                                soundcheck))
                .containsExactly("schedule_item.created", "schedule_item.updated", "schedule_item.deleted");
    }

    @Test
    void viewersReadTheirItemsOnlyAndCannotWrite() {
        fixtures.signIn(editor);
        book.add(org, show, item(ItemType.load_in, null, LocalTime.of(14, 0), null, Audience.crew));
        book.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.meal,
                        "FOH dinner",
                        DAY,
                        LocalTime.of(17, 0),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Audience.named,
                        Set.of(foh)));
        book.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.press,
                        "TM interview",
                        DAY,
                        LocalTime.of(15, 0),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Audience.named,
                        Set.of(tm)));

        fixtures.signIn(viewer);
        assertThat(book.entries(org, show))
                .as("a viewer not named sees the crew's items, not the named ones")
                .extracting(ScheduleEntry::title)
                .containsExactly("Load-in", "Doors");
        assertThatThrownBy(() -> book.add(org, show, item(ItemType.other, null, LocalTime.NOON, null, Audience.all)))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(crewViewer);
        assertThat(book.entries(org, show))
                .as("Frank is named on the FOH dinner")
                .extracting(ScheduleEntry::title)
                .containsExactly("Load-in", "FOH dinner", "Doors");
    }

    @Test
    void thePromoterTeamReadsTheDaySheetWithoutCrewOnlyItemsOrCrewPhoneNumbersAndOthersNothing() throws IOException {
        fixtures.signIn(editor);
        book.add(org, show, flight());
        book.add(org, show, item(ItemType.load_in, "Crew load-in", LocalTime.of(13, 0), null, Audience.crew));
        book.add(
                org,
                show,
                item(ItemType.press, "Promoter meet and greet", LocalTime.of(18, 0), null, Audience.promoter_team));
        book.add(
                org,
                show,
                new ScheduleDraft(
                        ItemType.meal,
                        "FOH dinner",
                        DAY,
                        LocalTime.of(17, 0),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Audience.named,
                        Set.of(foh)));

        DaySheet ours = daySheets.sheet(show);
        assertThat(ours.schedule())
                .extracting(ScheduleEntry::title)
                .containsExactly(
                        "Flight SK 809 OSL→LHR", "Crew load-in", "FOH dinner", "Promoter meet and greet", "Doors");
        assertThat(ours.crew())
                .extracting(c -> c.name() + " " + c.duty() + " " + c.phone())
                .containsExactly("Frank Foh FOH +47 900 33 444", "Tess Manager Tour manager +47 900 11 222");
        assertThat(ours.mapLink())
                .isEqualTo(
                        "https://www.openstreetmap.org/search?query=Sentrum+Scene%2C+Arbeidersamfunnets+plass+1%2C+Oslo%2C+NO");
        String editorsPdf = text(daySheets.pdf(show, DaySheets.Paper.A4));
        assertThat(editorsPdf)
                .contains("The Auroras · Oslo", "Saturday 27 March 2027", "Crew load-in", "Crew only", "FOH dinner")
                .contains("09:10 Europe/Oslo -> 10:55 Europe/London", "+47 900 11 222", "Tess Manager");

        fixtures.signIn(promoter);
        DaySheet theirs = daySheets.sheet(show);
        assertThat(theirs.member()).isFalse();
        assertThat(theirs.schedule())
                .extracting(ScheduleEntry::title)
                .containsExactly("Flight SK 809 OSL→LHR", "Promoter meet and greet", "Doors");
        assertThat(theirs.crew()).isEmpty();
        assertThat(theirs.venueLine()).isEqualTo("Sentrum Scene, Arbeidersamfunnets plass 1, Oslo, NO");
        String promotersPdf = text(daySheets.pdf(show, DaySheets.Paper.LETTER));
        assertThat(promotersPdf)
                .contains("The Auroras · Oslo", "Promoter meet and greet", "Flight SK 809")
                .doesNotContain("Crew load-in", "FOH dinner", "Crew only", "+47", "Tess Manager", "Frank Foh");
        assertThatThrownBy(() -> book.entries(org, show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> book.add(org, show, item(ItemType.other, null, LocalTime.NOON, null, Audience.all)))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> daySheets.sheet(secondShow))
                .as("a show not granted to them")
                .isInstanceOf(OrgAccess.NotFoundException.class);

        fixtures.signIn(stranger);
        assertThatThrownBy(() -> daySheets.sheet(show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> daySheets.pdf(show, DaySheets.Paper.A4))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> book.entries(otherOrg, show)).isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void anItemTheAdvanceAgreedKeepsItsTimeAndTakesNotesAndAnEnd() {
        fixtures.signIn(editor);
        UUID session = advancing.createSession(org, show, null, null, null);
        fixtures.signIn(promoter);
        Row doors = advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals("Doors"))
                .findFirst()
                .orElseThrow();
        advancing.accept(
                doors.theirs().fieldId(), doors.theirs().version(), doors.ours().version());

        fixtures.signIn(editor);
        ScheduleEntry agreed = book.entries(org, show).stream()
                .filter(e -> e.title().equals("Doors"))
                .findFirst()
                .orElseThrow();
        assertThat(agreed.fromAdvance()).isTrue();
        assertThat(agreed.agreement()).isEqualTo("Agreed in the advance");
        ScheduleBook.ItemForm form = book.item(org, agreed.id());
        assertThat(form.fromAdvance()).isTrue();
        ScheduleDraft d = form.draft();
        ScheduleDraft moved = new ScheduleDraft(
                d.type(),
                d.title(),
                d.day(),
                LocalTime.of(20, 0),
                d.startsZone(),
                d.endDay(),
                d.ends(),
                d.endsZone(),
                d.location(),
                d.notes(),
                d.audience(),
                d.people());
        assertThatThrownBy(() -> book.update(org, agreed.id(), form.version(), moved))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("This item is agreed in the advance: change its time there.");
        ScheduleDraft hidden = new ScheduleDraft(
                d.type(),
                d.title(),
                d.day(),
                d.starts(),
                d.startsZone(),
                d.endDay(),
                d.ends(),
                d.endsZone(),
                d.location(),
                d.notes(),
                Audience.crew,
                d.people());
        assertThatThrownBy(() -> book.update(org, agreed.id(), form.version(), hidden))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> book.delete(org, agreed.id()))
                .isInstanceOf(Refusal.class)
                .hasMessage("This item is agreed in the advance and stays on the day while the advance holds it.");
        ScheduleDraft noted = new ScheduleDraft(
                d.type(),
                d.title(),
                d.day(),
                d.starts(),
                d.startsZone(),
                d.endDay(),
                LocalTime.of(19, 30),
                d.endsZone(),
                "Main entrance",
                "Queue on the left",
                d.audience(),
                d.people());
        book.update(org, agreed.id(), form.version(), noted);
        assertThat(book.entries(org, show))
                .filteredOn(e -> e.title().equals("Doors"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.when()).isEqualTo("19:00–19:30");
                    assertThat(e.location()).isEqualTo("Main entrance");
                    assertThat(e.fromAdvance()).isTrue();
                });
    }

    @Test
    void aTourBookHoldsTheArtistsShowsInTheRange() throws IOException {
        fixtures.signIn(editor);
        book.add(org, secondShow, item(ItemType.bus_call, "Bus call Bergen", LocalTime.of(8, 0), null, Audience.all));
        assertThat(daySheets.tourBook(org, artist, DAY, DAY.plusDays(5)))
                .extracting(DaySheet::title)
                .containsExactly("Oslo", "Oslo again");
        assertThat(daySheets.tourBook(org, artist, DAY.plusDays(1), DAY.plusDays(5)))
                .extracting(DaySheet::title)
                .containsExactly("Oslo again");
        assertThatThrownBy(() -> daySheets.tourBook(org, artist, DAY, DAY.minusDays(1)))
                .isInstanceOf(Refusal.class)
                .hasMessage("The last day (" + DAY.minusDays(1) + ") is before the first (" + DAY + ").");
        String book = text(daySheets.tourBookPdf(org, artist, DAY, DAY.plusDays(5), DaySheets.Paper.A4));
        assertThat(book)
                .contains(
                        "The Auroras · tour book",
                        "Saturday 27 March 2027",
                        "Tuesday 30 March 2027",
                        "Bus call Bergen");
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> daySheets.tourBook(org, artist, DAY, DAY.plusDays(5)))
                .as("a tour book is the org's")
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
