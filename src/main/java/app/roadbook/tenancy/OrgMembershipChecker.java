package app.roadbook.tenancy;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import org.springframework.beans.factory.ObjectProvider;

/** Denies {@link OrgMembersOnly} views to signed-in users who belong to no organization. */
class OrgMembershipChecker implements NavigationAccessChecker {

    private final transient ObjectProvider<OrganizationService> organizations;

    OrgMembershipChecker(ObjectProvider<OrganizationService> organizations) {
        this.organizations = organizations;
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        if (!context.getNavigationTarget().isAnnotationPresent(OrgMembersOnly.class) || context.getPrincipal() == null) {
            return AccessCheckResult.neutral();
        }
        return organizations.getObject().myOrganizations().isEmpty()
                ? AccessCheckResult.deny("Only members of an organization may open this view.")
                : AccessCheckResult.neutral();
    }
}
