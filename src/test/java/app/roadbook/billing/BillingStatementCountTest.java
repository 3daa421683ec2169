package app.roadbook.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
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
 * No N+1: the owner's billing dashboard and the platform admin's organizations list cost the same number of
 * statements whatever the number of plans, orgs, overrides, requests and history entries. Counted with Hibernate's
 * statistics, switched on only around the counted call (application.properties leaves them off). The native queries
 * (seats, entitlements, history) go through Hibernate and are counted; OrgAccess's membership and permission checks
 * (JDBC, two per dashboard call) come on top of these.
 */
@RoadbookTest
class BillingStatementCountTest {

    @Autowired
    BillingService billing;

    @Autowired
    PlatformBilling platform;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;
    UUID owner, org;
    final List<String> plans = new ArrayList<>();

    @BeforeEach
    void anOrgOnAPlan() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        owner = fixtures.user("Counter");
        org = fixtures.organization("Counted Billing", owner);
    }

    @AfterEach
    void statisticsOffAndOurPlansRetired() {
        statistics.setStatisticsEnabled(false);
        // Plans cannot be deleted once orgs are on them; retired, they are offered to nobody else.
        fixtures.owner().update("update billing_plans set retired_at = now() where id = any(?)", (Object)
                plans.toArray(String[]::new));
    }

    @Test
    void theOwnersDashboardIsFiveStatementsWhateverTheCatalogTheOrgsAndTheHistory() {
        fixtures.signIn(owner);
        long plain = statements(this::dashboard);

        manyPlansAndOrgs(15);
        fixtures.owner().update("""
                insert into org_feature_overrides (org_id, key, value)
                values (?, 'reporting', 'false'), (?, 'max_artists', '40'), (?, 'max_members', 'null')""", org, org, org);
        fixtures.owner().update("""
                insert into activity_log (org_id, category, action, resource_type, resource_id, details)
                select ?, 'billing', 'override.set', 'subscription', ?, jsonb_build_object('n', g) from generate_series(1, 40) g""", org, org);
        billing.requestPlanChange(org, plans.getFirst());
        Dashboard[] seen = new Dashboard[1];
        long busy = statements(() -> seen[0] = dashboard());

        assertThat(seen[0].overview().pendingRequest()).isNotNull();
        assertThat(seen[0].overview().entitlements())
                .contains(
                        new BillingOverview.Entitlement("max_members", "unlimited", true),
                        new BillingOverview.Entitlement("max_artists", "40", true),
                        new BillingOverview.Entitlement("reporting", "false", true));
        assertThat(seen[0].plans()).extracting(PlanSummary::id).containsAll(plans);
        assertThat(seen[0].history()).hasSize(41);
        assertThat(busy).isEqualTo(plain).isEqualTo(5);
    }

    @Test
    void thePlatformAdminsOrganizationsListIsTwoStatementsWhateverTheNumberOfOrgs() {
        fixtures.signIn(fixtures.platformAdmin());
        long before = statements(() -> assertThat(platform.organizations()).isNotEmpty());
        List<UUID> added = manyPlansAndOrgs(25);
        long after = statements(() -> assertThat(platform.organizations())
                .filteredOn(r -> added.contains(r.orgId()))
                .hasSize(25)
                .allSatisfy(r -> {
                    assertThat(plans).contains(r.planId());
                    assertThat(r.members()).isEqualTo(1);
                    assertThat(r.pendingPlan()).isNotNull();
                    assertThat(r.subscriptionVersion()).isNotNull();
                }));
        assertThat(after).isEqualTo(before).isEqualTo(2);
        assertThat(statements(() -> assertThat(platform.pendingRequests()).hasSizeGreaterThanOrEqualTo(25)))
                .isEqualTo(1);
        assertThat(statements(() -> assertThat(catalog.plans()).hasSizeGreaterThanOrEqualTo(25)))
                .isEqualTo(1);
    }

    /** What the billing page loads: the overview, the plans to choose from and the history. */
    private Dashboard dashboard() {
        return new Dashboard(
                billing.overview(org), billing.availablePlans(), billing.history(org, PageRequest.of(0, 50)));
    }

    record Dashboard(BillingOverview overview, List<PlanSummary> plans, List<BillingService.BillingEvent> history) {}

    /** {@code n} plans, and as many orgs on them with an owner, an override and a pending request each. */
    private List<UUID> manyPlansAndOrgs(int n) {
        List<UUID> orgs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String plan = "counted_" + Math.abs(System.nanoTime() % 1_000_000) + "_" + i;
            fixtures.owner().update("""
                    insert into billing_plans (id, name, price_cents, max_members, features)
                    values (?, ?, ?, 50, '{"editing": true}')""", plan, "Counted " + i, 1000 + i);
            plans.add(plan);
            UUID someOwner = fixtures.user("CountedOwner");
            UUID other = fixtures.organization("Counted Org " + i, someOwner);
            fixtures.owner().update("update org_subscriptions set plan_id = ? where org_id = ?", plan, other);
            fixtures.owner()
                    .update(
                            "insert into org_feature_overrides (org_id, key, value) values (?, 'reporting', 'true')",
                            other);
            fixtures.owner()
                    .update(
                            "insert into plan_change_requests (org_id, plan_id, requested_by) values (?, 'enterprise', ?)",
                            other,
                            someOwner);
            orgs.add(other);
        }
        return orgs;
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
