package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.shows.ui.ShowsView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import com.vaadin.browserless.SpringBrowserlessTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A navigation reads the user's organizations once (the access check, the view and the menu used to read them three
 * times), and a list kept for the request is read again after a write or at the next request (decision 0033).
 * Counted with Hibernate's statistics: the number of times the organizations query ran, whatever the machine's speed.
 */
@RoadbookTest
class OrganizationListPerRequestTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organizations;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    ApplicationContext context;

    Statistics statistics;
    UUID editor, org;

    @BeforeEach
    void anEditorOfOneOrganization() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        editor = fixtures.user("Navigator");
        org = fixtures.organization("Navigated Co", fixtures.user("NavigatedOwner"));
        fixtures.member(org, editor, "editor");
        fixtures.signIn(editor);
        navigate(ShowsView.class);
        roundTrip();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void statisticsOff() {
        statistics.setStatisticsEnabled(false);
        statistics.clear();
        Fixtures.signOut();
    }

    @Test
    void openingAViewReadsTheOrganizationsOnce() {
        navigate(ShowsView.class);

        assertThat(organizationReads()).isEqualTo(1);
        assertThat(current().get()).map(OrgSummary::id).contains(org);
    }

    @Test
    void aWriteInTheSameRequestOrTheNextRequestReadsThemAgain() {
        navigate(ShowsView.class);
        assertThat(current().mine()).extracting(OrgSummary::id).containsExactly(org);

        // Created in this request (a read-write transaction): the next ask reads the list again and finds it.
        UUID created = organizations.createOrganization("Second Navigated Co");
        assertThat(current().mine()).extracting(OrgSummary::id).contains(org, created);
        assertThat(organizationReads()).isEqualTo(2);

        // Ended outside the app (no transaction of this request): seen from the next request on.
        // SQL: as the schema owner, so that no transaction of the app's (which would count as a write) is involved.
        fixtures.owner().update("delete from org_members where org_id = ? and user_id = ?", org, editor);
        roundTrip();
        assertThat(current().mine()).extracting(OrgSummary::id).containsExactly(created);
        assertThat(organizationReads()).isEqualTo(3);
    }

    private CurrentOrganization current() {
        return context.getBean(CurrentOrganization.class);
    }

    private long organizationReads() {
        return java.util.Arrays.stream(statistics.getQueries())
                .filter(q -> q.contains("OrgSummary"))
                .mapToLong(q -> statistics.getQueryStatistics(q).getExecutionCount())
                .sum();
    }
}
