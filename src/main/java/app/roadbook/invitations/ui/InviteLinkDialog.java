package app.roadbook.invitations.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a freshly issued invitation link once, with a copy button; it is never stored, so it cannot be shown again. */
public class InviteLinkDialog extends Dialog {

    final TextField link = new TextField();

    public InviteLinkDialog(String email, String url) {
        setHeaderTitle("Invitation sent to " + email);
        link.setValue(url);
        link.setReadOnly(true);
        link.setWidthFull();
        link.addClassName("invitation-link");
        Button copy = new Button(
                "Copy link", e -> UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", url));
        copy.addThemeVariants(ButtonVariant.PRIMARY);
        add(
                new Paragraph(
                        "The email is on its way. You can also pass on this link yourself; it works once and is shown "
                                + "only now (resend the invitation for a new one)."),
                link);
        getFooter().add(new Button("Close", e -> close()), copy);
        setWidth("36rem");
    }
}
