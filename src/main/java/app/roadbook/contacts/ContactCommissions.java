package app.roadbook.contacts;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.tenancy.OrgAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The commissions ledger of a contact: what the org owes, for which show, and whether it is paid. */
@Service
@PreAuthorize("isAuthenticated()")
public class ContactCommissions {

    private final ContactCommissionRepository commissions;
    private final ContactRepository contacts;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final Clock clock;

    ContactCommissions(
            ContactCommissionRepository commissions,
            ContactRepository contacts,
            OrgAccess access,
            ActivityLog activity,
            Clock clock) {
        this.commissions = commissions;
        this.contacts = contacts;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    /** The org's shows, for assigning a commission. */
    @Transactional(readOnly = true)
    public List<ShowOption> shows(UUID orgId) {
        access.requireMember(orgId);
        return commissions.findShowOptions(orgId);
    }

    public record ShowOption(UUID id, LocalDate date, String title) {
        public String label() {
            return title.isBlank() ? date.toString() : date + " · " + title;
        }
    }

    @Transactional
    public UUID add(UUID orgId, UUID contactId, CommissionDraft draft) {
        access.requireEditor(orgId);
        if (!contacts.existsByOrgIdAndId(orgId, contactId)
                || draft.showId() != null && !commissions.showExists(orgId, draft.showId())) {
            throw new OrgAccess.NotFoundException("Not found.");
        }
        draft.validate();
        UUID id = commissions
                .saveAndFlush(new ContactCommission(orgId, contactId, draft))
                .getId();
        activity.record(
                orgId,
                "general",
                "commission.created",
                "contact",
                contactId,
                Map.of(
                        "commission_id",
                        id.toString(),
                        "amount",
                        draft.amount().toPlainString(),
                        "currency",
                        draft.currency()));
        return id;
    }

    /** Marks a commission paid (on {@code paidOn}, today if not given), cancelled or pending again. */
    @Transactional
    public void setStatus(UUID orgId, UUID commissionId, String status, LocalDate paidOn) {
        access.requireEditor(orgId);
        new CommissionDraft(null, BigDecimal.ONE, "USD", status, paidOn, null).validate();
        ContactCommission commission = commissions
                .findByOrgIdAndId(orgId, commissionId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such commission."));
        OffsetDateTime now = OffsetDateTime.now(clock);
        commission.changeStatus(
                status, "paid".equals(status) ? (paidOn == null ? LocalDate.now() : paidOn) : null, now);
        try {
            commissions.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
        activity.record(
                orgId, "general", "commission.status_changed", "commission", commissionId, Map.of("status", status));
    }
}
