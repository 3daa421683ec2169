package app.roadbook.crew.ui;

import app.roadbook.base.ui.ShowPageSection;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.ShowCrew;
import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.UUID;

/** The show page's crew: who works the show and as what, added to the page without the shows package knowing. */
@org.springframework.stereotype.Component
class CrewSection implements ShowPageSection {

    private final ShowCrew crew;
    private final CrewRoster roster;

    CrewSection(ShowCrew crew, CrewRoster roster) {
        this.crew = crew;
        this.roster = roster;
    }

    @Override
    public int order() {
        return 10;
    }

    /** Members see the crew (external collaborators never do); editors also assign and unassign. */
    @Override
    public Optional<Component> build(UUID orgId, UUID showId) {
        if (!roster.canRead(orgId)) {
            return Optional.empty();
        }
        return Optional.of(new ShowCrewPanel(crew, roster, orgId, showId));
    }
}
