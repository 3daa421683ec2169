package app.roadbook.billing;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An organization's subscription to a plan: one per org, written only by platform admins (RLS) and by the billing
 * lifecycle (apply_billing_lifecycle, V10), read by the org's members.
 */
@Entity
@Table(name = "org_subscriptions")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrgSubscription extends Identified<UUID> {

    @Id
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    private BillingPlan plan;

    /** trialing, active, past_due, canceled or incomplete: a text column with a CHECK constraint (V1_1). */
    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "stripe_customer_id")
    private String stripeCustomerId;

    @Column(name = "stripe_subscription_id")
    private String stripeSubscriptionId;

    @Column(name = "current_period_start")
    private OffsetDateTime currentPeriodStart;

    @Column(name = "current_period_end")
    private OffsetDateTime currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** Every change sets it, which also makes every change bump the version. */
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Null until persisted, which is how Spring Data tells a new subscription (with its org's id) from a stored one. */
    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    OrgSubscription(UUID orgId, BillingPlan plan, String status, OffsetDateTime periodEnd, OffsetDateTime now) {
        this.orgId = orgId;
        this.plan = plan;
        this.status = status;
        this.currentPeriodStart = now;
        this.currentPeriodEnd = periodEnd;
        this.updatedAt = now;
    }

    /** Moves the org to {@code plan} with this status and period end; a new plan starts a new period. */
    void change(BillingPlan newPlan, String newStatus, OffsetDateTime periodEnd, OffsetDateTime now) {
        if (!plan.getId().equals(newPlan.getId())) {
            currentPeriodStart = now;
        }
        plan = newPlan;
        status = newStatus;
        currentPeriodEnd = periodEnd;
        updatedAt = now;
    }

    /** The subscription as the activity log records it before and after a change. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("plan_id", plan.getId());
        state.put("status", status);
        state.put("current_period_end", currentPeriodEnd);
        return state;
    }

    /** A subscription is its organization's: the org's id is its id. */
    @Override
    public UUID getId() {
        return orgId;
    }
}
