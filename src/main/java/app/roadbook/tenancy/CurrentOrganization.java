package app.roadbook.tenancy;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The organization the user is working in, per browser session. Falls back to the first
 * organization they belong to, and forgets one they no longer belong to.
 */
@Component
@VaadinSessionScope
public class CurrentOrganization {

    private final OrganizationService organizations;
    private UUID selectedId;

    CurrentOrganization(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public Optional<OrgSummary> get() {
        return pick(organizations.myOrganizations());
    }

    /** The chosen organization out of {@code mine} (the user's organizations, freshly loaded). */
    public Optional<OrgSummary> pick(List<OrgSummary> mine) {
        Optional<OrgSummary> selected =
                mine.stream().filter(o -> o.id().equals(selectedId)).findFirst();
        if (selected.isEmpty()) {
            selected = mine.stream().findFirst();
            selectedId = selected.map(OrgSummary::id).orElse(null);
        }
        return selected;
    }

    public void select(UUID orgId) {
        this.selectedId = orgId;
    }
}
