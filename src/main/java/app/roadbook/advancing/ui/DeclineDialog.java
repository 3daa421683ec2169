package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Declining the other side's value needs a reason: the other team reads it on the field and in its comments. */
class DeclineDialog extends Dialog {

    final TextArea reason = new TextArea("Why do you decline it?");
    final Button decline = new Button("Decline");

    DeclineDialog(Row row, Side theirs, String otherParty, Consumer<String> declined) {
        setHeaderTitle("Decline " + theirs.value() + " for " + row.fieldName() + "?");
        setWidth("min(32rem, 100vw)");
        reason.setRequired(true);
        reason.setMaxLength(4000);
        reason.setWidthFull();
        reason.setHelperText("The " + otherParty + " sees this reason.");
        decline.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        decline.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why: a decline needs a reason.");
                return;
            }
            declined.accept(reason.getValue());
        });
        add(
                new Paragraph("Your own answer stays as it is; the field reads \"declined\" until they answer again."),
                reason);
        getFooter().add(new Button("Cancel", e -> close()), decline);
    }
}
