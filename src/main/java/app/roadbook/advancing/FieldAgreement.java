package app.roadbook.advancing;

import java.util.Optional;

/**
 * The state of a field between the two parties, derived by the database from both sides
 * ({@code advancing_agreement_of}, V15) and kept on both rows; constants spelled as PostgreSQL stores them. Both
 * parties read the same words.
 */
public enum FieldAgreement {
    not_started("Not started"),
    waiting_for_artist_team("Waiting for the artist team"),
    waiting_for_promoter("Waiting for the promoter"),
    different("The two values differ"),
    agreed("Agreed"),
    changed_after_agreement("Changed after agreement"),
    declined_by_artist_team("Declined by the artist team"),
    declined_by_promoter("Declined by the promoter");

    private final String label;

    FieldAgreement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The party whose move it is when the state itself says so (a decline waits on the declined party). */
    public Optional<Party> waitsOn() {
        return switch (this) {
            case waiting_for_artist_team, declined_by_promoter -> Optional.of(Party.from_us);
            case waiting_for_promoter, declined_by_artist_team -> Optional.of(Party.from_you);
            default -> Optional.empty();
        };
    }
}
