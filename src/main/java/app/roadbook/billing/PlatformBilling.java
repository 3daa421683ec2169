package app.roadbook.billing;

import app.roadbook.base.ActivityLog;
import app.roadbook.tenancy.OrgAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The platform admin's side of billing: the plan catalog, every org's subscription, feature overrides and plan
 * change requests. Each change is logged with category billing and its before and after state.
 */
@Service
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class PlatformBilling {

    static final Set<String> STATUSES = Set.of("trialing", "active", "past_due", "canceled", "incomplete");
    static final Set<String> LIMIT_KEYS = Set.of("max_members", "max_collaborators", "max_artists");

    private final JdbcTemplate jdbc;
    private final ActivityLog activity;
    private final BillingService billing;
    private final JsonMapper json;

    PlatformBilling(DataSource dataSource, ActivityLog activity, BillingService billing, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.activity = activity;
        this.billing = billing;
        this.json = json;
    }

    public record OrgBillingRow(UUID orgId, String name, String planId, String planName, String status,
                                OffsetDateTime periodEnd, long members, long collaborators, long artists, String pendingPlan) {
    }

    public record RequestRow(UUID id, UUID orgId, String orgName, String planId, String planName, String requestedBy,
                             OffsetDateTime at) {
    }

    @Transactional(readOnly = true)
    public List<PlanSummary> plans() {
        return jdbc.query("select * from billing_plans order by retired_at nulls first, price_cents, id", billing::planRow);
    }

    @Transactional(readOnly = true)
    public List<OrgBillingRow> organizations() {
        return jdbc.query("""
                select o.id, o.name, s.plan_id, p.name as plan_name, s.status, s.current_period_end,
                       c.members_used, c.collaborators_used, c.artists_used,
                       (select rp.name from plan_change_requests r join billing_plans rp on rp.id = r.plan_id
                        where r.org_id = o.id and r.status = 'pending') as pending
                from organizations o left join org_subscriptions s on s.org_id = o.id left join billing_plans p on p.id = s.plan_id
                cross join lateral org_seat_counts(o.id) c order by lower(o.name)""",
                (rs, i) -> new OrgBillingRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getString(10)));
    }

    @Transactional(readOnly = true)
    public List<RequestRow> pendingRequests() {
        return jdbc.query("""
                select r.id, r.org_id, o.name, r.plan_id, p.name, u.display_name, r.created_at
                from plan_change_requests r join organizations o on o.id = r.org_id join billing_plans p on p.id = r.plan_id
                join app_users u on u.id = r.requested_by where r.status = 'pending' order by r.created_at""",
                (rs, i) -> new RequestRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
    }

    /** Creates the plan, or changes it if the id exists. */
    @Transactional
    public void savePlan(PlanDraft plan) {
        plan.validate();
        Map<String, Object> before = jdbc.queryForList("select row_to_json(p)::text as j from billing_plans p where id = ?",
                String.class, plan.id()).stream().findFirst().map(billing::map).orElse(null);
        String features = json.writeValueAsString(plan.features());
        jdbc.update("""
                insert into billing_plans (id, name, description, price_cents, currency, max_artists, max_members,
                                           max_collaborators, features)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (id) do update set name = excluded.name, description = excluded.description,
                    price_cents = excluded.price_cents, currency = excluded.currency, max_artists = excluded.max_artists,
                    max_members = excluded.max_members, max_collaborators = excluded.max_collaborators,
                    features = excluded.features, version = billing_plans.version + 1""",
                plan.id(), plan.name().strip(), plan.description(), plan.priceCents(), plan.currency(), plan.maxArtists(),
                plan.maxMembers(), plan.maxCollaborators(), features);
        log(null, before == null ? "plan.created" : "plan.changed", before, planState(plan.id()));
    }

    /** Deletes a plan nobody ever used; a plan in use (or once requested) is retired instead. Returns true if retired. */
    @Transactional
    public boolean removePlan(String planId) {
        billing.plan(planId);
        boolean used = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from org_subscriptions where plan_id = ?)
                    or exists (select 1 from plan_change_requests where plan_id = ?)""", Boolean.class, planId, planId));
        Map<String, Object> before = planState(planId);
        if (used) {
            jdbc.update("update billing_plans set retired_at = now(), version = version + 1 where id = ?", planId);
            log(null, "plan.retired", before, planState(planId));
        } else {
            jdbc.update("delete from billing_plans where id = ?", planId);
            log(null, "plan.deleted", before, null);
        }
        return used;
    }

    @Transactional
    public void reinstatePlan(String planId) {
        Map<String, Object> before = planState(planId);
        jdbc.update("update billing_plans set retired_at = null, version = version + 1 where id = ?", planId);
        log(null, "plan.reinstated", before, planState(planId));
    }

    /** Sets an org's plan, status and period end; a plan the org does not fit into is refused with what to remove. */
    @Transactional
    public void changeSubscription(UUID orgId, String planId, String status, OffsetDateTime periodEnd) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("Status is one of " + String.join(", ", STATUSES) + ".");
        }
        PlanSummary plan = billing.plan(planId);
        requireOrg(orgId);
        List<String> blockers = billing.downgradeBlockers(orgId, plan);
        if (!blockers.isEmpty()) {
            throw new IllegalArgumentException("The organization does not fit into " + plan.name() + ": first "
                    + String.join("; ", blockers) + ".");
        }
        Map<String, Object> before = subscriptionState(orgId);
        jdbc.update("""
                insert into org_subscriptions (org_id, plan_id, status, current_period_start, current_period_end)
                values (?, ?, ?, now(), ?)
                on conflict (org_id) do update set plan_id = excluded.plan_id, status = excluded.status,
                    current_period_start = case when org_subscriptions.plan_id <> excluded.plan_id then now()
                                                else org_subscriptions.current_period_start end,
                    current_period_end = excluded.current_period_end, updated_at = now(),
                    version = org_subscriptions.version + 1""", orgId, planId, status, periodEnd);
        log(orgId, "subscription.changed", before, subscriptionState(orgId));
    }

    @Transactional
    public void applyRequest(UUID requestId) {
        Map<String, Object> r = jdbc.queryForList("select org_id, plan_id from plan_change_requests where id = ? and status = 'pending'",
                requestId).stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such pending request."));
        changeSubscription((UUID) r.get("org_id"), (String) r.get("plan_id"), "active", OffsetDateTime.now().plusDays(30));
        jdbc.update("update plan_change_requests set status = 'applied', decided_by = current_app_user_id(), decided_at = now(), "
                + "version = version + 1 where id = ?", requestId);
    }

    @Transactional
    public void declineRequest(UUID requestId, String note) {
        app.roadbook.base.TextInput.requireMultiLine("The note", note, 1000);
        Map<String, Object> r = jdbc.queryForList("select org_id, plan_id from plan_change_requests where id = ? and status = 'pending'",
                requestId).stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such pending request."));
        jdbc.update("update plan_change_requests set status = 'declined', note = ?, decided_by = current_app_user_id(), "
                + "decided_at = now(), version = version + 1 where id = ?", note, requestId);
        log((UUID) r.get("org_id"), "plan_change.declined", Map.of("plan_id", r.get("plan_id")), Map.of("note", String.valueOf(note)));
    }

    /**
     * Overrides one entitlement for one org: a feature flag takes true or false; a limit takes a whole number, or
     * null for unlimited.
     */
    @Transactional
    public void setOverride(UUID orgId, String key, Object value) {
        requireOrg(orgId);
        if (PlanDraft.FEATURES.contains(key)) {
            if (!(value instanceof Boolean)) {
                throw new IllegalArgumentException(key + " is a feature flag: on or off.");
            }
        } else if (LIMIT_KEYS.contains(key)) {
            if (value != null && !(value instanceof Integer i && i >= 0 && i <= 100_000)) {
                throw new IllegalArgumentException(key + " is a whole number from 0 to 100,000, or empty for unlimited.");
            }
        } else {
            throw new IllegalArgumentException("Unknown entitlement " + key + ".");
        }
        Map<String, Object> before = overrides(orgId);
        jdbc.update("""
                insert into org_feature_overrides (org_id, key, value) values (?, ?, ?::jsonb)
                on conflict (org_id, key) do update set value = excluded.value""", orgId, key, json.writeValueAsString(value));
        log(orgId, "override.set", before, overrides(orgId));
    }

    @Transactional
    public void removeOverride(UUID orgId, String key) {
        Map<String, Object> before = overrides(orgId);
        jdbc.update("delete from org_feature_overrides where org_id = ? and key = ?", orgId, key);
        log(orgId, "override.removed", before, overrides(orgId));
    }

    @Transactional(readOnly = true)
    public Map<String, Object> overrides(UUID orgId) {
        return billing.map(jdbc.queryForObject(
                "select coalesce(jsonb_object_agg(key, value), '{}')::text from org_feature_overrides where org_id = ?",
                String.class, orgId));
    }

    private void requireOrg(UUID orgId) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from organizations where id = ?)", Boolean.class, orgId))) {
            throw new OrgAccess.NotFoundException("No such organization.");
        }
    }

    private Map<String, Object> planState(String planId) {
        return jdbc.queryForList("select row_to_json(p)::text from billing_plans p where id = ?", String.class, planId)
                .stream().findFirst().map(billing::map).orElse(null);
    }

    private Map<String, Object> subscriptionState(UUID orgId) {
        return jdbc.queryForList("""
                select json_build_object('plan_id', plan_id, 'status', status, 'current_period_end', current_period_end)::text
                from org_subscriptions where org_id = ?""", String.class, orgId).stream().findFirst().map(billing::map).orElse(null);
    }

    private void log(UUID orgId, String action, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        activity.record(orgId, "billing", action, orgId == null ? "plan" : "subscription", orgId, details);
    }
}
