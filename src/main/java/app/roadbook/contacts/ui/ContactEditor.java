package app.roadbook.contacts.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.DuplicateContactException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouteParameters;
import java.util.UUID;
import java.util.function.Consumer;

/** A dialog to create a contact or change one; on success hands the contact's id on. */
class ContactEditor extends Dialog {

    final ContactForm form = new ContactForm();
    final Button save = new Button("Save");

    ContactEditor(
            ContactDirectory contacts,
            UUID orgId,
            UUID contactId,
            int version,
            ContactDraft draft,
            Consumer<UUID> saved) {
        setHeaderTitle(contactId == null ? "New contact" : "Edit " + draft.name());
        setWidth("44rem");
        form.read(draft);
        add(form);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> form.write().ifPresent(d -> {
            try {
                UUID id = contactId;
                if (id == null) {
                    id = contacts.create(orgId, d);
                } else {
                    contacts.update(orgId, id, version, d);
                }
                close();
                Notification.show("Saved " + d.name().strip() + ".", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.SUCCESS);
                saved.accept(id);
            } catch (DuplicateContactException duplicate) {
                form.showEmailProblem(duplicate.getMessage());
                ConfirmDialog offer = new ConfirmDialog(
                        "Already in the directory",
                        duplicate.getMessage() + " Open that contact instead?",
                        "Open " + duplicate.existingName(),
                        open -> {
                            close();
                            UI.getCurrent()
                                    .navigate(
                                            ContactView.class,
                                            new RouteParameters(
                                                    "contactId",
                                                    duplicate.existingId().toString()));
                        });
                offer.setCancelable(true);
                offer.setCancelText("Keep editing");
                offer.open();
            } catch (ConcurrentChangeException conflict) {
                Changes.changedBySomeoneElse(conflict, () -> {
                    close();
                    saved.accept(contactId);
                });
            } catch (Refusal invalid) {
                Changes.refuse(invalid.getMessage());
            }
        }));
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }
}
