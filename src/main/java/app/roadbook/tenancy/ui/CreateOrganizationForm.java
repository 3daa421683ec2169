package app.roadbook.tenancy.ui;

import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrganizationService;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.util.UUID;
import java.util.function.Consumer;

/** Name a new organization; the signed-in user becomes its owner. */
public class CreateOrganizationForm extends Composite<HorizontalLayout> {

    final TextField name = new TextField("Organization name");
    final Button create = new Button("Create organization");

    private final Binder<NewOrganization> binder = new Binder<>(NewOrganization.class);

    /** The form's data; public because the Binder instantiates it. */
    public record NewOrganization(String name) {}

    public CreateOrganizationForm(OrganizationService organizations, Consumer<UUID> onCreated) {
        name.setPlaceholder("e.g. Northern Lights Touring");
        name.setMaxLength(OrganizationService.MAX_NAME_LENGTH);
        name.setWidth("20rem");
        binder.forField(name)
                .asRequired("Give the organization a name.")
                .withValidator(new StringLengthValidator(
                        "Keep the name to " + OrganizationService.MAX_NAME_LENGTH + " characters or fewer.",
                        1,
                        OrganizationService.MAX_NAME_LENGTH))
                .bind("name");

        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        create.addClickListener(e -> {
            NewOrganization draft;
            try {
                draft = binder.writeRecord();
            } catch (ValidationException invalid) {
                return;
            }
            try {
                onCreated.accept(organizations.createOrganization(draft.name()));
            } catch (Refusal rejected) {
                name.setErrorMessage(rejected.getMessage());
                name.setInvalid(true);
            }
        });
        getContent().setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().add(name, create);
    }
}
