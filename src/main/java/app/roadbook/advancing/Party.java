package app.roadbook.advancing;

/** The two parties of an advance (the database enum; constants spelled exactly as PostgreSQL stores them). */
public enum Party {
    from_us("Artist team"),
    from_you("Promoter");

    private final String label;

    Party(String label) {
        this.label = label;
    }

    /** How both parties name this one. */
    public String label() {
        return label;
    }

    public Party other() {
        return this == from_us ? from_you : from_us;
    }
}
