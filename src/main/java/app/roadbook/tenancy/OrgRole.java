package app.roadbook.tenancy;

/**
 * The database enum {@code org_role}. Constants are spelled exactly as PostgreSQL stores them.
 */
public enum OrgRole {
    owner("Owner"),
    admin("Admin"),
    editor("Editor"),
    viewer("Viewer");

    private final String label;

    OrgRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
