package app.roadbook.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A view of an organization's own data that only members holding this permission in the current organization may
 * open; anyone else, external collaborators included, gets "not found", exactly as for a route that does not
 * exist. The side menu shows the view's item by the same rule.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresOrgPermission {
    OrgPermission value();
}
