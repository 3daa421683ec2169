package app.roadbook.advancing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the advance page shows: one row per field, the artist team's side and the promoter's side next to each other. */
public final class AdvancingRows {

    private AdvancingRows() {}

    /**
     * One party's side of a field: its value as people read it, where the party stands, the value it had before its
     * last change, and while it declines the other side's value, that value and the reason.
     */
    public record Side(
            UUID fieldId,
            String value,
            FieldStance stance,
            int version,
            String updatedBy,
            OffsetDateTime updatedAt,
            String previousValue,
            String declinedValue,
            String declineReason) {}

    /** A field with both sides and the state the database derived from them; {@code agreedValue} outlives a change. */
    public record Row(
            String section,
            String fieldName,
            AdvancingTemplate.FieldType type,
            int sortOrder,
            FieldAgreement agreement,
            String agreedValue,
            Side ours,
            Side theirs,
            int comments) {

        public boolean agreed() {
            return agreement == FieldAgreement.agreed;
        }

        public Side side(Party party) {
            return party == Party.from_us ? ours : theirs;
        }

        /**
         * Whose move it is: the state's own answer, or after a change of an agreed value, the party still holding the
         * agreed value (the other one moved away from it).
         */
        public Optional<Party> waitsOn() {
            if (agreement != FieldAgreement.changed_after_agreement) {
                return agreement.waitsOn();
            }
            boolean oursKept = agreedValue != null && agreedValue.equals(ours.value());
            boolean theirsKept = agreedValue != null && agreedValue.equals(theirs.value());
            if (oursKept != theirsKept) {
                return Optional.of(oursKept ? Party.from_us : Party.from_you);
            }
            return Optional.empty();
        }

        /** The other side's value, when this party could accept it: there is one, and this party does not hold it yet. */
        public Optional<String> acceptable(Party party) {
            String offered = side(party.other()).value();
            Side mine = side(party);
            boolean held = offered != null && offered.equals(mine.value()) && mine.stance() != FieldStance.open;
            return offered == null || held ? Optional.empty() : Optional.of(offered);
        }

        /** The other side's value, when this party could decline it: acceptable, and not declined already. */
        public Optional<String> declinable(Party party) {
            Side mine = side(party);
            return acceptable(party)
                    .filter(offered ->
                            !(mine.stance() == FieldStance.declined && offered.equals(mine.declinedValue())));
        }
    }

    /** An advance in a show's list of advances, with its progress (agreed fields only). */
    public record SessionSummary(
            UUID id,
            UUID showId,
            UUID orgId,
            String title,
            OffsetDateTime expiresAt,
            OffsetDateTime closedAt,
            int fields,
            int agreed) {
        public boolean closed() {
            return closedAt != null;
        }
    }

    public record Comment(UUID id, String author, String body, OffsetDateTime at, boolean mine) {}

    /** "7 of 12 agreed" per section. */
    public record SectionProgress(String section, int agreed, int total) {}

    public static List<SectionProgress> progress(List<Row> rows) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Row row : rows) {
            int[] c = counts.computeIfAbsent(row.section(), s -> new int[2]);
            c[1]++;
            if (row.agreed()) {
                c[0]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new SectionProgress(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** What both parties see of the show an advance is for; times are wall-clock times at the venue. */
    public record ShowFacts(
            UUID showId,
            String orgName,
            String showTitle,
            LocalDate date,
            LocalTime doors,
            LocalTime setTime,
            String venueName,
            String venueAddress,
            String venueCity,
            String venueCountry,
            String timezone,
            String artistName) {

        /** A title naming the show, not a date: "The Aurora Lights at Rockefeller, Oslo". */
        public String defaultAdvanceTitle() {
            String who = artistName != null ? artistName : showTitle != null ? showTitle : "Show";
            String where = venueName == null ? "" : " at " + venueName + (venueCity == null ? "" : ", " + venueCity);
            return who + where;
        }
    }
}
