package app.roadbook.contacts;

import app.roadbook.base.ActivityLog;
import app.roadbook.tenancy.OrgAccess;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which of the org's venues a contact works with, and whether they are a venue's primary contact. */
@Service
@PreAuthorize("isAuthenticated()")
public class VenueLinks {

    private final VenueContactRepository links;
    private final ContactRepository contacts;
    private final OrgAccess access;
    private final ActivityLog activity;

    VenueLinks(VenueContactRepository links, ContactRepository contacts, OrgAccess access, ActivityLog activity) {
        this.links = links;
        this.contacts = contacts;
        this.access = access;
        this.activity = activity;
    }

    /** The org's venues, for linking. */
    @Transactional(readOnly = true)
    public List<VenueOption> venues(UUID orgId) {
        access.requireMember(orgId);
        return links.findVenueOptions(orgId);
    }

    public record VenueOption(UUID id, String name, String city) {
        public String label() {
            return city == null ? name : name + " (" + city + ")";
        }
    }

    /** Links the contact to the venue (or changes whether it is primary); a venue has at most one primary contact. */
    @Transactional
    public void link(UUID orgId, UUID contactId, UUID venueId, boolean primary) {
        access.requireEditor(orgId);
        if (!links.venueExists(orgId, venueId) || !contacts.existsByOrgIdAndId(orgId, contactId)) {
            throw new OrgAccess.NotFoundException("Not found.");
        }
        if (primary) {
            links.clearPrimary(orgId, venueId);
        }
        links.link(orgId, venueId, contactId, primary);
        activity.record(
                orgId,
                "general",
                "contact.venue_linked",
                "contact",
                contactId,
                Map.of("venue_id", venueId.toString(), "primary", primary));
    }

    @Transactional
    public void unlink(UUID orgId, UUID contactId, UUID venueId) {
        access.requireEditor(orgId);
        links.unlink(orgId, contactId, venueId);
        activity.record(
                orgId,
                "general",
                "contact.venue_unlinked",
                "contact",
                contactId,
                Map.of("venue_id", venueId.toString()));
    }
}
