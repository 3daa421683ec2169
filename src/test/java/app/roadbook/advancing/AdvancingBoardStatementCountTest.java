package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingBoard.Filter;
import app.roadbook.advancing.AdvancingBoard.Period;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * No N+1 on the board: a page of advances with their figures is one statement however many advances and fields it
 * covers, and so are its count, its artist options and a promoter's "My shows". Counted with Hibernate's statistics,
 * switched on for this test only; OrgAccess's permission questions (JDBC) come on top, one set per call.
 */
@RoadbookTest
class AdvancingBoardStatementCountTest {

    @Autowired
    AdvancingBoard board;

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;
    UUID owner, promoter, org;

    @BeforeEach
    void sixtyAdvancesEachOfItsOwnShowArtistAndVenue() {
        owner = fixtures.user("Owner");
        promoter = fixtures.user("Promoter");
        org = fixtures.organization("Counted Board", owner);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixtures.signIn(owner);
        for (int i = 1; i <= 60; i++) {
            UUID artist = fixtures.owner()
                    .queryForObject(
                            "insert into artists (org_id, name) values (?, ?) returning id",
                            UUID.class,
                            org,
                            "Artist " + i);
            UUID venue = fixtures.owner()
                    .queryForObject(
                            "insert into venues (org_id, name, city, timezone) values (?, ?, ?, 'Europe/Oslo') returning id",
                            UUID.class,
                            org,
                            "Venue " + i,
                            "City " + i);
            UUID show = fixtures.owner()
                    .queryForObject(
                            "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, ?, ?) returning id",
                            UUID.class,
                            org,
                            artist,
                            venue,
                            today.plusDays(i),
                            "Show " + i);
            fixtures.owner()
                    .update(
                            "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                            show,
                            promoter,
                            org);
            exchange.createSession(org, show, "Advance " + i, null, null);
        }
        // Every advance has something in each column: our values wait on the promoter, one field of theirs on us.
        fixtures.owner().update("""
                update advancing_fields set value = to_jsonb('Answer ' || field_name), stance = 'answered'
                where org_id = ? and (party_type = 'from_us' and section = 'Hospitality'
                                      or party_type = 'from_you' and field_name = 'Hotel')""", org);
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void statisticsOff() {
        statistics.setStatisticsEnabled(false);
        statistics.clear();
    }

    @Test
    void aPageOfTheBoardIsOneStatementHoweverLong() {
        Filter all = new Filter(Period.ALL, false, false, null);
        long five = statements(
                () -> assertThat(board.board(org, all, PageRequest.of(0, 5))).hasSize(5));
        long fifty = statements(() -> assertThat(board.board(org, all, PageRequest.of(0, 50)))
                .hasSize(50)
                .allSatisfy(line -> {
                    assertThat(line.artistName()).startsWith("Artist ");
                    assertThat(line.venueCity()).startsWith("City ");
                    assertThat(line.progress().fields()).isEqualTo(19);
                    assertThat(line.progress().waitingOnPromoter()).isEqualTo(3);
                    assertThat(line.progress().waitingOnArtistTeam()).isEqualTo(1);
                }));
        assertThat(fifty).isEqualTo(five).isEqualTo(1);
        assertThat(statistics.getEntityLoadCount())
                .as("rows are projections, no entity is loaded")
                .isZero();

        Filter waiting = new Filter(Period.UPCOMING, true, false, null);
        assertThat(statements(() -> assertThat(board.countBoard(org, waiting)).isEqualTo(60)))
                .isEqualTo(1);
        assertThat(statements(() -> assertThat(board.board(org, waiting, PageRequest.of(1, 50)))
                        .hasSize(10)))
                .isEqualTo(1);
        assertThat(statements(() -> assertThat(board.artists(org)).hasSize(60))).isEqualTo(1);
    }

    @Test
    void myShowsIsOneStatementHoweverManyShowsAndAdvances() {
        fixtures.signIn(promoter);
        List<AdvancingBoard.MyShow> mine = board.myShows();
        assertThat(statements(() -> assertThat(board.myShows())
                        .hasSize(60)
                        .allSatisfy(show -> assertThat(show.advances())
                                .singleElement()
                                .satisfies(a -> assertThat(a.progress().waitingOn(Party.from_you))
                                        .isEqualTo(3)))))
                .isEqualTo(1);
        assertThat(mine.getFirst().title()).isEqualTo("Show 1");
        assertThat(mine.getFirst().canEdit()).isFalse();
    }

    private long statements(Runnable work) {
        statistics.clear();
        work.run();
        return statistics.getPrepareStatementCount();
    }
}
