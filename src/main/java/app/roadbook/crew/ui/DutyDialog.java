package app.roadbook.crew.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.crew.ShowCrew;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.UUID;

/** Changes what someone does on a show. */
class DutyDialog extends Dialog {

    final ComboBox<String> duty = AssignDialog.dutyField("Duty");
    final Button save = new Button("Save");

    DutyDialog(ShowCrew crew, UUID orgId, UUID assignmentId, int version, String who, String current, Runnable done) {
        setHeaderTitle("Duty of " + who);
        setWidth("28rem");
        setMaxWidth("100%");
        duty.setValue(current);
        duty.setWidthFull();
        add(duty);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            if (Changes.attempt(() -> crew.changeDuty(orgId, assignmentId, version, duty.getValue()), done)) {
                close();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
