package app.roadbook.guests.ui;

import app.roadbook.advancing.Party;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.Page;
import app.roadbook.guests.GuestLists.RequestDraft;
import app.roadbook.guests.GuestType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.springframework.security.access.AccessDeniedException;

/**
 * Asks for places on the guest list: the guest's name as the door should read it, plus-ones, what kind of guest, and
 * (for organization editors) on whose allotment. Bad input is shown at the field; a refusal of the list (cutoff passed,
 * too few places left, with how many are left) is shown in the dialog, which stays open with what was typed.
 */
class GuestRequestDialog extends Dialog {

    final TextField name = new TextField("Guest name");
    final IntegerField plusOnes = new IntegerField("Plus-ones");
    final Select<GuestType> type = new Select<>();
    final Select<Party> party = new Select<>();
    final TextArea note = new TextArea("Note (optional)");
    final Paragraph problem = new Paragraph();
    final Button save = new Button("Request");
    private final Binder<RequestDraft> binder = new Binder<>(RequestDraft.class);

    GuestRequestDialog(GuestLists service, Page page, Runnable saved) {
        setHeaderTitle("Request guest list places");
        addClassName("guest-request-dialog");
        name.setMaxLength(120);
        name.setWidthFull();
        plusOnes.setMin(0);
        plusOnes.setMax(GuestLists.MAX_PLUS_ONES);
        plusOnes.setStepButtonsVisible(true);
        plusOnes.setHelperText("People coming with the guest, on the same name.");
        type.setLabel("Type");
        type.setItems(GuestType.values());
        type.setItemLabelGenerator(GuestType::label);
        party.setLabel("Allotment");
        party.setItems(Party.values());
        party.setItemLabelGenerator(p -> p.label()
                + page.allotment(p).map(a -> " (" + a.left() + " left)").orElse(""));
        party.setVisible(page.can().manage());
        note.setMaxLength(500);
        binder.forField(name)
                .asRequired("Give the guest's name as it should read on the door list.")
                .withValidator(new StringLengthValidator("At most 120 characters.", 1, 120))
                .bind("name");
        binder.forField(plusOnes)
                .withValidator(new IntegerRangeValidator(
                        "Plus-ones must be between 0 and " + GuestLists.MAX_PLUS_ONES + ".",
                        0,
                        GuestLists.MAX_PLUS_ONES))
                .bind("plusOnes");
        binder.forField(type).asRequired("Choose what kind of guest this is.").bind("type");
        binder.forField(party).bind("party");
        binder.forField(note)
                .withValidator(new StringLengthValidator("At most 500 characters.", 0, 500))
                .bind("note");
        binder.readRecord(new RequestDraft(page.can().party(), "", 0, GuestType.guest, ""));
        problem.addClassName("form-problem");
        problem.setVisible(false);
        FormLayout form = new FormLayout(name, plusOnes, type, party, note);
        form.setColspan(note, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        add(problem, form);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            RequestDraft draft;
            try {
                draft = binder.writeRecord();
            } catch (ValidationException invalid) {
                return;
            }
            try {
                service.request(page.show().showId(), draft);
                close();
                saved.run();
            } catch (ConcurrentChangeException conflict) {
                Changes.changedBySomeoneElse(conflict, saved);
            } catch (Refusal | AccessDeniedException refused) {
                problem.setText(refused.getMessage());
                problem.setVisible(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
