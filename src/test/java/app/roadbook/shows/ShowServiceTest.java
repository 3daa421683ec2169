package app.roadbook.shows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowRecords.VenueRow;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class ShowServiceTest {

    @Autowired
    app.roadbook.schedule.ScheduleBook schedule;

    @Autowired
    ShowService shows;

    @Autowired
    ArtistService artists;

    @Autowired
    VenueService venues;

    @Autowired
    Fixtures fixtures;

    UUID owner, viewer, org;

    @BeforeEach
    void anOrg() {
        owner = fixtures.user("Owner");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Shows Co", owner);
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(owner);
    }

    private ShowDraft draft(UUID artist, UUID venue, LocalDate date, LocalTime doors, LocalTime set) {
        return new ShowDraft(
                artist,
                venue,
                date,
                doors,
                set,
                ShowStatus.confirmed,
                "Night",
                new BigDecimal("12000.50"),
                "eur",
                "internal");
    }

    @Test
    void timesAreLocalToTheVenueAndStoredAsInstants() {
        UUID oslo = venues.createVenue(org, new VenueDraft("Rockefeller", null, "Oslo", "NO", 1350, "Europe/Oslo"));
        UUID london = venues.createVenue(org, new VenueDraft("Brixton", null, "London", "GB", 4900, "Europe/London"));
        UUID artist = artists.createArtist(org, "The Auroras");
        // Winter in Oslo is UTC+1, summer UTC+2; London in winter is UTC.
        UUID winter = shows.createShow(
                org, draft(artist, oslo, LocalDate.of(2026, 12, 1), LocalTime.of(19, 0), LocalTime.of(21, 15)));
        UUID summer = shows.createShow(org, draft(artist, oslo, LocalDate.of(2027, 7, 1), LocalTime.of(19, 0), null));
        UUID uk = shows.createShow(org, draft(artist, london, LocalDate.of(2026, 12, 2), LocalTime.of(19, 0), null));
        assertThat(storedDoors(winter)).isEqualTo(OffsetDateTime.parse("2026-12-01T18:00:00Z"));
        assertThat(storedDoors(summer)).isEqualTo(OffsetDateTime.parse("2027-07-01T17:00:00Z"));
        assertThat(storedDoors(uk)).isEqualTo(OffsetDateTime.parse("2026-12-02T19:00:00Z"));
        ShowRecords.ShowDetails details = shows.show(org, winter);
        assertThat(details.draft().doors()).isEqualTo(LocalTime.of(19, 0));
        assertThat(details.draft().setTime()).isEqualTo(LocalTime.of(21, 15));
        assertThat(details.timezone()).isEqualTo("Europe/Oslo");
        assertThat(details.draft().feeCurrency()).isEqualTo("EUR");
        assertThat(details.draft().fee()).isEqualByComparingTo("12000.50");
        assertThat(details.artistName()).isEqualTo("The Auroras");
        assertThat(details.venueName()).isEqualTo("Rockefeller");
        assertThat(shows.shows(org, ShowFilter.ALL, Pageable.unpaged()))
                .extracting(ShowRow::doors)
                .containsOnly(LocalTime.of(19, 0));
        assertThat(shows.shows(org, ShowFilter.ALL, Pageable.unpaged()))
                .filteredOn(r -> r.id().equals(winter))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.setTime()).isEqualTo(LocalTime.of(21, 15));
                    assertThat(r.timezone()).isEqualTo("Europe/Oslo");
                    assertThat(r.venueName()).isEqualTo("Rockefeller");
                    assertThat(r.venueCity()).isEqualTo("Oslo");
                    assertThat(r.artistName()).isEqualTo("The Auroras");
                });

        // Moving the show to London keeps the wall-clock time and moves the instant.
        shows.updateShow(
                org,
                winter,
                details.version(),
                draft(artist, london, LocalDate.of(2026, 12, 1), LocalTime.of(19, 0), null));
        assertThat(storedDoors(winter)).isEqualTo(OffsetDateTime.parse("2026-12-01T19:00:00Z"));
        assertThat(shows.show(org, winter).timezone()).isEqualTo("Europe/London");
    }

    @Test
    void aShowWithoutAVenueIsInUtcAndHasNoTimes() {
        UUID show = shows.createShow(
                org,
                new ShowDraft(
                        null, null, LocalDate.of(2027, 5, 1), null, null, ShowStatus.draft, "  ", null, null, " "));
        ShowRecords.ShowDetails details = shows.show(org, show);
        assertThat(details.timezone()).isEqualTo("UTC");
        assertThat(details.artistName()).isNull();
        assertThat(details.venueName()).isNull();
        assertThat(details.draft().title()).as("blank is nothing").isNull();
        assertThat(details.draft().notes()).isNull();
        assertThat(details.draft().feeCurrency()).isEqualTo("USD");
        assertThat(schedule.entries(org, show)).isEmpty();
    }

    @Test
    void pagesAfterAKnownShowContinueTheDefaultOrderAsOffsetPagesDo() {
        UUID a = artists.createArtist(org, "A");
        LocalDate today = LocalDate.now();
        // Ties on the date on both sides of today, today itself (upcoming), and a filtered-out artist's show.
        for (int days : new int[] {0, 0, 1, 3, 3, 3, 9, -1, -1, -2, -5, -5, -5, -40}) {
            shows.createShow(org, draft(a, null, today.plusDays(days), null, null));
        }
        shows.createShow(org, draft(artists.createArtist(org, "B"), null, today.plusDays(2), null, null));
        ShowFilter onlyA = new ShowFilter(a, null, null, null);
        List<ShowRow> all = shows.shows(org, onlyA, Pageable.unpaged());
        assertThat(all).hasSize(14);
        for (int size = 1; size <= 4; size++) {
            List<ShowRow> walked = new java.util.ArrayList<>();
            List<ShowRow> page = shows.shows(org, onlyA, app.roadbook.base.Keyset.offset(0, size));
            while (!page.isEmpty()) {
                walked.addAll(page);
                page = shows.shows(
                        org,
                        onlyA,
                        new app.roadbook.base.Keyset<>(ShowRecords.ShowKey.of(page.getLast()), 0, size, walked.size()));
            }
            assertThat(walked).as("pages of %d by key", size).isEqualTo(all);
        }
        for (int i = 0; i < all.size(); i++) {
            for (int skip = 0; skip < 8; skip++) {
                int from = Math.min(all.size(), i + 1 + skip);
                assertThat(shows.shows(
                                org,
                                onlyA,
                                new app.roadbook.base.Keyset<>(
                                        ShowRecords.ShowKey.of(all.get(i)), skip, 3, i + 1 + skip)))
                        .as("after show %d, %d skipped", i, skip)
                        .isEqualTo(all.subList(from, Math.min(all.size(), from + 3)));
            }
        }
        assertThat(shows.shows(org, onlyA, app.roadbook.base.Keyset.offset(5, 4)))
                .as("without a key, an offset")
                .isEqualTo(all.subList(5, 9));
    }

    @Test
    void upcomingShowsComeFirstAndFiltersApply() {
        UUID a = artists.createArtist(org, "A");
        UUID b = artists.createArtist(org, "B");
        LocalDate today = LocalDate.now();
        shows.createShow(org, draft(a, null, today.minusDays(10), null, null));
        shows.createShow(org, draft(a, null, today.plusDays(30), null, null));
        shows.createShow(org, draft(b, null, today.plusDays(2), null, null));
        shows.createShow(org, draft(b, null, today.minusDays(1), null, null));
        assertThat(shows.shows(org, ShowFilter.ALL, Pageable.unpaged()))
                .extracting(ShowRow::date)
                .containsExactly(today.plusDays(2), today.plusDays(30), today.minusDays(1), today.minusDays(10));
        assertThat(shows.shows(org, ShowFilter.ALL, PageRequest.of(1, 2)))
                .extracting(ShowRow::date)
                .as("the second page continues the same order")
                .containsExactly(today.minusDays(1), today.minusDays(10));
        assertThat(shows.countShows(org, new ShowFilter(a, null, null, null))).isEqualTo(2);
        assertThat(shows.shows(org, new ShowFilter(a, null, null, null), Pageable.unpaged()))
                .extracting(ShowRow::artistName)
                .containsOnly("A");
        assertThat(shows.countShows(org, new ShowFilter(null, null, today, today.plusDays(7))))
                .isEqualTo(1);
        assertThat(shows.countShows(org, new ShowFilter(null, ShowStatus.draft, null, null)))
                .isZero();
        assertThat(shows.countShows(
                        org, new ShowFilter(b, ShowStatus.confirmed, today.minusDays(1), today.minusDays(1))))
                .isEqualTo(1);
        assertThat(shows.countShows(org, ShowFilter.ALL)).isEqualTo(4);
    }

    @Test
    void gridsSortOnlyByWhitelistedColumns() {
        UUID zed = artists.createArtist(org, "zed");
        UUID abba = artists.createArtist(org, "Abba");
        artists.createArtist(org, "Mono");
        UUID bergen = venues.createVenue(org, new VenueDraft("Grieghallen", null, "Bergen", "NO", 1500, "Europe/Oslo"));
        UUID aarhus = venues.createVenue(org, new VenueDraft("Train", null, "aarhus", "DK", 900, "Europe/Copenhagen"));
        venues.createVenue(org, new VenueDraft("Annexet", null, "Stockholm", "SE", 3000, "Europe/Stockholm"));
        shows.createShow(org, draft(zed, bergen, LocalDate.now().plusDays(3), null, null));
        shows.createShow(org, draft(abba, aarhus, LocalDate.now().plusDays(9), null, null));

        assertThat(artists.artists(org))
                .extracting(ArtistRow::name)
                .as("by name, ignoring case")
                .containsExactly("Abba", "Mono", "zed");
        assertThat(artists.artists(org)).extracting(ArtistRow::shows).containsExactly(1L, 0L, 1L);
        assertThat(artists.artists(org, PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "name"))))
                .extracting(ArtistRow::name)
                .containsExactly("zed", "Mono");
        assertThat(artists.countArtists(org)).isEqualTo(3);
        assertThat(venues.venues(org)).extracting(VenueRow::name).containsExactly("Annexet", "Grieghallen", "Train");
        assertThat(venues.venues(org, PageRequest.of(0, 10, Sort.by("city"))))
                .extracting(VenueRow::city)
                .containsExactly("aarhus", "Bergen", "Stockholm");
        assertThat(venues.venues(org, PageRequest.of(1, 2, Sort.by(Sort.Direction.DESC, "capacity"))))
                .extracting(VenueRow::capacity)
                .containsExactly(900);
        assertThat(venues.countVenues(org)).isEqualTo(3);
        assertThat(shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "artistName"))))
                .extracting(ShowRow::artistName)
                .containsExactly("zed", "Abba");
        assertThat(shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 10, Sort.by("venueCity"))))
                .extracting(ShowRow::venueCity)
                .containsExactly("aarhus", "Bergen");

        // Anything else is refused: no property name from a browser reaches a query unchecked.
        assertThatThrownBy(() -> shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 10, Sort.by("fee"))))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() ->
                        shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 10, Sort.by("s.date; drop table shows"))))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> venues.venues(org, PageRequest.of(0, 10, Sort.by("contacts"))))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> artists.artists(org, PageRequest.of(0, 10, Sort.by("orgId"))))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void badInputAndConflictsAreRefusedClearly() {
        assertThatThrownBy(() -> venues.createVenue(org, new VenueDraft("X", null, null, null, null, "Mars/Base")))
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> venues.createVenue(org, new VenueDraft(" ", null, null, null, null, "UTC")))
                .hasMessage("Give the venue a name of up to 200 characters.");
        assertThatThrownBy(() -> venues.createVenue(org, new VenueDraft("Big", null, null, null, 2_000_000, "UTC")))
                .hasMessage("Capacity is a number from 0 to 1,000,000.");
        assertThatThrownBy(() -> artists.createArtist(org, "  "))
                .hasMessage("The artist needs a name of up to 200 characters.");
        assertThatThrownBy(() -> shows.createShow(org, draft(null, null, LocalDate.now(), LocalTime.NOON, null)))
                .hasMessageContaining("Choose a venue before entering times");
        assertThatThrownBy(() -> shows.createShow(
                        org,
                        new ShowDraft(
                                null,
                                null,
                                LocalDate.now(),
                                null,
                                null,
                                ShowStatus.draft,
                                null,
                                new BigDecimal("1.234"),
                                "EUR",
                                null)))
                .hasMessageContaining("two decimals");
        assertThatThrownBy(() -> shows.createShow(
                        org,
                        new ShowDraft(
                                null, null, LocalDate.now(), null, null, ShowStatus.draft, null, null, "EURO", null)))
                .hasMessage("The fee currency is a three-letter code such as EUR.");
        assertThatThrownBy(() -> shows.createShow(
                        org, new ShowDraft(null, null, null, null, null, ShowStatus.draft, null, null, null, null)))
                .hasMessage("Give the show a date.");
        assertThat(fixtures.owner().queryForObject("select count(*) from shows where org_id = ?", Integer.class, org))
                .as("a refused show leaves nothing behind")
                .isZero();

        UUID show = shows.createShow(org, draft(null, null, LocalDate.now(), null, null));
        int version = shows.show(org, show).version();
        shows.updateShow(org, show, version, draft(null, null, LocalDate.now().plusDays(1), null, null));
        assertThat(shows.show(org, show).version()).isEqualTo(version + 1);
        assertThatThrownBy(() -> shows.updateShow(org, show, version, draft(null, null, LocalDate.now(), null, null)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(shows.show(org, show).draft().date())
                .as("the first save stands")
                .isEqualTo(LocalDate.now().plusDays(1));

        UUID venue = venues.createVenue(org, new VenueDraft("Used", null, null, null, null, "UTC"));
        VenueRow row = venues.venues(org).getFirst();
        venues.updateVenue(
                org, venue, row.version(), new VenueDraft("Used Hall", " ", "Oslo", null, 10, "Europe/Oslo"));
        assertThat(venues.venues(org).getFirst()).satisfies(v -> {
            assertThat(v.name()).isEqualTo("Used Hall");
            assertThat(v.address()).isNull();
            assertThat(v.zone().getId()).isEqualTo("Europe/Oslo");
            assertThat(v.version()).isEqualTo(row.version() + 1);
        });
        assertThatThrownBy(() -> venues.updateVenue(
                        org, venue, row.version(), new VenueDraft("Stale", null, null, null, null, "UTC")))
                .isInstanceOf(ConcurrentChangeException.class);
        shows.createShow(org, draft(null, venue, LocalDate.now(), null, null));
        assertThatThrownBy(() -> venues.deleteVenue(org, venue)).hasMessageContaining("has 1 show(s)");
    }

    @Test
    void renamingAndDeletingAnArtistKeepsTheirShows() {
        UUID artist = artists.createArtist(org, "Old Name");
        UUID show = shows.createShow(org, draft(artist, null, LocalDate.now().plusDays(5), null, null));
        artists.renameArtist(org, artist, "  New Name ");
        assertThat(shows.show(org, show).artistName()).isEqualTo("New Name");
        artists.deleteArtist(org, artist);
        assertThat(shows.show(org, show).artistName()).isNull();
        assertThat(shows.show(org, show).draft().artistId()).isNull();
        assertThatThrownBy(() -> artists.deleteArtist(org, artist)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> artists.renameArtist(org, artist, "Ghost"))
                .isInstanceOf(OrgAccess.NotFoundException.class);

        UUID venue = venues.createVenue(org, new VenueDraft("Empty", null, null, null, null, "UTC"));
        venues.deleteVenue(org, venue);
        assertThat(venues.venues(org)).isEmpty();
        assertThatThrownBy(() -> venues.deleteVenue(org, venue)).isInstanceOf(OrgAccess.NotFoundException.class);

        assertThat(fixtures.owner().queryForList("""
                select action from activity_log where org_id = ? and resource_id in (?, ?)""", String.class, org, artist, venue))
                .containsExactlyInAnyOrder(
                        "artist.created", "artist.renamed", "artist.deleted", "venue.created", "venue.deleted");
    }

    @Test
    void theSoloPlanAllowsOneArtistAndSaysSo() {
        fixtures.accounts().subscription(org, "solo_artist", "active", 30);
        artists.createArtist(org, "First");
        assertThatThrownBy(() -> artists.createArtist(org, "Second"))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "The Solo Artist plan allows 1 artists; this organization has 1. Ask an owner to move to a larger plan under Billing.");
        assertThat(artists.artists(org)).extracting(ArtistRow::name).containsExactly("First");
    }

    @Test
    void viewersReadAndForeignIdsLookMissing() {
        UUID venue = venues.createVenue(org, new VenueDraft("Mine", null, null, null, null, "UTC"));
        UUID artist = artists.createArtist(org, "Ours");
        UUID show = shows.createShow(org, draft(artist, venue, LocalDate.now(), null, null));
        int version = shows.show(org, show).version();
        fixtures.signIn(viewer);
        assertThat(shows.show(org, show).venueName()).isEqualTo("Mine");
        assertThat(shows.canEdit(org)).isFalse();
        assertThat(venues.canEdit(org)).isFalse();
        assertThat(artists.canEdit(org)).isFalse();
        assertThatThrownBy(() -> artists.createArtist(org, "Nope")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> venues.createVenue(org, new VenueDraft("Nope", null, null, null, null, "UTC")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> shows.updateShow(org, show, version, draft(null, null, LocalDate.now(), null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> venues.deleteVenue(org, venue)).isInstanceOf(AccessDeniedException.class);

        UUID other = fixtures.organization("Other Shows", fixtures.user("Other"));
        fixtures.signIn(
                fixtures.owner().queryForObject("select user_id from org_members where org_id = ?", UUID.class, other));
        UUID foreignVenue = venues.createVenue(other, new VenueDraft("Theirs", null, null, null, null, "UTC"));
        UUID foreignArtist = artists.createArtist(other, "Theirs");
        UUID foreignShow = shows.createShow(other, draft(null, null, LocalDate.now(), null, null));
        // Outside the org, everything of it is "not found", whichever org id is given.
        assertThatThrownBy(() -> shows.show(other, show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> shows.show(org, show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> shows.shows(org, ShowFilter.ALL, Pageable.unpaged()))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> venues.venues(org)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> artists.artists(org)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> shows.updateShow(other, show, version, draft(null, null, LocalDate.now(), null, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such show.");
        assertThatThrownBy(() ->
                        venues.updateVenue(other, venue, 0, new VenueDraft("Mine now", null, null, null, null, "UTC")))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such venue.");
        assertThatThrownBy(() -> artists.renameArtist(other, artist, "Mine now"))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> artists.deleteArtist(other, artist)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> venues.deleteVenue(other, venue)).isInstanceOf(OrgAccess.NotFoundException.class);

        fixtures.signIn(owner);
        assertThatThrownBy(() -> shows.createShow(org, draft(null, foreignVenue, LocalDate.now(), null, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such venue.");
        assertThatThrownBy(() -> shows.createShow(org, draft(foreignArtist, null, LocalDate.now(), null, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such artist.");
        assertThatThrownBy(() -> shows.updateShow(org, foreignShow, 0, draft(null, null, LocalDate.now(), null, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such show.");
        assertThatThrownBy(() -> schedule.entries(org, foreignShow)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> shows.audience(org, foreignShow)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(fixtures.owner().queryForObject("select name from venues where id = ?", String.class, venue))
                .isEqualTo("Mine");
        assertThat(fixtures.owner().queryForObject("select name from artists where id = ?", String.class, artist))
                .isEqualTo("Ours");
    }

    @Test
    void theDaySheetIsInTheVenuesZoneEarliestFirstWithTheShowsOwnTimes() {
        UUID oslo = venues.createVenue(org, new VenueDraft("Sentrum", null, "Oslo", "NO", 1500, "Europe/Oslo"));
        UUID show = shows.createShow(org, draft(null, oslo, LocalDate.of(2027, 1, 20), LocalTime.of(19, 0), null));
        new ShowsTestData(fixtures.owner()).scheduleItems(org, show, 3, "2027-01-20T14:00:00Z");
        List<app.roadbook.schedule.ScheduleEntry> sheet = schedule.entries(org, show);
        assertThat(sheet)
                .extracting(app.roadbook.schedule.ScheduleEntry::starts)
                .containsExactly(LocalTime.of(15, 0), LocalTime.of(16, 0), LocalTime.of(17, 0), LocalTime.of(19, 0));
        assertThat(sheet)
                .extracting(app.roadbook.schedule.ScheduleEntry::title)
                .containsExactly("Item 1", "Item 2", "Item 3", "Doors");
        assertThat(sheet.getLast().change())
                .as("a show nobody advances has nothing to agree")
                .isNull();
    }

    private OffsetDateTime storedDoors(UUID show) {
        return fixtures.owner().queryForObject("select doors_at from shows where id = ?", OffsetDateTime.class, show);
    }
}
