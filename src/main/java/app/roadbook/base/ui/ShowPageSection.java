package app.roadbook.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.UUID;

/**
 * A part of the show page contributed by another capability (crew, schedule, guest list, files, …).
 *
 * <p>The show page collects every Spring bean of this type and asks each for its section when it loads a show, so a
 * capability can add to the page without the {@code shows} package depending on it (which would close a package
 * cycle: those capabilities refer to shows by id). Implementations are singletons that build a new component per call;
 * they ask their own service, which decides what the reader may see.
 */
public interface ShowPageSection {

    /** Order among the contributed sections (lower comes first); they appear after "Who can see this?", before advancing (the
     * schedule's day sheet is one of them). */
    int order();

    /** The section for this show, or empty when it has nothing to show this reader. */
    Optional<Component> build(UUID orgId, UUID showId);
}
