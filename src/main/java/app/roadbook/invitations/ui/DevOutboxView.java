package app.roadbook.invitations.ui;

import app.roadbook.invitations.InvitationMail;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Development only: the emails Roadbook would have sent, while no SMTP is configured on the embedded database.
 * Anywhere else this route does not exist.
 */
@Route(value = "dev/outbox", autoLayout = false)
@PageTitle("Development outbox · Roadbook")
@AnonymousAllowed
public class DevOutboxView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<InvitationMail.Message> messages = new Grid<>();
    private final InvitationMail mail;

    public DevOutboxView(InvitationMail mail) {
        this.mail = mail;
        messages.addColumn(m -> m.at().toString()).setHeader("Sent").setAutoWidth(true);
        messages.addColumn(InvitationMail.Message::to).setHeader("To").setAutoWidth(true);
        messages.addColumn(InvitationMail.Message::subject).setHeader("Subject");
        messages.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(m -> new Paragraph(m.body())));
        messages.setDetailsVisibleOnClick(true);
        add(new H2("Development outbox"), new Paragraph("No SMTP server is configured, so emails land here. Click one to "
                + "read it and open its link."), messages);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mail.outboxEnabled()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        messages.setItems(mail.outbox());
    }
}
