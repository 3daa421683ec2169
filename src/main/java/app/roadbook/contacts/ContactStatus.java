package app.roadbook.contacts;

/** A contact's status as the database stores it. */
public enum ContactStatus {
    active("Active"),
    inactive("Inactive"),
    pending("Pending");

    private final String label;

    ContactStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
