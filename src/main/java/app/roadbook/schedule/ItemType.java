package app.roadbook.schedule;

/** What a schedule item is; the constants are the database's codes, {@link #label()} is what people read. */
public enum ItemType {
    travel("Travel"),
    bus_call("Bus / lobby call"),
    load_in("Load-in"),
    soundcheck("Soundcheck"),
    doors("Doors"),
    set_time("Set"),
    curfew("Curfew"),
    meal("Meal"),
    press("Press"),
    hotel("Hotel"),
    other("Other");

    private final String label;

    ItemType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
