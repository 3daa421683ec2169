package app.roadbook.guests;

/** Where a guest request stands (the database enum {@code guest_status}; constants spelled as stored). */
public enum GuestStatus {
    requested("Requested"),
    approved("Approved"),
    declined("Declined");

    private final String label;

    GuestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
