package app.roadbook.advancing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the advancing grid shows: one row per field, our side and the promoter's side next to each other. */
public final class AdvancingRows {

    private AdvancingRows() {}

    /** One party's side of a field: its value as people read it, and the value a re-opened field had when confirmed. */
    public record Side(
            UUID fieldId,
            String value,
            FieldStatus status,
            int version,
            String updatedBy,
            OffsetDateTime updatedAt,
            String previousValue) {
        public boolean confirmed() {
            return status == FieldStatus.confirmed;
        }
    }

    public record Row(
            String section,
            String fieldName,
            AdvancingTemplate.FieldType type,
            int sortOrder,
            Side ours,
            Side theirs,
            int comments) {
        public boolean open() {
            return !ours.confirmed() && !theirs.confirmed();
        }
    }

    public record SessionSummary(
            UUID id, UUID showId, UUID orgId, String title, OffsetDateTime expiresAt, int fields, int confirmed) {}

    public record Comment(UUID id, String author, String body, OffsetDateTime at) {}

    /** "7 of 12 confirmed" per section. */
    public record SectionProgress(String section, int confirmed, int total) {}

    public static List<SectionProgress> progress(List<Row> rows) {
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            int[] c = counts.computeIfAbsent(row.section(), s -> new int[2]);
            c[1]++;
            if (!row.open()) {
                c[0]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new SectionProgress(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
