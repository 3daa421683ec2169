package app.roadbook;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.audit.AuditTrail;
import app.roadbook.base.RowCount;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactFilter;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lists' headings count up to 10,000 and say "10,000+" above (decision 0018): the shows list, the directory and
 * the audit log each answer a capped count in one statement over a sub-select limited to 10,001 rows, and the exact
 * figure on request. The test's own organization gets 10,050 of each, written in bulk as the schema owner. Asserted
 * are the answers and the number of statements, never a duration. The rows are written once for the class (the
 * tests only read them).
 */
@RoadbookTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountsOverTenThousandTest {

    static final int MANY = 10_050;

    @Autowired
    ShowService shows;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    AuditTrail trail;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    Fixtures fixtures;

    UUID owner, org;
    Statistics statistics;

    @BeforeAll
    void anOrgWithMoreThanTenThousandOfEach() {
        owner = fixtures.user("Counter");
        org = fixtures.organization("Ten Thousand Co", owner);
        var sql = fixtures.owner();
        sql.update("""
                insert into shows (org_id, date, status, title)
                select ?, current_date + (g % 400), case when g <= 10 then 'draft' else 'confirmed' end::show_status,
                       'Bulk show ' || g
                from generate_series(1, ?) g""", org, MANY);
        sql.update("""
                insert into contacts (org_id, name, email, city)
                select ?, 'Bulk contact ' || g, 'bulk' || g || '@counts.test', case when g <= 7 then 'Tromsø' else 'Oslo' end
                from generate_series(1, ?) g""", org, MANY);
        sql.update("""
                insert into activity_log (org_id, user_id, category, action, resource_type)
                select ?, ?, 'general', 'bulk.added', 'bulk' from generate_series(1, ?) g""", org, owner, MANY);
    }

    @BeforeEach
    void signedInAndCounting() {
        fixtures.signIn(owner);
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void signOutAndStatisticsOff() {
        statistics.setStatisticsEnabled(false);
        statistics.clear();
        Fixtures.signOut();
    }

    @Test
    void theShowsListSaysTenThousandPlusAndCountsExactlyOnRequest() {
        assertThat(statements(() ->
                        assertThat(shows.countShowsCapped(org, ShowFilter.ALL)).isEqualTo(new RowCount(10_000, true))))
                .as("one statement")
                .isEqualTo(1);
        assertThat(shows.countShowsCapped(org, ShowFilter.ALL).describe("show", "shows"))
                .isEqualTo("10,000+ shows");
        assertThat(shows.countShows(org, ShowFilter.ALL)).isEqualTo(MANY);
        assertThat(shows.countShowsCapped(org, new ShowFilter(null, ShowStatus.draft, null, null)))
                .as("below the cap, the count is exact")
                .isEqualTo(RowCount.exact(10));
    }

    @Test
    void theDirectorySaysTenThousandPlusForTheOrgAndForABroadSearch() {
        assertThat(statements(() ->
                        assertThat(contacts.countCapped(org, ContactFilter.ALL)).isEqualTo(new RowCount(10_000, true))))
                .isEqualTo(1);
        ContactFilter broad = new ContactFilter("counts.test", Set.of(), null);
        assertThat(statements(() -> assertThat(contacts.countCapped(org, broad)).isEqualTo(new RowCount(10_000, true))))
                .as("the search's capped count (contact_count of V23) is one statement too")
                .isEqualTo(1);
        assertThat(contacts.count(org, ContactFilter.ALL)).isEqualTo(MANY);
        assertThat(contacts.count(org, broad)).isEqualTo(MANY);
        assertThat(contacts.countCapped(org, new ContactFilter("tromsø", Set.of(), null)))
                .isEqualTo(RowCount.exact(7));
        assertThat(contacts.countCapped(org, new ContactFilter("nobody at all", Set.of(), null)))
                .matches(RowCount::isZero);
    }

    @Test
    void theAuditLogSaysTenThousandPlusAndCountsExactlyOnRequest() {
        assertThat(trail.countCapped(org, AuditTrail.Filter.ANY)).isEqualTo(new RowCount(10_000, true));
        AuditTrail.Filter bulk = new AuditTrail.Filter("general", "bulk.added", null, null, null);
        assertThat(trail.count(org, bulk)).isEqualTo(MANY);
        assertThat(trail.count(org, AuditTrail.Filter.ANY)).isGreaterThanOrEqualTo(MANY);
        assertThat(trail.countCapped(org, new AuditTrail.Filter("general", "nothing like it", null, null, null)))
                .matches(RowCount::isZero);
    }

    private long statements(Runnable action) {
        long before = statistics.getPrepareStatementCount();
        action.run();
        return statistics.getPrepareStatementCount() - before;
    }
}
