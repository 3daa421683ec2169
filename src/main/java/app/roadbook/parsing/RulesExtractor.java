package app.roadbook.parsing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The deterministic booking extractor (decision 0028): regular rules over the document's text, no network, no state.
 * Every proposal keeps the exact span it was read from and a confidence (see {@link RulePass} for how each field is
 * found and scored). A year left out of a date is inferred relative to the reference date, today by {@link Clock}
 * unless given. A document with no booking in it gives no proposals.
 *
 * <p>It reads {@link SourceDocument#text()} only: a mail's attachments are documents of their own, each extracted
 * separately with spans into its own text ({@link CombinedExtraction} walks them).
 */
@Component
public class RulesExtractor implements Extractor {

    public static final String NAME = "rules";

    private final Clock clock;

    public RulesExtractor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> extract(SourceDocument document, Catalog catalog) {
        return extract(document, catalog, LocalDate.now(clock));
    }

    /** As {@link #extract(SourceDocument, Catalog)}, with years left out of dates inferred relative to reference. */
    public List<Proposal> extract(SourceDocument document, Catalog catalog, LocalDate reference) {
        if (document.text() == null || document.text().isBlank()) {
            return List.of();
        }
        List<Proposal> proposals = new RulePass(document, catalog, reference).run();
        return RulePass.looksLikeBooking(proposals) || attachmentHoldsBooking(document, catalog, reference)
                ? proposals
                : List.of();
    }

    /** A mail whose booking is in its attachment: the mail's own values (the sender, the subject) count too. */
    private boolean attachmentHoldsBooking(SourceDocument document, Catalog catalog, LocalDate reference) {
        for (SourceDocument attachment : document.attachments()) {
            if (!extract(attachment, catalog, reference).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
