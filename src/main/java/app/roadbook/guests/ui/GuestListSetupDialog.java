package app.roadbook.guests.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.Page;
import app.roadbook.guests.GuestLists.Setup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import org.springframework.security.access.AccessDeniedException;

/**
 * Sets up a show's guest list or changes it: each party's allotment in places (a guest and their plus-ones each take
 * one) and the cutoff, a wall-clock time at the venue, or none.
 */
class GuestListSetupDialog extends Dialog {

    final IntegerField artistAllotment = new IntegerField("Artist team's places");
    final IntegerField promoterAllotment = new IntegerField("Promoter's places");
    final DateTimePicker cutoff = new DateTimePicker();
    final Paragraph problem = new Paragraph();
    final Button save = new Button("Save");
    private final Binder<Setup> binder = new Binder<>(Setup.class);

    GuestListSetupDialog(GuestLists service, Page page, Runnable saved) {
        setHeaderTitle(page.setUp() ? "Change the guest list" : "Set up the guest list");
        for (IntegerField field : new IntegerField[] {artistAllotment, promoterAllotment}) {
            field.setMin(0);
            field.setMax(GuestLists.MAX_ALLOTMENT);
            field.setStepButtonsVisible(true);
        }
        cutoff.setLabel("Requests close (venue time, " + page.show().zone().getId() + ")");
        cutoff.setHelperText("Leave empty to keep requests open until the show.");
        binder.forField(artistAllotment)
                .asRequired("How many places has the artist team? (0 for none)")
                .withValidator(new IntegerRangeValidator(
                        "Between 0 and " + GuestLists.MAX_ALLOTMENT + " places.", 0, GuestLists.MAX_ALLOTMENT))
                .bind("artistAllotment");
        binder.forField(promoterAllotment)
                .asRequired("How many places has the promoter? (0 for none)")
                .withValidator(new IntegerRangeValidator(
                        "Between 0 and " + GuestLists.MAX_ALLOTMENT + " places.", 0, GuestLists.MAX_ALLOTMENT))
                .bind("promoterAllotment");
        binder.forField(cutoff).bind("cutoff");
        binder.readRecord(page.setUp() ? page.setup() : new Setup(10, 10, null));
        problem.addClassName("form-problem");
        problem.setVisible(false);
        FormLayout form = new FormLayout(artistAllotment, promoterAllotment, cutoff);
        form.setColspan(cutoff, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        add(problem, form);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            Setup setup;
            try {
                setup = binder.writeRecord();
            } catch (ValidationException invalid) {
                return;
            }
            try {
                service.setUp(page.show().showId(), page.listVersion(), setup);
                close();
                saved.run();
            } catch (ConcurrentChangeException conflict) {
                close();
                Changes.changedBySomeoneElse(conflict, saved);
            } catch (Refusal | AccessDeniedException refused) {
                problem.setText(refused.getMessage());
                problem.setVisible(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
