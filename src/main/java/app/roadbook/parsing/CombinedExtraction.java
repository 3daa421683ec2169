package app.roadbook.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Extraction of a whole arrival (decision 0028): the document and, depth first, each attachment read out of it, each
 * as its own {@link DocumentProposals} whose spans point into that document's text. The rules extractor always runs;
 * the model runs too when the caller says so (the org's switch) and a model is configured. Their proposals are merged
 * per document: a value both propose (same field, same value) is kept once, as the rules proposed it; a value only the
 * model proposes is added with its own span and confidence.
 */
@Component
public class CombinedExtraction {

    /** One document's proposals: the mail's own, or an attachment's. */
    public record DocumentProposals(SourceDocument document, List<Proposal> proposals) {

        public DocumentProposals {
            proposals = List.copyOf(proposals);
        }
    }

    private final RulesExtractor rules;
    private final ModelExtractor model;

    public CombinedExtraction(RulesExtractor rules, ModelExtractor model) {
        this.rules = rules;
        this.model = model;
    }

    public boolean modelConfigured() {
        return model.configured();
    }

    public List<DocumentProposals> extract(SourceDocument document, Catalog catalog, boolean useModel) {
        List<DocumentProposals> out = new ArrayList<>();
        walk(document, catalog, useModel && model.configured(), out);
        return out;
    }

    private void walk(SourceDocument document, Catalog catalog, boolean useModel, List<DocumentProposals> out) {
        List<Proposal> fromRules = rules.extract(document, catalog);
        List<Proposal> merged = useModel ? merge(fromRules, model.extract(document, catalog)) : fromRules;
        out.add(new DocumentProposals(document, merged));
        for (SourceDocument attachment : document.attachments()) {
            walk(attachment, catalog, useModel, out);
        }
    }

    static List<Proposal> merge(List<Proposal> fromRules, List<Proposal> fromModel) {
        List<Proposal> merged = new ArrayList<>(fromRules);
        Set<String> known = new HashSet<>();
        for (Proposal p : fromRules) {
            known.add(key(p));
        }
        for (Proposal p : fromModel) {
            if (known.add(key(p))) {
                merged.add(p);
            }
        }
        return merged;
    }

    private static String key(Proposal p) {
        return p.field() + "\u0000" + p.value().toLowerCase(Locale.ROOT);
    }
}
