package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvanceMails;
import app.roadbook.base.Ids;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/**
 * Where the "stop these mails" link of a notice mail leads: opening it stops the mails about that advance to the
 * signed-in person and says so, with a button to have them again. Anyone who may read the advance; any other id looks
 * missing (decision 0017).
 */
@Route("advance/:sessionId/mails")
@PermitAll
public class AdvanceMailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 heading = new H2();
    final Paragraph explanation = new Paragraph();
    final Button toggle = new Button();
    final Anchor advance = new Anchor("", "Open the advance");
    private final AdvanceMails mails;
    private AdvanceMails.Setting setting;

    public AdvanceMailsView(AdvanceMails mails) {
        this.mails = mails;
        toggle.addClickListener(e -> Changes.attempt(
                () -> setting = setting.stopped() ? mails.resume(setting.sessionId()) : mails.stop(setting.sessionId()),
                this::show));
        add(heading, explanation, toggle, advance);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID sessionId = Ids.parse(event.getRouteParameters().get("sessionId"))
                    .orElseThrow(() -> new NotFoundException("No such advance."));
            setting = mails.stop(sessionId);
            show();
        } catch (Refusal e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    private void show() {
        advance.setHref("advance/" + setting.sessionId());
        if (setting.stopped()) {
            heading.setText("No more mails about “" + setting.title() + "”");
            explanation.setText("You will get no emails about changes and comments in this advance. Nothing else "
                    + "changes: you can still open it and work in it as before.");
            toggle.setText("Send me these mails again");
        } else {
            heading.setText("Mails about “" + setting.title() + "” are on");
            explanation.setText("When the other team changes, accepts, declines or comments on something in this "
                    + "advance, you get an email about it (several changes come together in one mail).");
            toggle.setText("Stop these mails");
        }
    }

    /** "Mails about Oslo advance · Roadbook". */
    @Override
    public String getPageTitle() {
        return "Mails about " + (setting == null ? "an advance" : setting.title()) + " · Roadbook";
    }
}
