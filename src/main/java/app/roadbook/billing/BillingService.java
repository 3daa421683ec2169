package app.roadbook.billing;

import app.roadbook.tenancy.OrgPermission;
import app.roadbook.base.ActivityLog;
import app.roadbook.tenancy.OrgAccess;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An org's plan, status, seats, entitlements and billing history, for its owners and admins. */
@Service
@PreAuthorize("isAuthenticated()")
public class BillingService {

    static final List<String> SEAT_KINDS = List.of("members", "collaborators", "artists");

    private final JdbcTemplate jdbc;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final PaymentGateway payments;
    private final JsonMapper json;

    BillingService(DataSource dataSource, OrgAccess access, ActivityLog activity, PaymentGateway payments, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
        this.activity = activity;
        this.payments = payments;
        this.json = json;
    }

    /** Whether the acting user manages this org's billing (owner or admin). */
    @Transactional(readOnly = true)
    public boolean canSeeBilling(UUID orgId) {
        return access.can(orgId, OrgPermission.VIEW_BILLING);
    }

    @Transactional(readOnly = true)
    public BillingOverview overview(UUID orgId) {
        requireBillingReader(orgId);
        Map<String, Object> sub = jdbc.queryForList("""
                select e.plan_id, e.subscription_status, s.current_period_start, s.current_period_end,
                       e.overrides::text as overrides, e.effective_entitlements::text as effective
                from org_entitlements e join org_subscriptions s on s.org_id = e.org_id where e.org_id = ?""", orgId)
                .stream().findFirst().orElse(null);
        if (sub == null) {
            return new BillingOverview(orgId, null, "none", null, null, false, seats(orgId, Map.of()), List.of(), pending(orgId));
        }
        PlanSummary plan = plan((String) sub.get("plan_id"));
        Map<String, Object> overrides = map((String) sub.get("overrides"));
        Map<String, Object> effective = map((String) sub.get("effective"));
        List<BillingOverview.Entitlement> entitlements = new ArrayList<>();
        effective.forEach((k, v) -> entitlements.add(new BillingOverview.Entitlement(k, v == null ? "unlimited" : v.toString(),
                overrides.containsKey(k))));
        entitlements.sort(java.util.Comparator.comparing(BillingOverview.Entitlement::key));
        return new BillingOverview(orgId, plan, (String) sub.get("subscription_status"),
                offset(sub.get("current_period_start")), offset(sub.get("current_period_end")), live(orgId),
                seats(orgId, effective), entitlements, pending(orgId));
    }

    /** Why the org is read-only, for the banner every member sees; empty while it is live. */
    @Transactional(readOnly = true)
    public Optional<String> lapseNotice(UUID orgId) {
        if (access.role(orgId).isEmpty() || live(orgId)) {
            return Optional.empty();
        }
        List<Map<String, Object>> sub = jdbc.queryForList(
                "select plan_id, subscription_status, current_period_end from org_entitlements where org_id = ?", orgId);
        if (sub.isEmpty()) {
            return Optional.of("This organization has no subscription, so it is read-only. An owner can choose a plan under Billing.");
        }
        String status = (String) sub.getFirst().get("subscription_status");
        String plan = (String) sub.getFirst().get("plan_id");
        String what = switch (status) {
            case "trialing", "canceled" -> "the trial or subscription has ended";
            case "past_due" -> "payment is overdue beyond the 7-day grace period";
            default -> "crew_readonly".equals(plan) ? "it is on the Crew Read-Only plan" : "its subscription is not active";
        };
        return Optional.of("This organization is read-only because " + what
                + ". Everything stays readable; an owner can request a plan under Billing to edit again.");
    }

    @Transactional(readOnly = true)
    public List<BillingEvent> history(UUID orgId, Pageable page) {
        requireBillingReader(orgId);
        return jdbc.query("""
                select l.created_at, l.action, coalesce(u.display_name, 'Roadbook') as actor, l.details::text
                from activity_log l left join app_users u on u.id = l.user_id
                where l.org_id = ? and l.category = 'billing' order by l.created_at desc limit ? offset ?""",
                (rs, i) -> new BillingEvent(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)),
                orgId, page.isPaged() ? page.getPageSize() : 1000, page.isPaged() ? page.getOffset() : 0);
    }

    public record BillingEvent(OffsetDateTime at, String action, String actor, String details) {
    }

    /** The plans an owner may ask for. */
    @Transactional(readOnly = true)
    public List<PlanSummary> availablePlans() {
        return jdbc.query("select * from billing_plans where retired_at is null order by price_cents, id", this::planRow);
    }

    /** An owner asks for another plan; a downgrade the org does not fit into is refused with what to remove. */
    @Transactional
    public PaymentGateway.Outcome requestPlanChange(UUID orgId, String planId) {
        access.require(orgId, OrgPermission.CHANGE_PLAN);
        PlanSummary target = availablePlans().stream().filter(p -> p.id().equals(planId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("That plan is not offered."));
        String current = jdbc.queryForList("select plan_id from org_subscriptions where org_id = ?", String.class, orgId)
                .stream().findFirst().orElse(null);
        if (planId.equals(current)) {
            throw new IllegalArgumentException("The organization is on " + target.name() + " already.");
        }
        List<String> blockers = downgradeBlockers(orgId, target);
        if (!blockers.isEmpty()) {
            throw new IllegalArgumentException("The " + target.name() + " plan is too small for this organization. First "
                    + String.join("; ", blockers) + ".");
        }
        if (!pendingIds(orgId).isEmpty()) {
            throw new IllegalArgumentException("A plan change is already waiting for approval; withdraw it first.");
        }
        jdbc.update("insert into plan_change_requests (org_id, plan_id, requested_by) values (?, ?, current_app_user_id())",
                orgId, planId);
        activity.record(orgId, "billing", "plan_change.requested", "subscription", orgId,
                Map.of("before", Map.of("plan_id", String.valueOf(current)), "after", Map.of("plan_id", planId)));
        return payments.planChangeRequested(orgId, planId);
    }

    @Transactional
    public void withdrawRequest(UUID orgId) {
        access.require(orgId, OrgPermission.CHANGE_PLAN);
        if (jdbc.update("update plan_change_requests set status = 'withdrawn', version = version + 1 where org_id = ? and status = 'pending'",
                orgId) > 0) {
            activity.record(orgId, "billing", "plan_change.withdrawn", "subscription", orgId, Map.of());
        }
    }

    /** What must go before the org fits into {@code target}'s limits (with its own overrides kept). */
    List<String> downgradeBlockers(UUID orgId, PlanSummary target) {
        Map<String, Object> overrides = map(jdbc.queryForList(
                "select coalesce(jsonb_object_agg(key, value), '{}')::text from org_feature_overrides where org_id = ?",
                String.class, orgId).getFirst());
        List<String> blockers = new ArrayList<>();
        for (BillingOverview.SeatUsage seat : seatCounts(orgId)) {
            String key = "max_" + seat.kind();
            Integer limit = overrides.containsKey(key)
                    ? (overrides.get(key) == null ? null : ((Number) overrides.get(key)).intValue()) : target.limit(seat.kind());
            if (limit != null && seat.used() > limit) {
                blockers.add("remove " + (seat.used() - limit) + " " + seat.kind() + " (" + seat.used() + " now, "
                        + limit + " allowed)");
            }
        }
        return blockers;
    }

    private List<BillingOverview.SeatUsage> seats(UUID orgId, Map<String, Object> effective) {
        return seatCounts(orgId).stream().map(s -> {
            Object limit = effective.get("max_" + s.kind());
            return new BillingOverview.SeatUsage(s.kind(), s.used(), limit == null ? null : ((Number) limit).intValue());
        }).toList();
    }

    private List<BillingOverview.SeatUsage> seatCounts(UUID orgId) {
        Map<String, Object> counts = jdbc.queryForMap("select * from org_seat_counts(?)", orgId);
        return SEAT_KINDS.stream().map(k -> new BillingOverview.SeatUsage(k, ((Number) counts.get(k + "_used")).longValue(), null)).toList();
    }

    private boolean live(UUID orgId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select org_is_live(?)", Boolean.class, orgId));
    }

    private BillingOverview.PendingRequest pending(UUID orgId) {
        return jdbc.query("""
                select r.id, p.name, r.created_at from plan_change_requests r join billing_plans p on p.id = r.plan_id
                where r.org_id = ? and r.status = 'pending'""",
                (rs, i) -> new BillingOverview.PendingRequest(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)), orgId).stream().findFirst().orElse(null);
    }

    private List<UUID> pendingIds(UUID orgId) {
        return jdbc.queryForList("select id from plan_change_requests where org_id = ? and status = 'pending'", UUID.class, orgId);
    }

    /** The billing page of an org looks missing to members who may not see it. */
    private void requireBillingReader(UUID orgId) {
        access.requireMember(orgId);
        if (!access.can(orgId, OrgPermission.VIEW_BILLING)) {
            throw new OrgAccess.NotFoundException("Not found.");
        }
    }

    PlanSummary plan(String id) {
        return jdbc.query("select * from billing_plans where id = ?", this::planRow, id).stream().findFirst()
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such plan."));
    }

    PlanSummary planRow(ResultSet rs, int row) throws SQLException {
        return new PlanSummary(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getInt("price_cents"),
                rs.getString("currency"), (Integer) rs.getObject("max_artists"), (Integer) rs.getObject("max_members"),
                (Integer) rs.getObject("max_collaborators"), map(rs.getString("features")), rs.getObject("retired_at") != null);
    }

    Map<String, Object> map(String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(java.time.ZoneOffset.UTC) : null;
    }
}
