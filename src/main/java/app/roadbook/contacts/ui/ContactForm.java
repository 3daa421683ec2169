package app.roadbook.contacts.ui;

import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactRules;
import app.roadbook.contacts.ContactStatus;
import app.roadbook.contacts.ContactType;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.BigDecimalRangeValidator;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;

/** The fields of a contact, with their rules; the service checks the same rules again. */
public class ContactForm extends Composite<FormLayout> {

    final TextField name = new TextField("Name");
    final MultiSelectComboBox<ContactType> types = new MultiSelectComboBox<>("Types");
    final EmailField email = new EmailField("Email");
    final TextField phone = new TextField("Phone");
    final TextField company = new TextField("Company");
    final TextField roleTitle = new TextField("Role");
    final TextField city = new TextField("City");
    final TextField country = new TextField("Country");
    final BigDecimalField commissionRate = new BigDecimalField("Commission rate (%)");
    final Select<ContactStatus> status = new Select<>();
    final TextArea notes = new TextArea("Notes");

    private final Binder<ContactDraft> binder = new Binder<>(ContactDraft.class);

    public ContactForm() {
        types.setItems(EnumSet.allOf(ContactType.class));
        types.setItemLabelGenerator(ContactLabels::type);
        status.setLabel("Status");
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(ContactStatus::label);
        for (TextField f : new TextField[] {name, phone, company, roleTitle, city, country}) {
            f.setMaxLength(f == name ? ContactRules.MAX_NAME : ContactRules.MAX_TEXT);
        }
        notes.setMaxLength(ContactRules.MAX_NOTES);

        binder.forField(name)
                .asRequired("Name is required.")
                .withValidator(new StringLengthValidator(
                        "Keep the name to " + ContactRules.MAX_NAME + " characters.", 1, ContactRules.MAX_NAME))
                .bind("name");
        binder.forField(types).asRequired("Choose at least one type.").bind("types");
        binder.forField(email)
                .withValidator(new RegexpValidator(
                        "Enter an email address like name@example.com.", ContactRules.EMAIL.pattern() + "|^$"))
                .bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(company).bind("company");
        binder.forField(roleTitle).bind("roleTitle");
        binder.forField(city).bind("city");
        binder.forField(country).bind("country");
        binder.forField(commissionRate)
                .withValidator(
                        new BigDecimalRangeValidator("Between 0 and 100.", BigDecimal.ZERO, new BigDecimal("100")))
                .withValidator(r -> r == null || r.stripTrailingZeros().scale() <= 2, "At most two decimals.")
                .bind("commissionRate");
        binder.forField(status).asRequired().bind("status");
        binder.forField(notes).bind("notes");

        FormLayout layout = getContent();
        layout.add(name, types, email, phone, company, roleTitle, city, country, commissionRate, status);
        layout.add(notes, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    }

    public void read(ContactDraft draft) {
        binder.readRecord(draft);
    }

    /** The draft if every field is valid; otherwise the fields show what is wrong. */
    public Optional<ContactDraft> write() {
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    void showEmailProblem(String message) {
        email.setErrorMessage(message);
        email.setInvalid(true);
    }
}
