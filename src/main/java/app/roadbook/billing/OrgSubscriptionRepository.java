package app.roadbook.billing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Subscriptions, and what the database computes about an org's billing. Members read their org's subscription,
 * platform admins every org's and only they write (RLS). The native queries below are SQL because the database
 * is where those answers live: seats are counted by the definer function {@code org_seat_counts()} (with the
 * owner's eyes, so an admin gets the same numbers as the triggers that enforce the limits), entitlements come from
 * the {@code org_entitlements} view (the plan's features and limits with the org's overrides on top, merged as the
 * seat triggers merge them), liveness from {@code org_is_live()} (the helper the policies call), and the billing
 * history is a report over the activity log.
 */
interface OrgSubscriptionRepository extends JpaRepository<OrgSubscription, UUID> {

    /** The org's subscription with its plan, in one statement. */
    @Query("select s from OrgSubscription s join fetch s.plan where s.orgId = :orgId")
    Optional<OrgSubscription> findWithPlan(UUID orgId);

    @Query("select o.id from Organization o where o.id = :orgId")
    Optional<UUID> findOrganization(UUID orgId);

    /**
     * Every organization with its subscription, plan and pending request, by name: the platform admin's grid, one
     * statement whatever the number of orgs (their seats come from {@link #findAllSeatCounts}).
     */
    @Query("""
            select o.id as orgId, o.name as name, p.id as planId, p.name as planName, s.status as status,
                   s.currentPeriodEnd as periodEnd, s.version as subscriptionVersion, rp.name as pendingPlan
            from Organization o
                 left join OrgSubscription s on s.orgId = o.id
                 left join s.plan p
                 left join PlanChangeRequest r on r.orgId = o.id and r.status = app.roadbook.billing.PlanRequestStatus.pending
                 left join r.plan rp
            order by lower(o.name), o.id""")
    List<OrgRow> findOrgRows();

    /** Seats used in one org, as the definer function counts them; no row for someone who may not know. */
    @Query(value = """
            select members_used as members, collaborators_used as collaborators, artists_used as artists
            from org_seat_counts(:orgId)""", nativeQuery = true)
    Optional<SeatCounts> findSeatCounts(UUID orgId);

    /** Seats used in every org the acting user may know of (every org, for a platform admin), in one statement. */
    @Query(value = """
            select o.id as org, c.members_used as members, c.collaborators_used as collaborators, c.artists_used as artists
            from organizations o cross join lateral org_seat_counts(o.id) c""", nativeQuery = true)
    List<OrgSeatCounts> findAllSeatCounts();

    /**
     * Everything the database computes for the org's billing dashboard, in one statement: seats used, the org's
     * overrides and its effective entitlements (null without a subscription) and whether it is live.
     */
    @Query(value = """
            select c.members_used as members, c.collaborators_used as collaborators, c.artists_used as artists,
                   cast(e.overrides as text) as overrides, cast(e.effective_entitlements as text) as effective,
                   org_is_live(:orgId) as live
            from org_seat_counts(:orgId) c left join org_entitlements e on e.org_id = :orgId""", nativeQuery = true)
    Optional<Computed> findComputed(UUID orgId);

    /** Whether the org may edit: a live subscription whose plan has editing on. */
    @Query(value = "select org_is_live(:orgId)", nativeQuery = true)
    boolean isLive(UUID orgId);

    /** The org's billing entries of the activity log, newest first, with who acted ("Roadbook" for the lifecycle). */
    @Query(value = """
            select l.created_at as happened, l.action as action, coalesce(u.display_name, 'Roadbook') as actor,
                   cast(l.details as text) as details,
                   (select string_agg(p.id || chr(31) || p.name, chr(30)) from billing_plans p
                    where p.id in (l.details->'before'->>'plan_id', l.details->'after'->>'plan_id')) as plan_names
            from activity_log l left join app_users u on u.id = l.user_id
            where l.org_id = :orgId and l.category = 'billing'
            order by l.created_at desc limit :limit offset :offset""", nativeQuery = true)
    List<HistoryEntry> findHistory(UUID orgId, int limit, long offset);

    interface OrgRow {
        UUID getOrgId();

        String getName();

        String getPlanId();

        String getPlanName();

        String getStatus();

        OffsetDateTime getPeriodEnd();

        Integer getSubscriptionVersion();

        String getPendingPlan();
    }

    interface SeatCounts {
        long getMembers();

        long getCollaborators();

        long getArtists();
    }

    interface OrgSeatCounts extends SeatCounts {
        UUID getOrg();
    }

    interface Computed extends SeatCounts {
        String getOverrides();

        String getEffective();

        boolean getLive();
    }

    interface HistoryEntry {
        /** A native query's timestamptz comes as an instant. */
        Instant getHappened();

        String getAction();

        String getActor();

        String getDetails();

        /** The names of the plans the entry mentions, "id\u001Fname" pairs joined by \u001E (same statement). */
        String getPlanNames();
    }
}
