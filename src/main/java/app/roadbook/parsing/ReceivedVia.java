package app.roadbook.parsing;

import java.util.Arrays;

/** How an inbox item arrived; {@code stored} is how the database spells it. */
public enum ReceivedVia {
    PASTE("paste", "Pasted"),
    UPLOAD("upload", "Uploaded"),
    MAIL("mail", "By mail");

    private final String stored;
    private final String label;

    ReceivedVia(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    public String stored() {
        return stored;
    }

    public String label() {
        return label;
    }

    public static ReceivedVia of(String stored) {
        return Arrays.stream(values())
                .filter(s -> s.stored.equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("received via " + stored));
    }
}
