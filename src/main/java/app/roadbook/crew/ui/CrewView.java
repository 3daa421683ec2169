package app.roadbook.crew.ui;

import app.roadbook.crew.CrewImport;
import app.roadbook.crew.CrewRoster;
import app.roadbook.crew.PersonDraft;
import app.roadbook.crew.PersonRow;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** The crew roster: everyone who works the organization's shows, searchable and sortable. */
@Route("crew")
@PageTitle("Crew · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class CrewView extends VerticalLayout implements BeforeEnterObserver {

    final TextField search = new TextField();
    final Grid<PersonRow> grid = new Grid<>(PersonRow.class, false);
    final Span count = new Span();
    final Button create = new Button("Add person", VaadinIcon.PLUS.create());
    final Button importCsv = new Button("Import CSV", VaadinIcon.UPLOAD.create());
    final Anchor exportCsv = new Anchor();
    final Div emptyState = new Div();

    private final CrewRoster roster;
    private final CrewImport imports;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private volatile String filter = "";

    public CrewView(CrewRoster roster, CrewImport imports, CurrentOrganization currentOrganization) {
        this.roster = roster;
        this.imports = imports;
        this.currentOrganization = currentOrganization;
        setSizeFull();

        search.setPlaceholder("Search name, role, email or phone");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("22rem");
        search.setMaxWidth("100%");
        search.setAriaLabel("Search the crew");
        search.addValueChangeListener(e -> refresh());

        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> new PersonEditor(roster, orgId, null, 0, PersonDraft.empty(), this::open).open());
        importCsv.addClickListener(e -> new CrewImportDialog(imports, orgId, this::refresh).open());
        exportCsv.setText("Export CSV");
        exportCsv.setHref(exportHandler());
        exportCsv.getElement().setAttribute("download", true);

        grid.addColumn(PersonRow::name)
                .setHeader("Name")
                .setKey("name")
                .setSortable(true)
                .setFlexGrow(2)
                .setFrozen(true);
        grid.addColumn(PersonRow::roleTitle)
                .setHeader("Role")
                .setKey("roleTitle")
                .setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(PersonRow::phone).setHeader("Phone").setKey("phone").setSortable(true);
        grid.addColumn(PersonRow::email)
                .setHeader("Email")
                .setKey("email")
                .setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(r -> r.account() == null ? "" : r.account()).setHeader("Member account");
        grid.setMultiSort(false);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();

        emptyState.addClassName("empty-state");
        emptyState.setVisible(false);

        HorizontalLayout actions = new HorizontalLayout(create, importCsv, exportCsv);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout toolbar = new HorizontalLayout(search, actions);
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(JustifyContentMode.BETWEEN);
        toolbar.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout title = new HorizontalLayout(new H2("Crew"), count);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        count.addClassName("result-count");
        add(title, toolbar, emptyState, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        orgId = org.id();
        boolean canEdit = roster.canEdit(orgId);
        create.setVisible(canEdit);
        importCsv.setVisible(canEdit);
        grid.setItems(
                query -> roster.list(orgId, filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> roster.count(orgId, filter));
        refresh();
    }

    private void open(UUID personId) {
        UI.getCurrent().navigate(PersonView.class, new RouteParameters("personId", personId.toString()));
    }

    private void refresh() {
        filter = search.getValue();
        grid.getDataProvider().refreshAll();
        int total = roster.count(orgId, filter);
        count.setText(total == 1 ? "1 person" : String.format("%,d people", total));
        boolean empty = total == 0;
        emptyState.removeAll();
        if (empty && filter.isBlank()) {
            emptyState.add(new Paragraph("Nobody on the crew roster yet. Add the people who work your shows here"
                    + (create.isVisible()
                            ? " (tour manager, engineers, drivers, merch…), one by one or from a CSV file."
                            : "; an editor of your organization can add them.")));
        } else if (empty) {
            Button clear = new Button("Clear search", e -> search.clear());
            clear.addThemeVariants(ButtonVariant.TERTIARY);
            emptyState.add(new Paragraph("Nobody on the roster matches \"" + filter.strip() + "\"."), clear);
        }
        emptyState.setVisible(empty);
        grid.setVisible(!empty);
    }

    private DownloadHandler exportHandler() {
        return event -> {
            event.setFileName("crew-" + LocalDate.now() + ".csv");
            event.getResponse().setContentType("text/csv; charset=utf-8");
            imports.export(orgId, filter, new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        };
    }
}
