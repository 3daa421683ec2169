package app.roadbook.invitations.ui;

import app.roadbook.invitations.InvitationMail;
import app.roadbook.invitations.InvitationService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Development only: the emails Roadbook would have sent, while no SMTP is configured on the embedded database.
 * Anywhere else this route does not exist. Signed-in people only, and each sees only the mail they may read
 * (an invitation link is a key to an account).
 */
@Route(value = "dev/outbox", autoLayout = false)
@PageTitle("Development mailbox · Roadbook")
@PermitAll
public class DevOutboxView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter SENT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

    final Grid<InvitationMail.Message> messages = new Grid<>();
    private final InvitationMail mail;
    private final InvitationService invitations;

    public DevOutboxView(InvitationMail mail, InvitationService invitations) {
        this.mail = mail;
        this.invitations = invitations;
        messages.addColumn(m -> SENT.format(m.at())).setHeader("Sent").setAutoWidth(true);
        messages.addColumn(InvitationMail.Message::to).setHeader("To").setAutoWidth(true);
        messages.addColumn(InvitationMail.Message::subject).setHeader("Subject");
        messages.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Paragraph(m.body())));
        messages.setDetailsVisibleOnClick(true);
        messages.setEmptyStateText("No mail for you yet.");
        add(
                new H2("Development mailbox"),
                new Paragraph(
                        "This Roadbook runs without an SMTP server, so the emails it would send land here instead. "
                                + "You see mail sent to your own address, mail you sent, and, as an owner or admin, your "
                                + "organization's invitations. Click a mail to read it and open its link."),
                messages);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mail.outboxEnabled()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        messages.setItems(invitations.outbox());
    }
}
