package app.roadbook.tenancy;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations of the signed-in user: which they belong to, creating one, who else is in it. */
@Service
@PreAuthorize("isAuthenticated()")
public class OrganizationService {

    public static final int MAX_NAME_LENGTH = 120;

    private final OrganizationRepository organizations;
    private final OrgAccess access;
    private final ActivityLog activity;

    OrganizationService(OrganizationRepository organizations, OrgAccess access, ActivityLog activity) {
        this.organizations = organizations;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public List<OrgSummary> myOrganizations() {
        return organizations.findSummariesForUser(ActingUser.requireId());
    }

    /** Creates an organization with the signed-in user as its owner; returns its id. */
    @Transactional
    public UUID createOrganization(String name) {
        return organizations.createOrganization(requireName(name));
    }

    /** Whether the acting user may rename the organization (owners and admins of a live organization). */
    @Transactional(readOnly = true)
    public boolean canRename(UUID orgId) {
        return access.can(orgId, OrgPermission.MANAGE_SETTINGS);
    }

    /**
     * Renames the organization (owners and admins; the organizations update policy says the same). Its address-like
     * slug stays, so nothing that points at the organization breaks.
     */
    @Transactional
    public void rename(UUID orgId, String name) {
        access.require(orgId, OrgPermission.MANAGE_SETTINGS);
        String clean = requireName(name);
        Organization org =
                organizations.findById(orgId).orElseThrow(() -> new OrgAccess.NotFoundException("Not found."));
        if (clean.equals(org.getName())) {
            return;
        }
        String before = org.getName();
        org.rename(clean);
        organizations.flush();
        activity.record(
                orgId,
                "general",
                "organization.renamed",
                "organization",
                orgId,
                Map.of("name", clean, "previous_name", before));
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new Refusal("Give the organization a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new Refusal("Keep the name to " + MAX_NAME_LENGTH + " characters or fewer.");
        }
        TextInput.requireSingleLine("The name", trimmed, MAX_NAME_LENGTH);
        return trimmed;
    }

    /** Members of an organization the user belongs to; empty for any other organization. */
    @Transactional(readOnly = true)
    public List<MemberRow> members(UUID orgId, Pageable page) {
        return organizations.findMembers(orgId, page);
    }
}
