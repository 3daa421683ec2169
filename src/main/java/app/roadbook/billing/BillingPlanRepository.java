package app.roadbook.billing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The plan catalog; readable by anyone signed in, written by platform admins only (RLS). */
interface BillingPlanRepository extends JpaRepository<BillingPlan, String> {

    /** The plans an owner may ask for, cheapest first. */
    @Query("select p from BillingPlan p where p.retiredAt is null order by p.priceCents, p.id")
    List<BillingPlan> findOffered();

    /** The whole catalog for the platform admin: offered plans first, then the retired ones. */
    @Query("select p from BillingPlan p order by p.retiredAt asc nulls first, p.priceCents, p.id")
    List<BillingPlan> findCatalog();

    /** Whether an org is on the plan or ever asked for it: then it is retired, never deleted (decision 0011). */
    @Query("""
            select case when exists (select 1 from OrgSubscription s where s.plan.id = :planId)
                          or exists (select 1 from PlanChangeRequest r where r.plan.id = :planId)
                        then true else false end
            from BillingPlan p where p.id = :planId""")
    boolean isInUse(String planId);
}
