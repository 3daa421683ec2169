package app.roadbook.waitlist;

/** What someone on the waitlist does, as the sign-up form asks it (the stored values of {@code waitlist.role}). */
public enum WaitlistRole {
    artist("Artist"),
    manager("Artist manager"),
    agent("Booking agent"),
    venue("Venue"),
    promoter("Promoter"),
    other("Something else");

    private final String label;

    WaitlistRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
