package app.roadbook.files;

import java.util.UUID;

/** What a library file is about: the org itself, an artist, a venue, a show or an advance (by id). */
public record FileSubject(Kind kind, UUID id) {

    public enum Kind {
        ORG("Organization"),
        ARTIST("Artist"),
        VENUE("Venue"),
        SHOW("Show"),
        ADVANCE("Advance");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static FileSubject org(UUID orgId) {
        return new FileSubject(Kind.ORG, orgId);
    }

    public static FileSubject artist(UUID artistId) {
        return new FileSubject(Kind.ARTIST, artistId);
    }

    public static FileSubject venue(UUID venueId) {
        return new FileSubject(Kind.VENUE, venueId);
    }

    public static FileSubject show(UUID showId) {
        return new FileSubject(Kind.SHOW, showId);
    }
}
