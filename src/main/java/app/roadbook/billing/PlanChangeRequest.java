package app.roadbook.billing;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * An owner's request to move the org to another plan, which a platform admin applies or declines (decision 0011).
 * RLS lets owners insert a pending request of their own and withdraw it; everything else is the platform admin's.
 */
@Entity
@Table(name = "plan_change_requests")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PlanChangeRequest extends OrgEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    private BillingPlan plan;

    /**
     * Whoever the database sees acting (decision 0014), which the insert policy demands: the database fills it in,
     * never the application.
     */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "requested_by", updatable = false)
    private UUID requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private PlanRequestStatus status;

    @Column(name = "note")
    private String note;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    PlanChangeRequest(UUID orgId, BillingPlan plan) {
        super(orgId);
        this.plan = plan;
        this.status = PlanRequestStatus.pending;
    }

    /** The owner takes it back; nobody decided it. */
    void withdraw() {
        status = PlanRequestStatus.withdrawn;
    }

    void apply(UUID platformAdmin, OffsetDateTime now) {
        decide(PlanRequestStatus.applied, null, platformAdmin, now);
    }

    void decline(String reason, UUID platformAdmin, OffsetDateTime now) {
        decide(PlanRequestStatus.declined, reason, platformAdmin, now);
    }

    private void decide(PlanRequestStatus outcome, String reason, UUID platformAdmin, OffsetDateTime now) {
        status = outcome;
        note = reason;
        decidedBy = platformAdmin;
        decidedAt = now;
    }
}
