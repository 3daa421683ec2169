package app.roadbook.billing;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.tenancy.OrgAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform admin's plan catalog: create and change plans, retire the ones in use, delete the ones nobody ever
 * used. Each change is logged with category billing and the plan before and after.
 */
@Service
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class PlanCatalog {

    private final BillingPlanRepository plans;
    private final ActivityLog activity;
    private final Clock clock;

    PlanCatalog(BillingPlanRepository plans, ActivityLog activity, Clock clock) {
        this.plans = plans;
        this.activity = activity;
        this.clock = clock;
    }

    /** Every plan, offered ones first, cheapest first. */
    @Transactional(readOnly = true)
    public List<PlanSummary> plans() {
        return plans.findCatalog().stream().map(BillingPlan::summary).toList();
    }

    /** Creates the plan, or changes it if the id exists, whatever is stored now. */
    @Transactional
    public void savePlan(PlanDraft draft) {
        draft.validate();
        plans.findById(draft.id()).ifPresentOrElse(plan -> change(plan, draft), () -> create(draft));
    }

    /** Changes a plan an admin edited as it was at {@code version}; a change someone saved meanwhile is refused. */
    @Transactional
    public void savePlan(PlanDraft draft, int version) {
        draft.validate();
        BillingPlan plan = require(draft.id());
        if (plan.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        change(plan, draft);
    }

    /** Deletes a plan nobody ever used; a plan in use (or once requested) is retired instead. Returns true if retired. */
    @Transactional
    public boolean removePlan(String planId) {
        BillingPlan plan = require(planId);
        boolean used = plans.isInUse(planId);
        Map<String, Object> before = plan.state();
        if (used) {
            plan.retire(OffsetDateTime.now(clock));
            flush();
            log("plan.retired", before, plan.state());
        } else {
            plans.delete(plan);
            flush();
            log("plan.deleted", before, null);
        }
        return used;
    }

    @Transactional
    public void reinstatePlan(String planId) {
        BillingPlan plan = require(planId);
        Map<String, Object> before = plan.state();
        plan.reinstate();
        flush();
        log("plan.reinstated", before, plan.state());
    }

    private void create(PlanDraft draft) {
        BillingPlan plan = plans.save(new BillingPlan(draft));
        flush();
        log("plan.created", null, plan.state());
    }

    private void change(BillingPlan plan, PlanDraft draft) {
        Map<String, Object> before = plan.state();
        plan.apply(draft);
        flush();
        log("plan.changed", before, plan.state());
    }

    private BillingPlan require(String planId) {
        return Optional.ofNullable(planId)
                .flatMap(plans::findById)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such plan."));
    }

    /**
     * Writes now, so that another admin's change since we read the plan (its version), a plan created under the
     * same id meanwhile, or a subscription to a plan being deleted is refused here rather than at commit.
     */
    private void flush() {
        try {
            plans.flush();
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new ConcurrentChangeException();
        }
    }

    private void log(String action, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        activity.record(null, "billing", action, "plan", null, details);
    }
}
