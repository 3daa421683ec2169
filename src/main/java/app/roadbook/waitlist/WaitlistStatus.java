package app.roadbook.waitlist;

/**
 * Where an entry stands: pending (signed up) → invited (sent an invitation to start an organization) → converted (they
 * started it) or declined (a platform admin's decision). The stored values of {@code waitlist.status}.
 */
public enum WaitlistStatus {
    pending("Waiting"),
    invited("Invited"),
    converted("Organization created"),
    declined("Declined");

    private final String label;

    WaitlistStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
