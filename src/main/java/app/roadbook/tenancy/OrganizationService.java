package app.roadbook.tenancy;

import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import java.util.List;
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

    OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public List<OrgSummary> myOrganizations() {
        return organizations.findSummariesForUser(ActingUser.requireId());
    }

    /** Creates an organization with the signed-in user as its owner; returns its id. */
    @Transactional
    public UUID createOrganization(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new Refusal("Give the organization a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new Refusal("Keep the name to " + MAX_NAME_LENGTH + " characters or fewer.");
        }
        TextInput.requireSingleLine("The name", trimmed, MAX_NAME_LENGTH);
        return organizations.createOrganization(trimmed);
    }

    /** Members of an organization the user belongs to; empty for any other organization. */
    @Transactional(readOnly = true)
    public List<MemberRow> members(UUID orgId, Pageable page) {
        return organizations.findMembers(orgId, page);
    }
}
