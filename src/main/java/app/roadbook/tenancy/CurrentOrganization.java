package app.roadbook.tenancy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The organization the user is working in, per browser session. Falls back to the first
 * organization they belong to, and forgets one they no longer belong to.
 *
 * <p>A navigation asks for the user's organizations three times (the access check, the view, the menu). They are
 * read once per browser request and kept until the response is sent, unless a read-write transaction begins or ends
 * in between (it may have added or ended a membership): then they are read again (decision 0033). Nothing is kept
 * across requests, so a membership someone else ends is seen at the next click.
 */
@Component
@VaadinSessionScope
public class CurrentOrganization {

    private final OrganizationService organizations;
    private UUID selectedId;

    private transient List<OrgSummary> kept;
    private transient VaadinRequest keptFor;
    private transient long writesWhenKept;

    CurrentOrganization(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public Optional<OrgSummary> get() {
        return pick(mine());
    }

    /** The user's organizations, read at most once per request while nothing is written. */
    public List<OrgSummary> mine() {
        if (kept != null && keptFor == VaadinRequest.getCurrent() && writesWhenKept == WritesInThisThread.count()) {
            return kept;
        }
        return readAndKeep();
    }

    /** The user's organizations read afresh (and kept for the rest of this request), as the access check wants them. */
    public List<OrgSummary> fresh() {
        return readAndKeep();
    }

    /** The chosen organization out of {@code mine} (the user's organizations, freshly loaded). */
    public Optional<OrgSummary> pick(List<OrgSummary> mine) {
        Optional<OrgSummary> selected =
                mine.stream().filter(o -> o.id().equals(selectedId)).findFirst();
        if (selected.isEmpty()) {
            selected = mine.stream().findFirst();
            selectedId = selected.map(OrgSummary::id).orElse(null);
        }
        return selected;
    }

    public void select(UUID orgId) {
        this.selectedId = orgId;
    }

    private List<OrgSummary> readAndKeep() {
        List<OrgSummary> mine = organizations.myOrganizations();
        UI ui = UI.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (ui == null || request == null) {
            // Outside a UI's request (a job, a background task) nothing would forget them at its end: read every time.
            kept = null;
            return mine;
        }
        if (kept == null || keptFor != request) {
            ui.beforeClientResponse(ui, context -> forget());
        }
        kept = mine;
        keptFor = request;
        writesWhenKept = WritesInThisThread.count();
        return mine;
    }

    private void forget() {
        kept = null;
        keptFor = null;
    }
}
