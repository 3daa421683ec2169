package app.roadbook.base;

import java.util.Optional;
import java.util.UUID;

/** Ids as they arrive in addresses: anything that is not a UUID is simply no id, never an error. */
public final class Ids {

    private Ids() {}

    public static Optional<UUID> parse(Optional<String> text) {
        try {
            return text.map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
