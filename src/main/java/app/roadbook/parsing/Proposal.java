package app.roadbook.parsing;

import java.util.UUID;

/**
 * One value a parser proposes, with where it came from: {@code [start, end)} is the exact span of
 * {@link SourceDocument#text()} it was read from, {@code confidence} is between 0 and 1, {@code extractor} names who
 * proposed it ({@code rules} for the deterministic extractor, {@code model} for the optional external one).
 * {@code matchId} is the id of the org's venue, artist or contact the value was matched to, or null.
 */
public record Proposal(
        ParsedField field, String value, int start, int end, double confidence, String extractor, UUID matchId) {

    public Proposal {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence " + confidence);
        }
    }

    public String sourceSpan(SourceDocument document) {
        return document.text().substring(start, end);
    }
}
