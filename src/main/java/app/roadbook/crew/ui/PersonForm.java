package app.roadbook.crew.ui;

import app.roadbook.crew.Account;
import app.roadbook.crew.CrewRules;
import app.roadbook.crew.PersonDraft;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The fields of a person on the roster, with their rules; the service checks the same rules again. */
class PersonForm extends Composite<FormLayout> {

    final TextField name = new TextField("Name");
    final TextField roleTitle = new TextField("Role or title");
    final EmailField email = new EmailField("Email");
    final TextField phone = new TextField("Phone");
    final ComboBox<Account> account = new ComboBox<>("Member account");
    final TextArea notes = new TextArea("Notes");

    private final Binder<PersonDraft> binder = new Binder<>(PersonDraft.class);

    PersonForm(List<Account> accounts) {
        name.setMaxLength(CrewRules.MAX_NAME);
        for (TextField f : new TextField[] {roleTitle, phone}) {
            f.setMaxLength(CrewRules.MAX_TEXT);
        }
        roleTitle.setPlaceholder("e.g. Tour manager, FOH engineer");
        phone.setPlaceholder("+47 …");
        notes.setMaxLength(CrewRules.MAX_NOTES);
        account.setItems(accounts);
        account.setItemLabelGenerator(Account::label);
        account.setClearButtonVisible(true);
        account.setPlaceholder("Not a member account");
        account.setHelperText("If this person signs in to Roadbook, the member account they use.");

        binder.forField(name)
                .asRequired("Name is required.")
                .withValidator(new StringLengthValidator(
                        "Keep the name to " + CrewRules.MAX_NAME + " characters.", 1, CrewRules.MAX_NAME))
                .bind("name");
        binder.forField(roleTitle).bind("roleTitle");
        binder.forField(email)
                .withValidator(new RegexpValidator(
                        "Enter an email address like name@example.com.", CrewRules.EMAIL.pattern() + "|^$"))
                .bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(account)
                .withConverter(
                        (Account a) -> a == null ? null : a.userId(),
                        (UUID id) -> id == null
                                ? null
                                : accounts.stream()
                                        .filter(a -> a.userId().equals(id))
                                        .findFirst()
                                        .orElse(null))
                .bind("userId");
        binder.forField(notes).bind("notes");

        FormLayout layout = getContent();
        layout.add(name, roleTitle, email, phone, account);
        layout.add(notes, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    }

    void read(PersonDraft draft) {
        binder.readRecord(draft);
    }

    /** The draft if every field is valid; otherwise the fields show what is wrong. */
    Optional<PersonDraft> write() {
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
