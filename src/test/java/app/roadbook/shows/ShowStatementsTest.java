package app.roadbook.shows;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.invitations.ShowCollabRole;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * No N+1: the shows list and the show page cost a fixed number of SQL statements, however many rows they show.
 * Counted with Hibernate's statistics, switched on for this test only. (The authorization checks of OrgAccess and
 * the RLS context go through JDBC and are not counted; they are one per service call, not per row.)
 */
@RoadbookTest
class ShowStatementsTest {

    @Autowired
    app.roadbook.schedule.ScheduleBook schedule;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    ShowService shows;

    @Autowired
    ArtistService artists;

    @Autowired
    VenueService venues;

    @Autowired
    Fixtures fixtures;

    Statistics statistics;
    UUID org;
    ShowsTestData data;

    @BeforeEach
    void manyShowsEachWithItsOwnArtistAndVenue() {
        UUID owner = fixtures.user("Counter");
        org = fixtures.organization("Statement Co", owner);
        data = new ShowsTestData(fixtures.owner());
        data.showsWithTheirOwnArtistAndVenue(org, 60);
        fixtures.signIn(owner);
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void statisticsOff() {
        statistics.setStatisticsEnabled(false);
        statistics.clear();
    }

    @Test
    void onePageOfShowsIsOneStatementHoweverLong() {
        long fifty = statements(() -> assertThat(shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 50)))
                .hasSize(50)
                .allSatisfy(r -> assertThat(r.artistName()).startsWith("Bulk artist"))
                .allSatisfy(r -> assertThat(r.venueCity()).startsWith("City")));
        long five = statements(() -> assertThat(shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 5)))
                .hasSize(5));
        assertThat(fifty).isEqualTo(five).isEqualTo(1);
        assertThat(statistics.getEntityLoadCount())
                .as("rows are projections, no entity is loaded")
                .isZero();

        assertThat(statements(
                        () -> assertThat(shows.countShows(org, ShowFilter.ALL)).isEqualTo(60)))
                .isEqualTo(1);
        long artistRows =
                statements(() -> assertThat(artists.artists(org)).hasSize(60).allMatch(a -> a.shows() == 1));
        long venueRows = statements(() -> assertThat(venues.venues(org)).hasSize(60));
        assertThat(artistRows).as("artists with their show counts").isEqualTo(1);
        assertThat(venueRows).isEqualTo(1);
    }

    @Test
    void theShowPageIsAFixedNumberOfStatementsHoweverFullItsDaySheetAndAudience() {
        List<ShowRow> two = shows.shows(org, ShowFilter.ALL, PageRequest.of(0, 2));
        UUID quiet = two.get(0).id();
        UUID busy = two.get(1).id();
        data.scheduleItems(org, quiet, 1, LocalDate.now().plusDays(1) + "T12:00:00Z");
        data.scheduleItems(org, busy, 40, LocalDate.now().plusDays(2) + "T08:00:00Z");
        for (int i = 0; i < 8; i++) {
            if (i < 3) {
                fixtures.member(org, fixtures.user("Member"), i % 2 == 0 ? "viewer" : "editor");
            }
            data.grant(org, busy, fixtures.user("Promoter"), ShowCollabRole.promoter_viewer);
        }

        // Each day sheet also carries the show's own doors time (the bulk shows have one, nobody advances them).
        long forQuiet = statements(() -> assertThat(showPage(quiet)).isEqualTo(1 + 1 + 4));
        long forBusy = statements(() -> assertThat(showPage(busy)).isEqualTo(40 + 1 + 4 + 8));
        assertThat(forBusy).isEqualTo(forQuiet);
        assertThat(forQuiet)
                .as("show, day sheet (show and items), audience (show and function)")
                .isLessThanOrEqualTo(5);
    }

    /** What ShowView loads: the show, its day sheet and who can see it; the number of day-sheet and audience lines. */
    private int showPage(UUID show) {
        assertThat(shows.show(org, show).artistName()).startsWith("Bulk artist");
        return schedule.entries(org, show).size() + shows.audience(org, show).size();
    }

    private long statements(Runnable work) {
        statistics.clear();
        work.run();
        return statistics.getPrepareStatementCount();
    }
}
