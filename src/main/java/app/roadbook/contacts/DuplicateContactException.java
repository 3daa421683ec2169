package app.roadbook.contacts;

import java.util.UUID;

/** Another contact of the org already has this email; the UI offers to open it. */
public class DuplicateContactException extends RuntimeException {

    private final UUID existingId;
    private final String existingName;

    public DuplicateContactException(UUID existingId, String existingName, String email) {
        super("A contact with the email " + email + " already exists: " + existingName + ".");
        this.existingId = existingId;
        this.existingName = existingName;
    }

    public UUID existingId() {
        return existingId;
    }

    public String existingName() {
        return existingName;
    }
}
