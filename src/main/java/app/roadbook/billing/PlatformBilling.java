package app.roadbook.billing;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform admin's side of every org's billing: subscriptions, feature overrides and plan change requests (the
 * plans themselves are {@link PlanCatalog}'s). Each change is logged with category billing and its before and
 * after state.
 */
@Service
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class PlatformBilling {

    static final Set<String> STATUSES = Set.of("trialing", "active", "past_due", "canceled", "incomplete");
    static final Set<String> LIMIT_KEYS = Set.of("max_members", "max_collaborators", "max_artists");

    private final OrgSubscriptionRepository subscriptions;
    private final BillingPlanRepository plans;
    private final OrgFeatureOverrideRepository overrides;
    private final PlanChangeRequestRepository requests;
    private final PlanFit fit;
    private final ActivityLog activity;
    private final Clock clock;

    PlatformBilling(
            OrgSubscriptionRepository subscriptions,
            BillingPlanRepository plans,
            OrgFeatureOverrideRepository overrides,
            PlanChangeRequestRepository requests,
            PlanFit fit,
            ActivityLog activity,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.overrides = overrides;
        this.requests = requests;
        this.fit = fit;
        this.activity = activity;
        this.clock = clock;
    }

    /** An org in the admin's grid; {@code subscriptionVersion} (null without one) is what an edit of it is based on. */
    public record OrgBillingRow(
            UUID orgId,
            String name,
            String planId,
            String planName,
            String status,
            OffsetDateTime periodEnd,
            long members,
            long collaborators,
            long artists,
            String pendingPlan,
            Integer subscriptionVersion) {}

    public record RequestRow(
            UUID id,
            UUID orgId,
            String orgName,
            String planId,
            String planName,
            String requestedBy,
            OffsetDateTime at) {}

    // Reading -------------------------------------------------------------------------------------

    /** Every org with its plan, status, seats and pending request, by name: two statements whatever their number. */
    @Transactional(readOnly = true)
    public List<OrgBillingRow> organizations() {
        List<OrgSubscriptionRepository.OrgRow> rows = subscriptions.findOrgRows();
        Map<UUID, OrgSubscriptionRepository.OrgSeatCounts> seats = subscriptions.findAllSeatCounts().stream()
                .collect(Collectors.toMap(OrgSubscriptionRepository.OrgSeatCounts::getOrg, Function.identity()));
        return rows.stream()
                .map(r -> {
                    OrgSubscriptionRepository.OrgSeatCounts used = seats.get(r.getOrgId());
                    return new OrgBillingRow(
                            r.getOrgId(),
                            r.getName(),
                            r.getPlanId(),
                            r.getPlanName(),
                            r.getStatus(),
                            r.getPeriodEnd(),
                            used == null ? 0 : used.getMembers(),
                            used == null ? 0 : used.getCollaborators(),
                            used == null ? 0 : used.getArtists(),
                            r.getPendingPlan(),
                            r.getSubscriptionVersion());
                })
                .toList();
    }

    /** The requests waiting for a decision, oldest first. */
    @Transactional(readOnly = true)
    public List<RequestRow> pendingRequests() {
        return requests.findPendingRows().stream()
                .map(r -> new RequestRow(
                        r.getId(),
                        r.getOrgId(),
                        r.getOrgName(),
                        r.getPlanId(),
                        r.getPlanName(),
                        r.getRequestedBy(),
                        r.getRequestedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> overrides(UUID orgId) {
        return fit.overrides(orgId);
    }

    // Subscriptions -------------------------------------------------------------------------------

    /**
     * Sets an org's plan, status and period end, whatever is stored now; a plan the org does not fit into is refused
     * with what to remove.
     */
    @Transactional
    public void changeSubscription(UUID orgId, String planId, String status, OffsetDateTime periodEnd) {
        change(orgId, planId, status, periodEnd, false, null);
    }

    /**
     * The same for an admin who edited the subscription as it was at {@code version} (null: the org had none): a
     * change someone saved meanwhile is refused with {@link ConcurrentChangeException}.
     */
    @Transactional
    public void changeSubscription(
            UUID orgId, String planId, String status, OffsetDateTime periodEnd, Integer version) {
        change(orgId, planId, status, periodEnd, true, version);
    }

    private void change(
            UUID orgId, String planId, String status, OffsetDateTime periodEnd, boolean checkVersion, Integer version) {
        if (!STATUSES.contains(status)) {
            throw new Refusal("Status is one of " + String.join(", ", STATUSES) + ".");
        }
        BillingPlan plan = Optional.ofNullable(planId)
                .flatMap(plans::findById)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such plan."));
        requireOrg(orgId);
        List<String> blockers = fit.blockers(orgId, plan);
        if (!blockers.isEmpty()) {
            throw new Refusal("The organization does not fit into " + plan.getName() + ": first "
                    + String.join("; ", blockers) + ".");
        }
        OrgSubscription subscription = subscriptions.findById(orgId).orElse(null);
        if (checkVersion && !Objects.equals(version, subscription == null ? null : subscription.getVersion())) {
            throw new ConcurrentChangeException();
        }
        Map<String, Object> before = subscription == null ? null : subscription.state();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (subscription == null) {
            subscription = subscriptions.save(new OrgSubscription(orgId, plan, status, periodEnd, now));
        } else {
            subscription.change(plan, status, periodEnd, now);
        }
        flush();
        log(orgId, "subscription.changed", before, subscription.state());
    }

    // Plan change requests ------------------------------------------------------------------------

    /** Moves the org to the requested plan, active for 30 days, if it fits. */
    @Transactional
    public void applyRequest(UUID requestId) {
        PlanChangeRequest request = pending(requestId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        change(request.getOrgId(), request.getPlan().getId(), "active", now.plusDays(30), false, null);
        request.apply(decider(), now);
        flush();
    }

    @Transactional
    public void declineRequest(UUID requestId, String note) {
        TextInput.requireMultiLine("The note", note, 1000);
        PlanChangeRequest request = pending(requestId);
        request.decline(note, decider(), OffsetDateTime.now(clock));
        flush();
        log(
                request.getOrgId(),
                "plan_change.declined",
                Map.of("plan_id", request.getPlan().getId()),
                Map.of("note", String.valueOf(note)));
    }

    // Overrides -------------------------------------------------------------------------------------

    /**
     * Overrides one entitlement for one org: a feature flag takes true or false; a limit takes a whole number, or
     * null for unlimited.
     */
    @Transactional
    public void setOverride(UUID orgId, String key, Object value) {
        requireOrg(orgId);
        if (PlanDraft.FEATURES.contains(key)) {
            if (!(value instanceof Boolean)) {
                throw new Refusal(key + " is a feature flag: on or off.");
            }
        } else if (LIMIT_KEYS.contains(key)) {
            if (value != null && !(value instanceof Integer i && i >= 0 && i <= 100_000)) {
                throw new Refusal(key + " is a whole number from 0 to 100,000, or empty for unlimited.");
            }
        } else {
            throw new Refusal("Unknown entitlement " + key + ".");
        }
        List<OrgFeatureOverride> stored = overrides.findByIdOrgIdOrderByIdKey(orgId);
        Map<String, Object> before = fit.values(stored);
        String json = fit.toJson(value);
        stored.stream()
                .filter(o -> o.key().equals(key))
                .findFirst()
                .ifPresentOrElse(o -> o.change(json), () -> overrides.save(new OrgFeatureOverride(orgId, key, json)));
        flush();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put(key, value);
        log(orgId, "override.set", before, after);
    }

    @Transactional
    public void removeOverride(UUID orgId, String key) {
        List<OrgFeatureOverride> stored = overrides.findByIdOrgIdOrderByIdKey(orgId);
        Map<String, Object> before = fit.values(stored);
        stored.stream().filter(o -> o.key().equals(key)).findFirst().ifPresent(overrides::delete);
        flush();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.remove(key);
        log(orgId, "override.removed", before, after);
    }

    // Rules ------------------------------------------------------------------------------------------

    private PlanChangeRequest pending(UUID requestId) {
        return Optional.ofNullable(requestId)
                .flatMap(requests::findPendingById)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such pending request."));
    }

    /** The platform admin deciding: the same id the transaction gave the database as app.user_id (RlsJpaDialect). */
    private static UUID decider() {
        return ActingUser.requireId();
    }

    private void requireOrg(UUID orgId) {
        if (orgId == null || subscriptions.findOrganization(orgId).isEmpty()) {
            throw new OrgAccess.NotFoundException("No such organization.");
        }
    }

    /**
     * Writes now, so that another admin's change since we read (a version), or a subscription or override another
     * admin created meanwhile (a primary key), is refused here rather than at commit.
     */
    private void flush() {
        try {
            subscriptions.flush();
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new ConcurrentChangeException();
        }
    }

    private void log(UUID orgId, String action, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        activity.record(orgId, "billing", action, "subscription", orgId, details);
    }
}
