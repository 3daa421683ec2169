package app.roadbook.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * No N+1: the directory grid and the contact page cost the same number of statements whatever the page size or the
 * number of links and commissions. Counted with Hibernate's statistics, switched on only around the counted call
 * (application.properties leaves them off). OrgAccess's membership check (JDBC, one per call) comes on top of these.
 */
@RoadbookTest
class ContactStatementCountTest {

    @Autowired
    ContactDirectory directory;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;
    UUID editor, org;

    @BeforeEach
    void anOrgWithManyContacts() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        editor = fixtures.user("Counter");
        org = fixtures.organization("Counted Directory", editor);
        fixtures.owner().update("""
                insert into contacts (org_id, name, email, company, city, status)
                select ?, 'Counted ' || g, 'c' || g || '@count.test', 'Company ' || (g % 7), 'City ' || (g % 5),
                       case when g % 3 = 0 then 'pending' else 'active' end
                from generate_series(1, 120) g""", org);
        fixtures.owner().update("""
                insert into contact_types (contact_id, org_id, type)
                select id, org_id, t::contact_type from contacts, unnest(array['promoter', 'agent']) t where org_id = ?""", org);
        fixtures.signIn(editor);
    }

    @AfterEach
    void statisticsOffAndSignOut() {
        statistics.setStatisticsEnabled(false);
        Fixtures.signOut();
    }

    @Test
    void aPageOfTheDirectoryIsOneStatementWhateverItsSize() {
        PageRequest five = PageRequest.of(0, 5, Sort.by("name"));
        PageRequest fifty = PageRequest.of(1, 50, Sort.by(Sort.Direction.DESC, "city"));
        long forFive = statements(
                () -> assertThat(directory.list(org, ContactFilter.ALL, five)).hasSize(5));
        long forFifty = statements(() -> assertThat(directory.list(org, ContactFilter.ALL, fifty))
                .hasSize(50)
                .allSatisfy(row -> assertThat(row.types()).containsExactly(ContactType.promoter, ContactType.agent)));
        ContactFilter filtered = new ContactFilter("counted", Set.of(ContactType.agent), ContactStatus.active);
        long forFiftyFiltered = statements(
                () -> assertThat(directory.list(org, filtered, fifty)).hasSize(30));

        assertThat(forFifty).isEqualTo(forFive).isEqualTo(forFiftyFiltered).isEqualTo(1);
        assertThat(statements(() -> assertThat(directory.count(org, filtered)).isEqualTo(80)))
                .isEqualTo(1);
    }

    @Test
    void theContactPageIsThreeStatementsWhateverItsLinksAndCommissions() {
        UUID few = someContact("Counted 1");
        UUID many = someContact("Counted 2");
        for (UUID contact : new UUID[] {few, many}) {
            int n = contact.equals(few) ? 1 : 40;
            fixtures.owner().update("""
                    with v as (insert into venues (org_id, name) select ?, 'Venue ' || g from generate_series(1, ?) g returning id)
                    insert into venue_contacts (org_id, venue_id, contact_id) select ?, id, ? from v""", org, n, org, contact);
            fixtures.owner().update("""
                    with s as (insert into shows (org_id, date) select ?, date '2027-01-01' + g from generate_series(1, ?) g returning id)
                    insert into contact_commissions (org_id, contact_id, show_id, amount) select ?, ?, id, 10 from s""", org, n, org, contact);
        }
        long forFew =
                statements(() -> assertThat(directory.get(org, few).venues()).hasSize(1));
        long forMany = statements(() -> {
            ContactDetails details = directory.get(org, many);
            assertThat(details.venues()).hasSize(40);
            assertThat(details.commissions())
                    .hasSize(40)
                    .allSatisfy(c -> assertThat(c.showLabel()).startsWith("2027-"));
            assertThat(details.draft().types()).containsExactly(ContactType.promoter, ContactType.agent);
        });
        assertThat(forMany).isEqualTo(forFew).isEqualTo(3);
    }

    private UUID someContact(String name) {
        return fixtures.owner()
                .queryForObject("select id from contacts where org_id = ? and name = ?", UUID.class, org, name);
    }

    /** The statements Hibernate prepared while {@code work} ran. */
    private long statements(Runnable work) {
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            work.run();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        return statistics.getPrepareStatementCount();
    }
}
