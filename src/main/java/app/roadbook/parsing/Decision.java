package app.roadbook.parsing;

import java.util.Arrays;

/** What the reviewing editor decided about one proposed value; only accepted and edited values are ever written. */
public enum Decision {
    PROPOSED("proposed", "Not decided"),
    ACCEPTED("accepted", "Accepted"),
    EDITED("edited", "Edited"),
    DROPPED("dropped", "Dropped");

    private final String stored;
    private final String label;

    Decision(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    public String stored() {
        return stored;
    }

    public String label() {
        return label;
    }

    /** Whether the value is written on confirmation. */
    public boolean kept() {
        return this == ACCEPTED || this == EDITED;
    }

    public static Decision of(String stored) {
        return Arrays.stream(values())
                .filter(s -> s.stored.equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("decision " + stored));
    }
}
