package app.roadbook.crew.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.PersonDraft;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/** A dialog to add a person to the roster or change one; on success hands the person's id on. */
class PersonEditor extends Dialog {

    final PersonForm form;
    final Button save = new Button("Save");

    PersonEditor(CrewRoster roster, UUID orgId, UUID personId, int version, PersonDraft draft, Consumer<UUID> saved) {
        form = new PersonForm(roster.accounts(orgId));
        setHeaderTitle(personId == null ? "Add a person" : "Edit " + draft.name());
        setWidth("44rem");
        setMaxWidth("100%");
        form.read(draft);
        add(form);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> form.write().ifPresent(d -> {
            try {
                UUID id = personId;
                if (id == null) {
                    id = roster.create(orgId, d);
                } else {
                    roster.update(orgId, id, version, d);
                }
                close();
                Notification.show("Saved " + d.name().strip() + ".", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.SUCCESS);
                saved.accept(id);
            } catch (ConcurrentChangeException conflict) {
                Changes.changedBySomeoneElse(conflict, () -> {
                    close();
                    saved.accept(personId);
                });
            } catch (Refusal | AccessDeniedException refused) {
                Changes.refuse(refused.getMessage());
            }
        }));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
