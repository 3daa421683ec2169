package app.roadbook.contacts.ui;

import app.roadbook.base.Refusal;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** What the import dialog says when an import fails: the service's own sentence, or a reference for the logs. */
final class ImportFailure {

    private static final Logger log = LoggerFactory.getLogger(ImportFailure.class);

    private ImportFailure() {}

    static String describe(RuntimeException failed) {
        if (failed instanceof Refusal || failed instanceof AccessDeniedException) {
            return "Nothing was imported: " + failed.getMessage();
        }
        // Anything else (a database error, say) carries internals that are no business of the screen.
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Contact import failed (reference {})", reference, failed);
        return "Nothing was imported: something went wrong. Try again; if it keeps happening, quote reference "
                + reference + ".";
    }
}
