package app.roadbook.crew;

import java.util.UUID;

/** A member account of the organization that a person of the roster can be. */
public record Account(UUID userId, String displayName, String email) {

    public String label() {
        return displayName + " (" + email + ")";
    }
}
