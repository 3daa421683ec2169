package app.roadbook.parsing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The small records the inbox pages and {@link ParsingInbox} exchange. */
public final class InboxRecords {

    private InboxRecords() {}

    /** One line of the inbox: what arrived, how, and the date, venue and fee proposed, in words. */
    public record InboxLine(
            UUID id,
            String title,
            String sender,
            ReceivedVia via,
            ItemStatus status,
            OffsetDateTime receivedAt,
            String summary) {}

    /**
     * One proposed value as the review screen shows it: the value in words, its span of the item's text, confidence
     * in words, who proposed it, and what it matched ("matches venue Sentrum Scene" / "new venue").
     */
    public record ValueLine(
            UUID id,
            int version,
            ParsedField field,
            String value,
            String readable,
            int start,
            int end,
            String source,
            String confidence,
            String extractor,
            String match,
            Decision decision,
            String editedValue) {

        /** What confirmation writes, in words: the edited value if edited. */
        public String kept() {
            return decision == Decision.EDITED ? ValueText.readable(field, editedValue) : readable;
        }
    }

    /**
     * An item under review: its text (every span points into it), the reader's notes, the proposals, and the show it
     * concerns (the one it was confirmed into, or the org's show on the proposed date it would update).
     */
    public record Review(
            UUID id,
            String title,
            String sender,
            ReceivedVia via,
            ItemStatus status,
            OffsetDateTime receivedAt,
            String text,
            List<String> notes,
            List<ValueLine> values,
            UUID sourceFileId,
            UUID showId,
            String showName,
            boolean editable,
            boolean venueMatched,
            String proposedZone,
            boolean contactMatched) {

        public long undecided() {
            return values.stream()
                    .filter(v -> v.decision() == Decision.PROPOSED)
                    .count();
        }

        public boolean hasKept(ParsedField field) {
            return values.stream()
                    .anyMatch(v -> v.field() == field && v.decision().kept());
        }
    }

    /**
     * What the editor asks for on confirming: whether to add an unmatched venue (in which time zone) and an
     * unmatched promoter contact to the org's lists.
     */
    public record Confirmation(boolean createVenue, String venueZone, boolean createContact) {
        public static final Confirmation PLAIN = new Confirmation(false, null, false);
    }

    /** What confirming did, for the sentence the editor reads and the page to go to. */
    public record Confirmed(
            UUID showId, boolean created, int written, int advanceAnswers, UUID venueId, UUID contactId) {

        public String sentence() {
            StringBuilder s = new StringBuilder(created ? "Draft show created" : "Show updated");
            s.append(" with ").append(written).append(written == 1 ? " value" : " values");
            if (venueId != null) {
                s.append(", a new venue");
            }
            if (contactId != null) {
                s.append(", a new contact");
            }
            if (advanceAnswers > 0) {
                s.append(", and ")
                        .append(advanceAnswers)
                        .append(advanceAnswers == 1 ? " answer" : " answers")
                        .append(" in its advance for the promoter to accept");
            }
            return s.append('.').toString();
        }
    }
}
