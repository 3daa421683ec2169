package app.roadbook.guests;

/** What kind of guest a request is for (the database enum {@code guest_type}; constants spelled as stored). */
public enum GuestType {
    guest("Guest"),
    photo("Photo"),
    industry("Industry"),
    press("Press"),
    family("Family");

    private final String label;

    GuestType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
