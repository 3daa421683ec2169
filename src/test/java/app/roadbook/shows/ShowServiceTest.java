package app.roadbook.shows;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RoadbookTest
class ShowServiceTest {

    @Autowired ShowService shows;
    @Autowired Fixtures fixtures;

    UUID owner, viewer, org;

    @BeforeEach
    void anOrg() {
        owner = fixtures.user("Owner");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Shows Co", owner);
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(owner);
    }

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    private ShowDraft draft(UUID artist, UUID venue, LocalDate date, LocalTime doors, LocalTime set) {
        return new ShowDraft(artist, venue, date, doors, set, ShowStatus.confirmed, "Night", new BigDecimal("12000.50"), "eur", "internal");
    }

    @Test
    void timesAreLocalToTheVenueAndStoredAsInstants() {
        UUID oslo = shows.createVenue(org, new VenueDraft("Rockefeller", null, "Oslo", "NO", 1350, "Europe/Oslo"));
        UUID london = shows.createVenue(org, new VenueDraft("Brixton", null, "London", "GB", 4900, "Europe/London"));
        UUID artist = shows.createArtist(org, "The Auroras");
        // Winter in Oslo is UTC+1, summer UTC+2; London in winter is UTC.
        UUID winter = shows.createShow(org, draft(artist, oslo, LocalDate.of(2026, 12, 1), LocalTime.of(19, 0), LocalTime.of(21, 15)));
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
        assertThat(shows.shows(org, ShowFilter.ALL, Pageable.unpaged())).extracting(ShowRow::doors)
                .containsOnly(LocalTime.of(19, 0));
    }

    @Test
    void upcomingShowsComeFirstAndFiltersApply() {
        UUID a = shows.createArtist(org, "A");
        UUID b = shows.createArtist(org, "B");
        LocalDate today = LocalDate.now();
        shows.createShow(org, draft(a, null, today.minusDays(10), null, null));
        shows.createShow(org, draft(a, null, today.plusDays(30), null, null));
        shows.createShow(org, draft(b, null, today.plusDays(2), null, null));
        shows.createShow(org, draft(b, null, today.minusDays(1), null, null));
        assertThat(shows.shows(org, ShowFilter.ALL, Pageable.unpaged())).extracting(ShowRow::date)
                .containsExactly(today.plusDays(2), today.plusDays(30), today.minusDays(1), today.minusDays(10));
        assertThat(shows.countShows(org, new ShowFilter(a, null, null, null))).isEqualTo(2);
        assertThat(shows.countShows(org, new ShowFilter(null, null, today, today.plusDays(7)))).isEqualTo(1);
        assertThat(shows.countShows(org, new ShowFilter(null, ShowStatus.draft, null, null))).isZero();
    }

    @Test
    void badInputAndConflictsAreRefusedClearly() {
        assertThatThrownBy(() -> shows.createVenue(org, new VenueDraft("X", null, null, null, null, "Mars/Base")))
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> shows.createShow(org, draft(null, null, LocalDate.now(), LocalTime.NOON, null)))
                .hasMessageContaining("Choose a venue before entering times");
        assertThatThrownBy(() -> shows.createShow(org, new ShowDraft(null, null, LocalDate.now(), null, null, ShowStatus.draft,
                null, new BigDecimal("1.234"), "EUR", null))).hasMessageContaining("two decimals");
        UUID show = shows.createShow(org, draft(null, null, LocalDate.now(), null, null));
        int version = shows.show(org, show).version();
        shows.updateShow(org, show, version, draft(null, null, LocalDate.now().plusDays(1), null, null));
        assertThatThrownBy(() -> shows.updateShow(org, show, version, draft(null, null, LocalDate.now(), null, null)))
                .isInstanceOf(ConcurrentChangeException.class);
        UUID venue = shows.createVenue(org, new VenueDraft("Used", null, null, null, null, "UTC"));
        shows.createShow(org, draft(null, venue, LocalDate.now(), null, null));
        assertThatThrownBy(() -> shows.deleteVenue(org, venue)).hasMessageContaining("has 1 show(s)");
    }

    @Test
    void theSoloPlanAllowsOneArtistAndSaysSo() {
        fixtures.accounts().subscription(org, "solo_artist", "active", 30);
        shows.createArtist(org, "First");
        assertThatThrownBy(() -> shows.createArtist(org, "Second"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The Solo Artist plan allows 1 artists").hasMessageContaining("Billing");
    }

    @Test
    void viewersReadAndForeignIdsLookMissing() {
        UUID venue = shows.createVenue(org, new VenueDraft("Mine", null, null, null, null, "UTC"));
        UUID show = shows.createShow(org, draft(null, venue, LocalDate.now(), null, null));
        fixtures.signIn(viewer);
        assertThat(shows.show(org, show).venueName()).isEqualTo("Mine");
        assertThatThrownBy(() -> shows.createArtist(org, "Nope")).isInstanceOf(AccessDeniedException.class);
        UUID other = fixtures.organization("Other Shows", fixtures.user("Other"));
        fixtures.signIn(fixtures.owner().queryForObject("select user_id from org_members where org_id = ?", UUID.class, other));
        UUID foreignVenue = shows.createVenue(other, new VenueDraft("Theirs", null, null, null, null, "UTC"));
        assertThatThrownBy(() -> shows.show(other, show)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> shows.show(org, show)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(owner);
        assertThatThrownBy(() -> shows.createShow(org, draft(null, foreignVenue, LocalDate.now(), null, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }

    private OffsetDateTime storedDoors(UUID show) {
        return fixtures.owner().queryForObject("select doors_at from shows where id = ?", OffsetDateTime.class, show);
    }
}
