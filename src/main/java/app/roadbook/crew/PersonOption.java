package app.roadbook.crew;

import java.util.UUID;

/** A person to choose when assigning crew to a show. */
public record PersonOption(UUID id, String name, String roleTitle) {

    public String label() {
        return roleTitle == null ? name : name + " · " + roleTitle;
    }
}
