package app.roadbook.tenancy.ui;

import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.security.access.AccessDeniedException;

/**
 * Renames the current organization (owners and admins). The frame reads the organization's name afresh on the page
 * that opens next, so the menu and the organization switcher show the new name at once.
 */
class RenameOrganizationDialog extends Dialog {

    final TextField name = new TextField("Name");
    final Button save = new Button("Rename");

    RenameOrganizationDialog(OrganizationService organizations, OrgSummary org) {
        setHeaderTitle("Rename " + org.name());
        setWidth("min(28rem, 100vw)");
        name.setValue(org.name());
        name.setMaxLength(OrganizationService.MAX_NAME_LENGTH);
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText("Everyone in the organization, and promoters on its shows, see this name.");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            try {
                organizations.rename(org.id(), name.getValue());
                close();
                UI.getCurrent().refreshCurrentRoute(true);
            } catch (Refusal | AccessDeniedException refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
            }
        });
        add(name);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
