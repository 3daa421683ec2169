package app.roadbook.tenancy;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Denies a {@link RequiresOrgPermission} view to signed-in users who belong to no organization, and to members whose
 * role in the current organization does not hold the permission. The side menu asks {@link #permits} too.
 */
class OrgMembershipChecker implements NavigationAccessChecker {

    private final transient ObjectProvider<CurrentOrganization> currentOrganization;

    OrgMembershipChecker(ObjectProvider<CurrentOrganization> currentOrganization) {
        this.currentOrganization = currentOrganization;
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        Optional<OrgPermission> required = OrgViews.required(context.getNavigationTarget());
        if (required.isEmpty() || context.getPrincipal() == null) {
            return AccessCheckResult.neutral();
        }
        CurrentOrganization organization = currentOrganization.getObject();
        // Read afresh at every navigation; the view and the menu then use the same list (decision 0033).
        Optional<OrgSummary> current = organization.pick(organization.fresh());
        if (current.isEmpty()) {
            return AccessCheckResult.deny("Only members of an organization may open this view.");
        }
        if (!required.get().heldBy(current.get().role())) {
            return AccessCheckResult.deny("Your role in this organization may not open this view.");
        }
        return AccessCheckResult.neutral();
    }
}
