package app.roadbook.parsing;

import java.util.Arrays;

/** Where an inbox item stands; {@code stored} is how the database spells it. */
public enum ItemStatus {
    NEW("new", "New"),
    REVIEWED("reviewed", "In review"),
    CONFIRMED("confirmed", "Confirmed"),
    DISMISSED("dismissed", "Dismissed");

    private final String stored;
    private final String label;

    ItemStatus(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    public String stored() {
        return stored;
    }

    public String label() {
        return label;
    }

    /** Whether values may still be decided and the item confirmed or dismissed. */
    public boolean open() {
        return this == NEW || this == REVIEWED;
    }

    public static ItemStatus of(String stored) {
        return Arrays.stream(values())
                .filter(s -> s.stored.equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status " + stored));
    }
}
