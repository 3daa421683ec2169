package app.roadbook.waitlist;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.CsvFormat;
import app.roadbook.base.Formats;
import app.roadbook.base.TextInput;
import app.roadbook.invitations.InvitationService;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.RoadbookUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins list, search, export and move waitlist entries: pending → invited (an invitation to start an
 * organization is mailed) → converted (when they start it, in the database) or declined. RLS lets only platform
 * admins read or change a row (V8); every move goes into the activity log.
 */
@Service
@PreAuthorize("hasRole('" + RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
public class WaitlistAdmin {

    static final List<String> COLUMNS = List.of(
            "name",
            "email",
            "role",
            "company",
            "note",
            "status",
            "signed_up",
            "invited",
            "invited_by",
            "decided",
            "organization");
    private static final int EXPORT_PAGE = 1000;

    private final WaitlistRepository entries;
    private final InvitationService invitations;
    private final ActivityLog activity;

    WaitlistAdmin(WaitlistRepository entries, InvitationService invitations, ActivityLog activity) {
        this.entries = entries;
        this.invitations = invitations;
        this.activity = activity;
    }

    /** A page of entries with {@code status} (all for null) whose email, name or company contains {@code search}. */
    @Transactional(readOnly = true)
    public List<WaitlistRow> find(WaitlistStatus status, String search, Pageable page) {
        return entries.findRows(status, term(search), page);
    }

    @Transactional(readOnly = true)
    public long count(WaitlistStatus status, String search) {
        return entries.countMatching(status, term(search));
    }

    /** Sends the entry an invitation to start an organization; the entry becomes invited. */
    @Transactional
    public void invite(UUID entryId, int version) {
        WaitlistEntry entry = load(entryId, version);
        WaitlistStatus before = entry.getStatus();
        entry.requireWaiting();
        InvitationService.Issued issued = invitations.inviteToStartOrganization(entry.getEmail());
        entry.invited(issued.invitationId(), ActingUser.requireId());
        flush();
        record(entry, before);
    }

    /** A new link for an invited entry, mailed again; the old link stops working. */
    @Transactional
    public void sendInvitationAgain(UUID entryId, int version) {
        WaitlistEntry entry = load(entryId, version);
        entry.requireInvited();
        invitations.resendStartOrganization(entry.getInvitationId());
        flush();
        activity.record(null, "general", "waitlist.invitation_resent", "waitlist", entry.getId(), details(entry));
    }

    /** Declines a waiting or invited entry; an open invitation is withdrawn, so its link says so. */
    @Transactional
    public void decline(UUID entryId, int version) {
        WaitlistEntry entry = load(entryId, version);
        WaitlistStatus before = entry.getStatus();
        entry.declined(ActingUser.requireId());
        if (entry.getInvitationId() != null) {
            invitations.revokeStartOrganization(entry.getInvitationId());
        }
        flush();
        record(entry, before);
    }

    /** Puts a declined entry back on the waiting list. */
    @Transactional
    public void reopen(UUID entryId, int version) {
        WaitlistEntry entry = load(entryId, version);
        WaitlistStatus before = entry.getStatus();
        entry.reopened();
        flush();
        record(entry, before);
    }

    /** The filtered list as CSV (base.CsvFormat: every cell quoted, never a formula), statuses and roles in words. */
    @Transactional(readOnly = true)
    public void export(WaitlistStatus status, String search, Writer out) {
        String term = term(search);
        try {
            out.write(CsvFormat.line(COLUMNS));
            for (int page = 0; ; page++) {
                List<WaitlistRow> rows = entries.findRows(status, term, PageRequest.of(page, EXPORT_PAGE));
                for (WaitlistRow r : rows) {
                    out.write(CsvFormat.line(Arrays.asList(
                            r.name(),
                            r.email(),
                            r.role() == null ? null : r.role().label(),
                            r.company(),
                            r.note(),
                            r.status().label(),
                            Formats.utc(r.signedUpAt()),
                            Formats.utc(r.invitedAt()),
                            r.invitedBy(),
                            Formats.utc(r.decidedAt()),
                            r.organization())));
                }
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WaitlistEntry load(UUID entryId, int version) {
        WaitlistEntry entry = entries.findById(entryId)
                .orElseThrow(() -> new app.roadbook.base.NotFoundException("No such waitlist entry."));
        if (entry.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        return entry;
    }

    private void flush() {
        try {
            entries.flush();
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
    }

    private void record(WaitlistEntry entry, WaitlistStatus before) {
        Map<String, Object> details = details(entry);
        details.put("before", Map.of("status", before.name()));
        details.put("after", Map.of("status", entry.getStatus().name()));
        activity.record(null, "general", "waitlist.status_changed", "waitlist", entry.getId(), details);
    }

    private static Map<String, Object> details(WaitlistEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", entry.getEmail());
        return details;
    }

    private static String term(String search) {
        TextInput.requireSingleLine("The search", search, 200);
        return TextInput.likeLiteral(search);
    }
}
