package app.roadbook.billing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Owners' plan change requests: owners and admins read their org's, platform admins all of them (RLS). */
interface PlanChangeRequestRepository extends JpaRepository<PlanChangeRequest, UUID> {

    /** The org's pending request with its plan, in one statement (there is at most one, by a partial unique index). */
    @Query("""
            select r from PlanChangeRequest r join fetch r.plan
            where r.orgId = :orgId and r.status = app.roadbook.billing.PlanRequestStatus.pending""")
    Optional<PlanChangeRequest> findPending(UUID orgId);

    @Query(
            "select r from PlanChangeRequest r where r.id = :id and r.status = app.roadbook.billing.PlanRequestStatus.pending")
    Optional<PlanChangeRequest> findPendingById(UUID id);

    /** Every pending request with its org, plan and requester, oldest first: the platform admin's queue. */
    @Query("""
            select r.id as id, r.orgId as orgId, o.name as orgName, p.id as planId, p.name as planName,
                   u.displayName as requestedBy, r.createdAt as requestedAt
            from PlanChangeRequest r join r.plan p
                 join Organization o on o.id = r.orgId
                 join AppUser u on u.id = r.requestedBy
            where r.status = app.roadbook.billing.PlanRequestStatus.pending
            order by r.createdAt, r.id""")
    List<PendingRow> findPendingRows();

    interface PendingRow {
        UUID getId();

        UUID getOrgId();

        String getOrgName();

        String getPlanId();

        String getPlanName();

        String getRequestedBy();

        OffsetDateTime getRequestedAt();
    }
}
