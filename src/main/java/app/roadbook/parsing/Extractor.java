package app.roadbook.parsing;

import java.util.List;

/**
 * Reads booking values out of a document. Implementations never write anything and never throw for a document with no
 * booking in it (they return no proposals). The deterministic extractor is always there; an external model is an
 * optional second one whose proposals go through the same review.
 */
public interface Extractor {

    /** Short name stored with each proposal ({@link Proposal#extractor()}). */
    String name();

    List<Proposal> extract(SourceDocument document, Catalog catalog);
}
