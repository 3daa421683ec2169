package app.roadbook.contacts.ui;

import app.roadbook.base.RowCount;
import app.roadbook.base.ui.CountHeading;
import app.roadbook.base.ui.KeysetAnchors;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactFilter;
import app.roadbook.contacts.ContactImport;
import app.roadbook.contacts.ContactRow;
import app.roadbook.contacts.ContactStatus;
import app.roadbook.contacts.ContactType;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.data.domain.Sort;

/** The directory: every promoter, agent, manager and vendor of the organization, searchable. */
@Route("contacts")
@PageTitle("Contacts · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class ContactsView extends VerticalLayout implements BeforeEnterObserver {

    final TextField search = new TextField();
    final MultiSelectComboBox<ContactType> types = new MultiSelectComboBox<>();
    final Select<ContactStatus> status = new Select<>();
    final Grid<ContactRow> grid = new Grid<>(ContactRow.class, false);
    final Span count = new Span();
    final Button create = new Button("New contact", VaadinIcon.PLUS.create());
    final Button importCsv = new Button("Import CSV", VaadinIcon.UPLOAD.create());
    final Anchor exportCsv = new Anchor();
    final Div emptyState = new Div();
    final CountHeading heading = new CountHeading(count, "contact", "contacts");

    private final ContactDirectory contacts;
    private final ContactImport imports;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private volatile ContactFilter filter = ContactFilter.ALL;
    private final KeysetAnchors<ContactRow, UUID> pages = new KeysetAnchors<>(ContactRow::id);
    private Sort pagedSort = Sort.unsorted();

    public ContactsView(ContactDirectory contacts, ContactImport imports, CurrentOrganization currentOrganization) {
        this.contacts = contacts;
        this.imports = imports;
        this.currentOrganization = currentOrganization;
        setSizeFull();

        search.setPlaceholder("Search name, company, email or city");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("22rem");
        search.setAriaLabel("Search contacts");
        search.setHelperText("One or two characters find names and emails that start with them;"
                + " three or more search anywhere in name, company, email and city.");
        types.setPlaceholder("All types");
        types.setItems(EnumSet.allOf(ContactType.class));
        types.setItemLabelGenerator(ContactLabels::type);
        types.setAriaLabel("Filter by type");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setAriaLabel("Filter by status");
        search.addValueChangeListener(e -> refresh());
        types.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());

        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> new ContactEditor(
                        contacts,
                        orgId,
                        null,
                        0,
                        ContactDraft.empty(),
                        id -> UI.getCurrent()
                                .navigate(ContactView.class, new RouteParameters("contactId", id.toString())))
                .open());
        importCsv.addClickListener(e -> new ImportDialog(imports, orgId, this::refresh).open());
        exportCsv.setText("Export CSV");
        exportCsv.setHref(exportHandler());
        exportCsv.getElement().setAttribute("download", true);

        grid.addColumn(ContactRow::name)
                .setHeader("Name")
                .setKey("name")
                .setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(r -> ContactLabels.types(r.types())).setHeader("Types").setFlexGrow(1);
        grid.addColumn(ContactRow::company)
                .setHeader("Company")
                .setKey("company")
                .setSortable(true);
        grid.addColumn(ContactRow::location)
                .setHeader("City, country")
                .setKey("city")
                .setSortable(true);
        grid.addColumn(ContactRow::email)
                .setHeader("Email")
                .setKey("email")
                .setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(ContactRow::phone).setHeader("Phone");
        grid.addColumn(r -> r.status().label())
                .setHeader("Status")
                .setKey("status")
                .setSortable(true);
        grid.setMultiSort(false);
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        ContactView.class,
                        new RouteParameters("contactId", e.getItem().id().toString())));
        grid.setSizeFull();

        emptyState.addClassName("empty-state");
        emptyState.setVisible(false);

        HorizontalLayout filters = new HorizontalLayout(search, types, status);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(create, importCsv, exportCsv);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout toolbar = new HorizontalLayout(filters, actions);
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(JustifyContentMode.BETWEEN);
        toolbar.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout title = new HorizontalLayout(new H2("Contacts"), count, heading.exactly());
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        count.addClassName("result-count");
        add(title, toolbar, emptyState, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        orgId = org.id();
        boolean canEdit = contacts.canEdit(orgId);
        create.setVisible(canEdit);
        importCsv.setVisible(canEdit);
        heading.bind(
                grid,
                // Pages by key (after the last contact the grid has), not by offset: scrolling deep costs a page
                // (decision 0018). The positions hold for one filter and one order.
                query -> {
                    Sort sort = com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringDataSort(query);
                    if (!sort.equals(pagedSort)) {
                        pages.forget();
                        pagedSort = sort;
                    }
                    return pages
                            .page(
                                    query.getOffset(),
                                    query.getLimit(),
                                    start -> contacts.list(orgId, filter, sort, start))
                            .stream();
                },
                () -> contacts.count(orgId, filter));
        refresh();
    }

    private void refresh() {
        filter = new ContactFilter(search.getValue(), types.getValue(), status.getValue());
        pages.forget();
        // Counted once per filter change, up to 10,000; above, "10,000+" and the exact figure on request.
        RowCount total = heading.show(contacts.countCapped(orgId, filter));
        grid.getDataProvider().refreshAll();
        boolean empty = total.isZero();
        emptyState.removeAll();
        if (empty && filter.isEmpty()) {
            emptyState.add(new Paragraph("No contacts yet. Add your promoters, agents, managers and vendors here"
                    + (create.isVisible()
                            ? ", one by one or from a CSV file."
                            : "; an editor of your organization can add them.")));
        } else if (empty) {
            Button clear = new Button("Clear filters", e -> {
                search.clear();
                types.clear();
                status.clear();
            });
            clear.addThemeVariants(ButtonVariant.TERTIARY);
            emptyState.add(new Paragraph("No contact matches these filters."), clear);
        }
        emptyState.setVisible(empty);
        grid.setVisible(!empty);
    }

    private DownloadHandler exportHandler() {
        return event -> {
            event.setFileName("contacts-" + LocalDate.now() + ".csv");
            event.getResponse().setContentType("text/csv; charset=utf-8");
            imports.export(orgId, filter, new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        };
    }
}
