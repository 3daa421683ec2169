package app.roadbook.billing;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An org's billing as its owners and admins see it: plan, status, seats, entitlements, history, and the owner's
 * plan change requests (which a platform admin applies in {@link PlatformBilling}). Every member gets the banner
 * saying why a lapsed org is read-only.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class BillingService {

    private final OrgSubscriptionRepository subscriptions;
    private final BillingPlanRepository plans;
    private final PlanChangeRequestRepository requests;
    private final PlanFit fit;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final PaymentGateway payments;

    BillingService(
            OrgSubscriptionRepository subscriptions,
            BillingPlanRepository plans,
            PlanChangeRequestRepository requests,
            PlanFit fit,
            OrgAccess access,
            ActivityLog activity,
            PaymentGateway payments) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.requests = requests;
        this.fit = fit;
        this.access = access;
        this.activity = activity;
        this.payments = payments;
    }

    /** Whether the acting user manages this org's billing (owner or admin). */
    @Transactional(readOnly = true)
    public boolean canSeeBilling(UUID orgId) {
        return access.can(orgId, OrgPermission.VIEW_BILLING);
    }

    // The dashboard ------------------------------------------------------------------------------

    /** Everything the dashboard shows but the catalog and the history, in three statements whatever the org's size. */
    @Transactional(readOnly = true)
    public BillingOverview overview(UUID orgId) {
        requireBillingReader(orgId);
        Optional<OrgSubscription> subscription = subscriptions.findWithPlan(orgId);
        OrgSubscriptionRepository.Computed computed =
                subscriptions.findComputed(orgId).orElseThrow(() -> new OrgAccess.NotFoundException("Not found."));
        BillingOverview.PendingRequest pending = requests.findPending(orgId)
                .map(r -> new BillingOverview.PendingRequest(
                        r.getId(), r.getPlan().getName(), r.getCreatedAt()))
                .orElse(null);
        if (subscription.isEmpty()) {
            return new BillingOverview(
                    orgId, null, "none", null, null, false, seats(computed, Map.of()), List.of(), pending);
        }
        OrgSubscription s = subscription.get();
        Map<String, Object> overrides = fit.map(computed.getOverrides());
        Map<String, Object> effective = fit.map(computed.getEffective());
        List<BillingOverview.Entitlement> entitlements = new ArrayList<>();
        effective.forEach((k, v) -> entitlements.add(
                new BillingOverview.Entitlement(k, v == null ? "unlimited" : v.toString(), overrides.containsKey(k))));
        entitlements.sort(Comparator.comparing(BillingOverview.Entitlement::key));
        return new BillingOverview(
                orgId,
                s.getPlan().summary(),
                s.getStatus(),
                s.getCurrentPeriodStart(),
                s.getCurrentPeriodEnd(),
                computed.getLive(),
                seats(computed, effective),
                entitlements,
                pending);
    }

    /** Why the org is read-only, for the banner every member sees; empty while it is live. */
    @Transactional(readOnly = true)
    public Optional<String> lapseNotice(UUID orgId) {
        if (access.role(orgId).isEmpty() || subscriptions.isLive(orgId)) {
            return Optional.empty();
        }
        Optional<OrgSubscription> subscription = subscriptions.findById(orgId);
        if (subscription.isEmpty()) {
            return Optional.of(
                    "This organization has no subscription, so it is read-only. An owner can choose a plan under Billing.");
        }
        String what = switch (subscription.get().getStatus()) {
            case "trialing", "canceled" -> "the trial or subscription has ended";
            case "past_due" -> "payment is overdue beyond the 7-day grace period";
            default ->
                "crew_readonly".equals(subscription.get().getPlan().getId())
                        ? "it is on the Crew Read-Only plan"
                        : "its subscription is not active";
        };
        return Optional.of("This organization is read-only because " + what
                + ". Everything stays readable; an owner can request a plan under Billing to edit again.");
    }

    /** The org's billing entries of the activity log, newest first (a report: SQL, see the repository). */
    @Transactional(readOnly = true)
    public List<BillingEvent> history(UUID orgId, Pageable page) {
        requireBillingReader(orgId);
        return subscriptions
                .findHistory(orgId, page.isPaged() ? page.getPageSize() : 1000, page.isPaged() ? page.getOffset() : 0)
                .stream()
                .map(e -> new BillingEvent(
                        e.getHappened().atOffset(ZoneOffset.UTC),
                        e.getAction(),
                        e.getActor(),
                        e.getDetails(),
                        app.roadbook.base.ActivitySentence.of(
                                e.getActor(), e.getAction(), null, e.getDetails(), planNames(e.getPlanNames())::get)))
                .toList();
    }

    /** The plan names the history query brought along with each entry (no statement per entry). */
    private static java.util.Map<String, String> planNames(String pairs) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split("\u001E")) {
                String[] idAndName = pair.split("\u001F", 2);
                if (idAndName.length == 2) {
                    names.put(idAndName[0], idAndName[1]);
                }
            }
        }
        return names;
    }

    /** One entry of the history; {@code sentence} is what people read ("Olivia asked for another plan: …"). */
    public record BillingEvent(OffsetDateTime at, String action, String actor, String details, String sentence) {}

    /** The plans an owner may ask for, cheapest first. */
    @Transactional(readOnly = true)
    public List<PlanSummary> availablePlans() {
        return plans.findOffered().stream().map(BillingPlan::summary).toList();
    }

    // The owner's requests -------------------------------------------------------------------------

    /** An owner asks for another plan; a downgrade the org does not fit into is refused with what to remove. */
    @Transactional
    public PaymentGateway.Outcome requestPlanChange(UUID orgId, String planId) {
        access.require(orgId, OrgPermission.CHANGE_PLAN);
        BillingPlan target = Optional.ofNullable(planId)
                .flatMap(plans::findById)
                .filter(p -> !p.retired())
                .orElseThrow(() -> new Refusal("That plan is not offered."));
        String current =
                subscriptions.findById(orgId).map(s -> s.getPlan().getId()).orElse(null);
        if (planId.equals(current)) {
            throw new Refusal("The organization is on " + target.getName() + " already.");
        }
        List<String> blockers = fit.blockers(orgId, target);
        if (!blockers.isEmpty()) {
            throw new Refusal("The " + target.getName() + " plan is too small for this organization. First "
                    + String.join("; ", blockers) + ".");
        }
        if (requests.findPending(orgId).isPresent()) {
            throw alreadyWaiting();
        }
        try {
            requests.saveAndFlush(new PlanChangeRequest(orgId, target));
        } catch (DataIntegrityViolationException raced) {
            // Another owner's request got in first: one pending request per org (a partial unique index).
            throw alreadyWaiting();
        }
        activity.record(
                orgId,
                "billing",
                "plan_change.requested",
                "subscription",
                orgId,
                Map.of("before", Map.of("plan_id", String.valueOf(current)), "after", Map.of("plan_id", planId)));
        return payments.planChangeRequested(orgId, planId);
    }

    /** The owner takes the pending request back, if there is one. */
    @Transactional
    public void withdrawRequest(UUID orgId) {
        access.require(orgId, OrgPermission.CHANGE_PLAN);
        Optional<PlanChangeRequest> pending = requests.findPending(orgId);
        if (pending.isEmpty()) {
            return;
        }
        pending.get().withdraw();
        try {
            requests.flush();
        } catch (OptimisticLockingFailureException raced) {
            // A platform admin applied or declined it meanwhile.
            throw new ConcurrentChangeException();
        }
        activity.record(orgId, "billing", "plan_change.withdrawn", "subscription", orgId, Map.of());
    }

    // Rules ------------------------------------------------------------------------------------------

    private static List<BillingOverview.SeatUsage> seats(
            OrgSubscriptionRepository.SeatCounts counts, Map<String, Object> effective) {
        return PlanFit.SEAT_KINDS.stream()
                .map(kind -> {
                    Object limit = effective.get("max_" + kind);
                    return new BillingOverview.SeatUsage(
                            kind, PlanFit.used(counts, kind), limit == null ? null : ((Number) limit).intValue());
                })
                .toList();
    }

    /** The billing page of an org looks missing to members who may not see it. */
    private void requireBillingReader(UUID orgId) {
        access.requireMember(orgId);
        if (!access.can(orgId, OrgPermission.VIEW_BILLING)) {
            throw new OrgAccess.NotFoundException("Not found.");
        }
    }

    private static Refusal alreadyWaiting() {
        return new Refusal("A plan change is already waiting for approval; withdraw it first.");
    }
}
