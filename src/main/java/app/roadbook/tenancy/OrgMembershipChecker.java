package app.roadbook.tenancy;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Arrays;
import java.util.Optional;

/**
 * Denies {@link OrgMembersOnly} views to signed-in users who belong to no organization, and
 * {@link OrgRolesAllowed} views to members whose role in the current organization is not listed.
 */
class OrgMembershipChecker implements NavigationAccessChecker {

    private final transient ObjectProvider<CurrentOrganization> currentOrganization;

    OrgMembershipChecker(ObjectProvider<CurrentOrganization> currentOrganization) {
        this.currentOrganization = currentOrganization;
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        Class<?> target = context.getNavigationTarget();
        OrgRolesAllowed roles = target.getAnnotation(OrgRolesAllowed.class);
        if ((roles == null && !target.isAnnotationPresent(OrgMembersOnly.class)) || context.getPrincipal() == null) {
            return AccessCheckResult.neutral();
        }
        Optional<OrgSummary> current = currentOrganization.getObject().get();
        if (current.isEmpty()) {
            return AccessCheckResult.deny("Only members of an organization may open this view.");
        }
        if (roles != null && Arrays.stream(roles.value()).noneMatch(r -> r == current.get().role())) {
            return AccessCheckResult.deny("Your role in this organization may not open this view.");
        }
        return AccessCheckResult.neutral();
    }
}
