package app.roadbook.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One page for everything a person cannot open: a missing id, another organization's id and a view their
 * role may not open all look the same, so the page reveals nothing about what exists. It never shows
 * Vaadin's development route list or the reason a checker gave.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public static final String TITLE = "Page not found";

    public NotFoundView() {
        addClassName("not-found");
        H2 title = new H2(TITLE);
        add(
                title,
                new Paragraph("There is nothing here, or it is not yours to see. Check the address, or go back to "
                        + "the start."),
                new Anchor("", "Go to the start page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
