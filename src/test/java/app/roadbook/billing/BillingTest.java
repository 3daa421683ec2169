package app.roadbook.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.jobs.OnceOnly;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RoadbookTest
class BillingTest {

    @Autowired
    BillingService billing;

    @Autowired
    PlatformBilling platform;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    UUID owner, admin, editor, org;

    @BeforeEach
    void aSoloArtistOrg() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        org = fixtures.organization("Billing Co", owner);
        fixtures.accounts().subscription(org, "solo_artist", "trialing", 5);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
    }

    @Test
    void theOwnerSeesPlanStatusSeatsAndEntitlements() {
        fixtures.owner().update("insert into artists (org_id, name) values (?, 'Solo')", org);
        fixtures.owner()
                .update("insert into org_feature_overrides (org_id, key, value) values (?, 'reporting', 'true')", org);
        fixtures.signIn(owner);
        BillingOverview o = billing.overview(org);
        assertThat(o.plan().name()).isEqualTo("Solo Artist");
        assertThat(o.status()).isEqualTo("trialing");
        assertThat(o.live()).isTrue();
        assertThat(o.daysLeft(OffsetDateTime.now())).isBetween(4L, 5L);
        assertThat(o.seats())
                .containsExactly(
                        new BillingOverview.SeatUsage("members", 3, 3),
                        new BillingOverview.SeatUsage("collaborators", 0, 10),
                        new BillingOverview.SeatUsage("artists", 1, 1));
        assertThat(o.entitlements())
                .contains(
                        new BillingOverview.Entitlement("reporting", "true", true),
                        new BillingOverview.Entitlement("advancing", "true", false));
        fixtures.signIn(editor);
        assertThat(billing.canSeeBilling(org)).isFalse();
        assertThatThrownBy(() -> billing.overview(org)).isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void seatLimitsHoldForEveryWriterAndNameThePlan() {
        UUID extra = fixtures.user("Extra");
        assertThatThrownBy(() -> fixtures.member(org, extra, "viewer"))
                .hasMessageContaining("The Solo Artist plan allows 3 members; this organization has 3.");
        fixtures.owner().update("insert into artists (org_id, name) values (?, 'One')", org);
        assertThatThrownBy(() -> fixtures.owner().update("insert into artists (org_id, name) values (?, 'Two')", org))
                .hasMessageContaining("allows 1 artists");
        // An override lifts the limit for this org only.
        fixtures.owner()
                .update("insert into org_feature_overrides (org_id, key, value) values (?, 'max_members', '4')", org);
        fixtures.member(org, extra, "viewer");
    }

    @Test
    void noRaceExceedsALimit() throws Exception {
        UUID roomy = fixtures.organization("Race Co", fixtures.user("Racer"));
        fixtures.accounts().subscription(roomy, "solo_artist", "active", 30);
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            candidates.add(fixtures.user("Candidate"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (UUID candidate : candidates) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    fixtures.member(roomy, candidate, "viewer");
                    return true;
                } catch (RuntimeException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        long joined = 0;
        for (Future<Boolean> r : results) {
            joined += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(joined).isEqualTo(2);
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from org_members where org_id = ?", Integer.class, roomy))
                .isEqualTo(3);
    }

    @Test
    void anOwnerRequestsAPlanButNeverChangesItThemselves() {
        grantACollaborator();
        fixtures.signIn(owner);
        assertThatThrownBy(() -> billing.requestPlanChange(org, "crew_readonly"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("too small")
                .hasMessageContaining("remove 1 collaborators (1 now, 0 allowed)");
        assertThat(billing.requestPlanChange(org, "team_manager")).isEqualTo(PaymentGateway.Outcome.PENDING_APPROVAL);
        assertThat(billing.overview(org).pendingRequest().planName()).isEqualTo("Team Manager");
        assertThatThrownBy(() -> billing.requestPlanChange(org, "enterprise")).hasMessageContaining("already waiting");
        // Not by the service, not by SQL as the app role, not through the platform admin's service.
        assertThatThrownBy(() -> platform.changeSubscription(org, "enterprise", "active", null))
                .isInstanceOf(AccessDeniedException.class);
        JdbcTemplate app = new JdbcTemplate(dataSource);
        Integer changed = new TransactionTemplate(transactions)
                .execute(tx -> app.update(
                        "update org_subscriptions set plan_id = 'enterprise', status = 'active' where org_id = ?",
                        org));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                        .execute(tx -> app.update(
                                "insert into org_feature_overrides (org_id, key, value) values (?, 'max_members', '99')",
                                org)))
                .rootCause()
                .hasMessageContaining("row-level security");
        fixtures.signIn(admin);
        assertThatThrownBy(() -> billing.requestPlanChange(org, "enterprise"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(billing.overview(org).plan().id()).isEqualTo("solo_artist");
    }

    @Test
    void thePlatformAdminAppliesRequestsAndEveryChangeIsLoggedWithBeforeAndAfter() {
        fixtures.signIn(owner);
        billing.requestPlanChange(org, "team_manager");
        fixtures.signIn(fixtures.platformAdmin());
        PlatformBilling.RequestRow request = platform.pendingRequests().stream()
                .filter(r -> r.orgId().equals(org))
                .findFirst()
                .orElseThrow();
        platform.applyRequest(request.id());
        assertThat(platform.organizations())
                .filteredOn(r -> r.orgId().equals(org))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.planId()).isEqualTo("team_manager");
                    assertThat(r.status()).isEqualTo("active");
                    assertThat(r.pendingPlan()).isNull();
                });
        grantACollaborator();
        assertThatThrownBy(() -> platform.changeSubscription(org, "crew_readonly", "active", null))
                .hasMessageContaining("remove 1 collaborators");
        platform.setOverride(org, "reporting", false);
        platform.setOverride(org, "max_artists", 5);
        platform.setOverride(org, "max_members", null);
        assertThatThrownBy(() -> platform.setOverride(org, "editing", "yes")).hasMessageContaining("feature flag");
        assertThatThrownBy(() -> platform.setOverride(org, "max_members", -1)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> platform.setOverride(org, "free_beer", true))
                .hasMessageContaining("Unknown entitlement");
        assertThat(platform.overrides(org))
                .containsEntry("reporting", false)
                .containsEntry("max_artists", 5)
                .containsEntry("max_members", null);
        Map<String, Object> change = fixtures.owner().queryForMap("""
                select details->'before'->>'plan_id' as before, details->'after'->>'plan_id' as after from activity_log
                where org_id = ? and category = 'billing' and action = 'subscription.changed'""", org);
        assertThat(change).containsEntry("before", "solo_artist").containsEntry("after", "team_manager");
        fixtures.signIn(owner);
        assertThat(billing.history(org, PageRequest.of(0, 20)))
                .extracting(BillingService.BillingEvent::action)
                .contains("subscription.changed", "plan_change.requested", "override.set");
    }

    @Test
    void aPlanInUseIsRetiredNeverDeleted() {
        fixtures.signIn(fixtures.platformAdmin());
        catalog.savePlan(new PlanDraft(
                "festival",
                "Festival",
                "For festivals",
                19900,
                "usd",
                null,
                25,
                200,
                Map.of("advancing", true, "editing", true)));
        assertThat(catalog.plans()).extracting(PlanSummary::id).contains("festival");
        assertThat(catalog.removePlan("festival")).as("unused: deleted").isFalse();
        assertThat(catalog.plans()).extracting(PlanSummary::id).doesNotContain("festival");
        assertThat(catalog.removePlan("solo_artist")).as("in use: retired").isTrue();
        assertThat(billing.availablePlans()).extracting(PlanSummary::id).doesNotContain("solo_artist");
        catalog.reinstatePlan("solo_artist");
        assertThat(billing.availablePlans()).extracting(PlanSummary::id).contains("solo_artist");
        assertThatThrownBy(
                        () -> catalog.savePlan(new PlanDraft("Bad Id!", "x", null, 1, "usd", null, 1, null, Map.of())))
                .hasMessageContaining("plan id");
        fixtures.signIn(owner);
        assertThatThrownBy(() -> catalog.plans()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theLifecycleMovesExpiredTrialsAndOverdueOrgsOnWithAnInjectedClock() {
        UUID trial = fixtures.organization("Expired Trial", fixtures.user("T"));
        fixtures.accounts().subscription(trial, "solo_artist", "trialing", -1);
        UUID overdue = fixtures.organization("Overdue", fixtures.user("O"));
        fixtures.accounts().subscription(overdue, "team_manager", "past_due", -8);
        UUID graced = fixtures.organization("In Grace", fixtures.user("G"));
        fixtures.accounts().subscription(graced, "team_manager", "past_due", -6);

        Instant beforeExpiry = Instant.now().minusSeconds(3 * 86_400);
        assertThat(job(beforeExpiry).run())
                .as("three days ago nothing had expired yet")
                .isZero();

        assertThat(job(Instant.now()).run()).isGreaterThanOrEqualTo(2);
        assertThat(subscription(trial)).containsEntry("status", "canceled").containsEntry("plan_id", "solo_artist");
        assertThat(subscription(overdue)).containsEntry("status", "active").containsEntry("plan_id", "crew_readonly");
        assertThat(subscription(graced)).containsEntry("status", "past_due").containsEntry("plan_id", "team_manager");
        // Crew Read-Only has editing off: the org reads but writes nothing; the trial org too.
        assertThat(fixtures.owner().queryForObject("select org_is_live(?)", Boolean.class, overdue))
                .isFalse();
        assertThat(fixtures.owner().queryForObject("select org_is_live(?)", Boolean.class, trial))
                .isFalse();
        assertThat(fixtures.owner().queryForObject("select org_is_live(?)", Boolean.class, graced))
                .isTrue();
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id in (?, ?) and category = 'billing' order by action",
                                String.class,
                                trial,
                                overdue))
                .contains("subscription.downgraded_after_grace", "subscription.trial_expired");
        assertThatThrownBy(() -> job(Instant.now().plusSeconds(86_400)).run())
                .hasMessageContaining("ahead of the current time");

        fixtures.signIn(
                fixtures.owner().queryForObject("select user_id from org_members where org_id = ?", UUID.class, trial));
        assertThat(billing.lapseNotice(trial))
                .hasValueSatisfying(n -> assertThat(n).contains("read-only").contains("trial"));
        fixtures.signIn(owner);
        assertThat(billing.lapseNotice(org)).isEmpty();
    }

    @Test
    void twoAdminsEditingOnePlanOrSubscriptionAtOnce_theSecondIsToldSomeoneElseChangedIt() {
        fixtures.signIn(fixtures.platformAdmin());
        String id = "two_admins_" + Math.abs(System.nanoTime() % 1_000_000);
        catalog.savePlan(plan(id, "Two Admins"));
        int read = catalog.plans().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow()
                .version();
        catalog.savePlan(plan(id, "First Edit"), read);
        assertThatThrownBy(() -> catalog.savePlan(plan(id, "Second Edit"), read))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(catalog.plans())
                .filteredOn(p -> p.id().equals(id))
                .singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("First Edit"));
        assertThat(catalog.removePlan(id)).as("never used: deleted").isFalse();

        Integer seen = platform.organizations().stream()
                .filter(r -> r.orgId().equals(org))
                .findFirst()
                .orElseThrow()
                .subscriptionVersion();
        platform.changeSubscription(org, "team_manager", "active", null, seen);
        assertThatThrownBy(() -> platform.changeSubscription(org, "enterprise", "active", null, seen))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(subscription(org)).containsEntry("plan_id", "team_manager");

        // An org without a subscription when the admin looked: whoever saves second is refused too.
        UUID bare = fixtures.organization("Bare Co", fixtures.user("Bare"));
        fixtures.owner().update("delete from org_subscriptions where org_id = ?", bare);
        platform.changeSubscription(
                bare, "solo_artist", "trialing", OffsetDateTime.now().plusDays(14), null);
        assertThatThrownBy(() -> platform.changeSubscription(bare, "enterprise", "active", null, null))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(subscription(bare)).containsEntry("plan_id", "solo_artist").containsEntry("status", "trialing");
    }

    @Test
    void anOwnerWithdrawsAndAPlatformAdminDeclines_eachDecisionSaysWhoAndIsLogged() {
        fixtures.signIn(owner);
        billing.requestPlanChange(org, "team_manager");
        billing.withdrawRequest(org);
        assertThat(billing.overview(org).pendingRequest()).isNull();
        assertThat(fixtures.owner()
                        .queryForMap("select status, decided_by from plan_change_requests where org_id = ?", org))
                .containsEntry("status", "withdrawn")
                .containsEntry("decided_by", null);
        billing.withdrawRequest(org);

        billing.requestPlanChange(org, "team_manager");
        UUID platformAdmin = fixtures.platformAdmin();
        fixtures.signIn(platformAdmin);
        UUID request = platform.pendingRequests().stream()
                .filter(r -> r.orgId().equals(org))
                .findFirst()
                .orElseThrow()
                .id();
        platform.declineRequest(request, "Not this month.");
        assertThat(fixtures.owner()
                        .queryForMap(
                                "select status, note, requested_by, decided_by from plan_change_requests where id = ?",
                                request))
                .containsEntry("status", "declined")
                .containsEntry("note", "Not this month.")
                .containsEntry("requested_by", owner)
                .containsEntry("decided_by", platformAdmin);
        assertThatThrownBy(() -> platform.applyRequest(request))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such pending request.");
        assertThat(platform.pendingRequests()).noneMatch(r -> r.orgId().equals(org));
        assertThat(fixtures.owner().queryForObject("""
                select details->'after'->>'note' from activity_log
                where org_id = ? and category = 'billing' and action = 'plan_change.declined'""", String.class, org)).isEqualTo("Not this month.");

        fixtures.signIn(owner);
        assertThat(billing.history(org, PageRequest.of(0, 20)))
                .extracting(BillingService.BillingEvent::action)
                .containsSubsequence(
                        "plan_change.declined",
                        "plan_change.requested",
                        "plan_change.withdrawn",
                        "plan_change.requested");
        // Owners see their own names; a platform admin is "Roadbook" to them (app_users shows them only co-members).
        assertThat(billing.history(org, PageRequest.of(0, 20)))
                .extracting(BillingService.BillingEvent::actor)
                .containsExactly("Roadbook", "Owner", "Owner", "Owner");
    }

    @Test
    void anAppliedRequestSaysWhoAppliedItAndOverridesAreLoggedAsTheOrgsOverridesBeforeAndAfter() {
        fixtures.signIn(owner);
        billing.requestPlanChange(org, "team_manager");
        UUID platformAdmin = fixtures.platformAdmin();
        fixtures.signIn(platformAdmin);
        UUID request = platform.pendingRequests().stream()
                .filter(r -> r.orgId().equals(org))
                .findFirst()
                .orElseThrow()
                .id();
        platform.applyRequest(request);
        assertThat(fixtures.owner()
                        .queryForMap(
                                "select status, decided_by, decided_at is not null as decided from plan_change_requests where id = ?",
                                request))
                .containsEntry("status", "applied")
                .containsEntry("decided_by", platformAdmin)
                .containsEntry("decided", true);
        fixtures.signIn(owner);
        assertThat(billing.overview(org)).satisfies(o -> {
            assertThat(o.plan().id()).isEqualTo("team_manager");
            assertThat(o.status()).isEqualTo("active");
            assertThat(o.daysLeft(OffsetDateTime.now())).isBetween(29L, 30L);
            assertThat(o.pendingRequest()).isNull();
        });

        fixtures.signIn(platformAdmin);
        platform.setOverride(org, "reporting", false);
        platform.setOverride(org, "max_members", null);
        platform.setOverride(org, "reporting", true);
        platform.removeOverride(org, "max_members");
        List<Map<String, Object>> entries = fixtures.owner().queryForList("""
                select action, details->'before' #>> '{}' as before, details->'after' #>> '{}' as after from activity_log l
                where org_id = ? and category = 'billing' and action like 'override.%' order by l.created_at""", org);
        assertThat(entries)
                .extracting(e -> e.get("action") + " " + e.get("before") + " -> " + e.get("after"))
                .containsExactly(
                        "override.set {} -> {\"reporting\": false}",
                        "override.set {\"reporting\": false} -> {\"reporting\": false, \"max_members\": null}",
                        "override.set {\"reporting\": false, \"max_members\": null} -> {\"reporting\": true, \"max_members\": null}",
                        "override.removed {\"reporting\": true, \"max_members\": null} -> {\"reporting\": true}");
        assertThat(platform.overrides(org)).containsExactly(Map.entry("reporting", true));
    }

    @Test
    void everyChangeOfThePlanCatalogIsLoggedWithThePlanBeforeAndAfter() {
        fixtures.signIn(fixtures.platformAdmin());
        String id = "logged_" + Math.abs(System.nanoTime() % 1_000_000);
        catalog.savePlan(plan(id, "Logged"));
        catalog.savePlan(plan(id, "Logged Again"));
        assertThat(catalog.removePlan(id)).isFalse();
        List<Map<String, Object>> entries = fixtures.owner().queryForList("""
                select action, details->'before'->>'name' as before_name, details->'after'->>'name' as after_name,
                       details->'before'->>'version' as before_version, details->'after'->>'version' as after_version,
                       details->'after'->>'created_at' as plan_created_at, details->'after'->'features'->>'editing' as editing,
                       resource_type
                from activity_log l where category = 'billing' and org_id is null
                  and coalesce(details->'after'->>'id', details->'before'->>'id') = ? order by l.created_at""", id);
        assertThat(entries)
                .extracting(e -> e.get("action"))
                .containsExactly("plan.created", "plan.changed", "plan.deleted");
        assertThat(entries.get(0))
                .containsEntry("before_name", null)
                .containsEntry("after_name", "Logged")
                .containsEntry("after_version", "0")
                .containsEntry("editing", "true")
                .containsEntry("resource_type", "plan");
        assertThat(entries.get(0).get("plan_created_at")).isNotNull();
        assertThat(entries.get(1))
                .containsEntry("before_name", "Logged")
                .containsEntry("after_name", "Logged Again")
                .containsEntry("before_version", "0")
                .containsEntry("after_version", "1");
        assertThat(entries.get(2)).containsEntry("before_name", "Logged Again").containsEntry("after_name", null);
    }

    private static PlanDraft plan(String id, String name) {
        return new PlanDraft(
                id, name, "A plan of this test", 4900, "usd", 2, 5, 5, Map.of("editing", true, "advancing", false));
    }

    private void grantACollaborator() {
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, current_date) returning id", UUID.class, org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                        show,
                        fixtures.user("Promoter"),
                        org);
    }

    private BillingLifecycleJob job(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new BillingLifecycleJob(dataSource, clock, OnceOnly.onNode(dataSource, clock, "test"));
    }

    private Map<String, Object> subscription(UUID orgId) {
        return fixtures.owner().queryForMap("select plan_id, status from org_subscriptions where org_id = ?", orgId);
    }
}
