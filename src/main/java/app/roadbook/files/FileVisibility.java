package app.roadbook.files;

/** Who sees a library file besides the organization's members. */
public enum FileVisibility {
    /** The organization's members only. */
    members("Organization members only"),
    /** Also the promoter team of the show(s) the file concerns. */
    promoter_team("Members and the show's promoter team"),
    /** Editors, admins and owners only: the originals of the parsing inbox (decision 0029). */
    editors("Editors, admins and owners only");

    private final String label;

    FileVisibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
