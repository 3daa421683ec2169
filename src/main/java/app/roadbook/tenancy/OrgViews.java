package app.roadbook.tenancy;

import java.util.Optional;

/** Reads a view's {@link RequiresOrgPermission}: the route check and the side menu decide by the same rule. */
public final class OrgViews {

    private OrgViews() {}

    /** The permission a view needs in the current organization, if it is a view of an organization's data. */
    public static Optional<OrgPermission> required(Class<?> view) {
        return Optional.ofNullable(view.getAnnotation(RequiresOrgPermission.class))
                .map(RequiresOrgPermission::value);
    }

    /** Whether a member of the current organization ({@code null}: none) may open the view. */
    public static boolean permits(Class<?> view, OrgSummary current) {
        return required(view)
                .map(p -> current != null && p.heldBy(current.role()))
                .orElse(true);
    }
}
