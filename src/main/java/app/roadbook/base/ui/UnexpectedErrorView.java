package app.roadbook.base.ui;

import app.roadbook.base.NotFoundException;
import app.roadbook.base.db.DatabaseOutage;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** A view that failed while opening: a reference for the logs instead of Vaadin's stack trace page. */
@AnonymousAllowed
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    private final H2 title = new H2("Something went wrong");
    private final Paragraph message = new Paragraph();

    public UnexpectedErrorView() {
        addClassName("unexpected-error");
        add(title, message, new Anchor("", "Go to the start page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (parameter.getCaughtException() instanceof AccessDeniedException
                || parameter.getCaughtException() instanceof NotFoundException) {
            // Refused while opening: looks exactly like a missing page.
            removeAll();
            add(new NotFoundView());
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (DatabaseOutage.causes(parameter.getCaughtException())) {
            title.setText("Roadbook cannot reach its database");
            message.setText(DatabaseOutage.MESSAGE);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Unexpected error opening {} (reference {})",
                event.getLocation().getPath(),
                reference,
                parameter.getCaughtException());
        message.setText(
                "This page could not be opened. Try again; if it keeps happening, quote reference " + reference + ".");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
