package app.roadbook.contacts.ui;

import app.roadbook.base.Refusal;
import app.roadbook.contacts.ContactDetails;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactFilter;
import app.roadbook.contacts.ContactRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;

/** Merge another contact into this one: every type, venue link and commission is kept. */
class MergeDialog extends Dialog {

    final ComboBox<ContactRow> other = new ComboBox<>("Contact to merge into this one");
    final Button mergeButton = new Button("Merge");

    MergeDialog(ContactDirectory contacts, UUID orgId, ContactDetails keep, Runnable merged) {
        setHeaderTitle("Merge into " + keep.draft().name());
        setWidth("36rem");
        other.setItems(query -> contacts
                .list(
                        orgId,
                        new ContactFilter(query.getFilter().orElse(""), Set.of(), null),
                        PageRequest.of(query.getPage(), query.getPageSize()))
                .stream()
                .filter(r -> !r.id().equals(keep.id())));
        other.setItemLabelGenerator(r -> r.name() + (r.email() == null ? "" : " <" + r.email() + ">"));
        other.setWidthFull();
        mergeButton.addThemeVariants(ButtonVariant.PRIMARY);
        mergeButton.addClickListener(e -> {
            if (other.getValue() == null) {
                other.setErrorMessage("Choose the contact to merge.");
                other.setInvalid(true);
                return;
            }
            String name = other.getValue().name();
            try {
                contacts.merge(orgId, keep.id(), other.getValue().id());
            } catch (Refusal invalid) {
                other.setErrorMessage(invalid.getMessage());
                other.setInvalid(true);
                return;
            }
            close();
            Notification.show(
                            "Merged " + name + " into " + keep.draft().name() + ".",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            merged.run();
        });
        add(
                new Paragraph("The chosen contact's types, venue links and commissions move to "
                        + keep.draft().name()
                        + "; its details fill any empty fields here, its notes are added, and then it is deleted."),
                other);
        getFooter().add(new Button("Cancel", e -> close()), mergeButton);
    }
}
