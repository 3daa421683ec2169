package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingTemplate;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.advancing.AdvancingTemplates;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The organization's advancing templates, for owners and admins. A template is edited as lines of
 * "Section | Field | type" (type: text, textarea, date, time, number), which reads like the advance it makes.
 */
@Route("advancing-templates")
@PageTitle("Advancing templates · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.MANAGE_TEMPLATES)
public class TemplatesView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<AdvancingTemplate> templates = new Grid<>();
    final TextField name = new TextField("Template name");
    final TextArea lines = new TextArea("Fields, one per line: Section | Field | type");
    final Button save = new Button("Save template");
    private final AdvancingTemplates advancing;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private UUID editing;

    public TemplatesView(AdvancingTemplates advancing, CurrentOrganization currentOrganization) {
        this.advancing = advancing;
        this.currentOrganization = currentOrganization;
        templates.addColumn(AdvancingTemplate::name).setHeader("Template");
        templates.addColumn(t -> t.fields().size()).setHeader("Fields");
        templates
                .addColumn(t -> t.id() == null ? "Built in (copy it to change it)" : "Organization")
                .setHeader("Kind");
        templates.setAllRowsVisible(true);
        templates.addItemClickListener(e -> edit(e.getItem()));
        name.setMaxLength(120);
        lines.setWidthFull();
        lines.setHeight("18rem");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        add(
                new H2("Advancing templates"),
                new Paragraph("Advances start from a template. Click one to edit it, or edit the "
                        + "built-in one under a new name to make your own."),
                templates,
                name,
                lines,
                save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        List<AdvancingTemplate> all = advancing.list(orgId);
        templates.setItems(all);
        edit(all.getFirst());
    }

    private void edit(AdvancingTemplate template) {
        editing = template.id();
        name.setValue(template.id() == null ? "" : template.name());
        name.setPlaceholder(template.id() == null ? "Name your copy" : "");
        StringBuilder text = new StringBuilder();
        template.fields()
                .forEach(f -> text.append(f.section())
                        .append(" | ")
                        .append(f.name())
                        .append(" | ")
                        .append(f.type())
                        .append('\n'));
        lines.setValue(text.toString());
    }

    private void save() {
        List<AdvancingTemplate.Field> fields = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines.getValue().split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            try {
                fields.add(new AdvancingTemplate.Field(
                        parts[0].strip(),
                        parts[1].strip(),
                        parts.length > 2
                                ? FieldType.valueOf(parts[2].strip().toLowerCase(Locale.ROOT))
                                : FieldType.text));
            } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                lines.setErrorMessage(
                        "Line " + lineNumber + " is not \"Section | Field | type\" with a type of text, textarea, "
                                + "date, time or number.");
                lines.setInvalid(true);
                return;
            }
        }
        try {
            editing = advancing.save(orgId, editing, name.getValue(), fields);
            lines.setInvalid(false);
            templates.setItems(advancing.list(orgId));
            Notification.show("Saved " + name.getValue().strip() + ".", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        } catch (Refusal refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        }
    }
}
