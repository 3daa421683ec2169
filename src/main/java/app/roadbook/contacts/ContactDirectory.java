package app.roadbook.contacts;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Keyset;
import app.roadbook.base.Refusal;
import app.roadbook.base.RowCount;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.OrgAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts directory of an organization: promoters, agents, managers and vendors in one place, found, created,
 * changed, merged and deleted here. Members read; owners, admins and editors change (checked here and by RLS
 * underneath). Venue links and commissions have services of their own.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ContactDirectory {

    private final ContactRepository contacts;
    private final VenueContactRepository venueLinks;
    private final ContactCommissionRepository commissions;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final Clock clock;

    ContactDirectory(
            ContactRepository contacts,
            VenueContactRepository venueLinks,
            ContactCommissionRepository commissions,
            OrgAccess access,
            ActivityLog activity,
            Clock clock) {
        this.contacts = contacts;
        this.venueLinks = venueLinks;
        this.commissions = commissions;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    /** Whether the acting user may change this org's contacts: the database's own answer. */
    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.canEdit(orgId);
    }

    // Reading -------------------------------------------------------------------------------------

    /** One page of the directory; sortable by name, company, city, email and status (other keys are ignored). */
    @Transactional(readOnly = true)
    public List<ContactRow> list(UUID orgId, ContactFilter filter, Pageable page) {
        access.requireMember(orgId);
        requireValid(filter);
        return contacts.findRows(orgId, filter, page);
    }

    /**
     * A page of the directory after a contact the grid already has (keyset, V30): scrolling deep into 200,000
     * contacts costs a page, not every row before it ({@link Keyset}); the key is the contact's id.
     */
    @Transactional(readOnly = true)
    public List<ContactRow> list(UUID orgId, ContactFilter filter, Sort sort, Keyset<UUID> page) {
        access.requireMember(orgId);
        requireValid(filter);
        return contacts.findRowsAfter(orgId, filter, sort, page.after(), page.skip(), page.size(), page.offset());
    }

    /** The exact number of matching contacts (the directory's "Count exactly"); walks every matching row. */
    @Transactional(readOnly = true)
    public int count(UUID orgId, ContactFilter filter) {
        access.requireMember(orgId);
        requireValid(filter);
        return Math.toIntExact(contacts.countRows(orgId, filter));
    }

    /** The directory's heading: the number of matching contacts, or "10,000+" ({@link RowCount}). */
    @Transactional(readOnly = true)
    public RowCount countCapped(UUID orgId, ContactFilter filter) {
        access.requireMember(orgId);
        requireValid(filter);
        return RowCount.capped(contacts.countRowsUpTo(orgId, filter, RowCount.LIMIT));
    }

    /** The full facts of every contact matching the filter, in directory order (for export). */
    @Transactional(readOnly = true)
    public List<ContactDraft> drafts(UUID orgId, ContactFilter filter) {
        access.requireMember(orgId);
        requireValid(filter);
        return contacts.findDrafts(orgId, filter);
    }

    /** Everything the contact page shows, in three statements whatever the number of links and commissions. */
    @Transactional(readOnly = true)
    public ContactDetails get(UUID orgId, UUID contactId) {
        access.requireMember(orgId);
        Contact contact = contacts.findWithTypes(orgId, contactId).orElseThrow(ContactDirectory::noSuchContact);
        List<ContactDetails.Commission> ledger = commissions.findRows(orgId, contactId).stream()
                .map(c -> new ContactDetails.Commission(
                        c.getId(),
                        c.getShowId(),
                        c.getShowDate() == null
                                ? "—"
                                : c.getShowDate() + (c.getShowTitle() == null ? "" : " · " + c.getShowTitle()),
                        c.getAmount(),
                        c.getCurrency(),
                        c.getStatus(),
                        ContactCommission.paidOn(c.getPaidAt()),
                        c.getDescription()))
                .toList();
        return new ContactDetails(
                contact.getId(),
                contact.getVersion(),
                contact.toDraft(),
                venueLinks.findLinks(orgId, contactId),
                ledger);
    }

    // Changing ------------------------------------------------------------------------------------

    @Transactional
    public UUID create(UUID orgId, ContactDraft draft) {
        access.requireEditor(orgId);
        requireValid(draft);
        rejectDuplicateEmail(orgId, draft.email(), null);
        Contact contact = contacts.saveAndFlush(new Contact(orgId, draft));
        activity.record(
                orgId, "general", "contact.created", "contact", contact.getId(), Map.of("name", contact.getName()));
        return contact.getId();
    }

    /** Saves a changed contact if nobody else saved it since {@code version} was read. */
    @Transactional
    public void update(UUID orgId, UUID contactId, int version, ContactDraft draft) {
        access.requireEditor(orgId);
        requireValid(draft);
        rejectDuplicateEmail(orgId, draft.email(), contactId);
        Contact contact = contacts.findWithTypes(orgId, contactId).orElseThrow(ContactDirectory::noSuchContact);
        if (contact.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        contact.apply(draft);
        contact.touch(now());
        try {
            contacts.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
        activity.record(orgId, "general", "contact.updated", "contact", contactId, Map.of("name", contact.getName()));
    }

    /** Deletes a contact with its commissions and venue links (the confirmation says so). */
    @Transactional
    public void delete(UUID orgId, UUID contactId) {
        access.requireEditor(orgId);
        String name = contacts.findName(orgId, contactId).orElseThrow(ContactDirectory::noSuchContact);
        Map<String, Object> details = Map.of(
                "name",
                name,
                "commissions",
                commissions.countByOrgIdAndContactId(orgId, contactId),
                "venues",
                venueLinks.countByOrgIdAndContactId(orgId, contactId));
        if (contacts.deleteInOrg(orgId, contactId) == 0) {
            throw noSuchContact();
        }
        activity.record(orgId, "general", "contact.deleted", "contact", contactId, details);
    }

    /** What deleting would take with it, for the confirmation dialog. */
    @Transactional(readOnly = true)
    public DeletionImpact deletionImpact(UUID orgId, UUID contactId) {
        access.requireMember(orgId);
        return new DeletionImpact(
                Math.toIntExact(commissions.countByOrgIdAndContactId(orgId, contactId)),
                Math.toIntExact(venueLinks.countByOrgIdAndContactId(orgId, contactId)));
    }

    public record DeletionImpact(int commissions, int venueLinks) {}

    /**
     * Merges {@code otherId} into {@code keepId}: every type, venue link and commission moves over, empty
     * fields are filled from the other contact, notes are combined; the other contact is deleted.
     */
    @Transactional
    public void merge(UUID orgId, UUID keepId, UUID otherId) {
        access.requireEditor(orgId);
        if (keepId.equals(otherId)) {
            throw new Refusal("Choose two different contacts to merge.");
        }
        Contact keep = contacts.findWithTypes(orgId, keepId).orElseThrow(ContactDirectory::noSuchContact);
        Contact other = contacts.findWithTypes(orgId, otherId).orElseThrow(ContactDirectory::noSuchContact);
        OffsetDateTime now = now();

        // A venue both are linked to keeps our link (primary if either was, both notes); the others move over.
        List<VenueContact> links = venueLinks.findByOrgIdAndContactIdIn(orgId, List.of(keepId, otherId));
        Map<UUID, VenueContact> keptByVenue = new java.util.HashMap<>();
        links.stream().filter(l -> l.getContactId().equals(keepId)).forEach(l -> keptByVenue.put(l.getVenueId(), l));
        for (VenueContact link : links) {
            if (link.getContactId().equals(otherId)) {
                VenueContact kept = keptByVenue.get(link.getVenueId());
                if (kept != null) {
                    kept.absorb(link);
                } else {
                    link.moveTo(keepId);
                }
            }
        }
        commissions.moveAll(orgId, otherId, keepId, now);
        // The other contact goes first (its leftover links with it): its email may be about to become ours.
        contacts.deleteInOrg(orgId, otherId);
        keep.absorb(other, now);
        contacts.flush();
        activity.record(
                orgId,
                "general",
                "contact.merged",
                "contact",
                keepId,
                Map.of("merged_contact_id", otherId.toString(), "merged_name", other.getName()));
    }

    // Rules -----------------------------------------------------------------------------------------

    private static void requireValid(ContactFilter filter) {
        if (filter.search() != null && !filter.search().isBlank()) {
            TextInput.requireSingleLine("The search", filter.search(), 200);
        }
    }

    private static void requireValid(ContactDraft draft) {
        List<String> problems = ContactRules.problems(draft);
        if (!problems.isEmpty()) {
            throw new Refusal(String.join(" ", problems));
        }
    }

    private void rejectDuplicateEmail(UUID orgId, String email, UUID exceptId) {
        String clean = ContactRules.clean(email);
        if (clean == null) {
            return;
        }
        contacts.findByEmail(orgId, clean)
                .filter(existing -> !existing.getId().equals(exceptId))
                .ifPresent(existing -> {
                    throw new DuplicateContactException(existing.getId(), existing.getName(), clean);
                });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OrgAccess.NotFoundException noSuchContact() {
        return new OrgAccess.NotFoundException("No such contact.");
    }
}
