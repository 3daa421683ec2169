package app.roadbook.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A view of an organization's own data: only members of some organization may open it. External
 * collaborators (who belong to no org) get "not found", exactly as for a route that does not exist.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OrgMembersOnly {
}
