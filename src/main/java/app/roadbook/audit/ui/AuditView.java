package app.roadbook.audit.ui;

import app.roadbook.audit.AuditTrail;
import app.roadbook.audit.AuditTrail.Entry;
import app.roadbook.base.Formats;
import app.roadbook.base.ui.CountHeading;
import app.roadbook.base.ui.KeysetAnchors;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.MemberRow;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrganizationService;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;

/** Who did what in the organization: sign-ins, refusals, members, invitations, billing, data changes. */
@Route("audit")
@PageTitle("Audit log · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_AUDIT)
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    final Select<String> category = new Select<>();
    final TextField action = new TextField();
    final ComboBox<MemberRow> actor = new ComboBox<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Span count = new Span();
    final Grid<Entry> grid = new Grid<>();
    final CountHeading heading = new CountHeading(count, "entry", "entries");

    private final AuditTrail trail;
    private final OrganizationService organizations;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private final KeysetAnchors<Entry, AuditTrail.EntryKey> pages = new KeysetAnchors<>(AuditTrail.EntryKey::of);

    public AuditView(AuditTrail trail, OrganizationService organizations, CurrentOrganization currentOrganization) {
        this.trail = trail;
        this.organizations = organizations;
        this.currentOrganization = currentOrganization;
        category.setLabel("Category");
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption("All");
        category.setItems(AuditTrail.CATEGORIES);
        category.setItemLabelGenerator(Formats::label);
        action.setLabel("Action");
        action.setPlaceholder("e.g. sign, role, venue");
        action.setMaxLength(100);
        action.setClearButtonVisible(true);
        action.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setLabel("Person");
        actor.setClearButtonVisible(true);
        actor.setItemLabelGenerator(m -> m.displayName() + " (" + m.email() + ")");
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        Button clear = new Button("Clear filters", e -> {
            category.clear();
            action.clear();
            actor.clear();
            from.clear();
            to.clear();
        });
        category.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        grid.addColumn(e -> Formats.utc(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(Entry::sentence).setHeader("What happened").setFlexGrow(3);
        grid.addComponentColumn(e -> e.targetPath() == null
                        ? new Span(e.targetName() == null ? "" : e.targetName())
                        : new Anchor(e.targetPath(), e.targetName()))
                .setHeader("Concerning")
                .setAutoWidth(true);
        grid.addColumn(e -> Formats.label(e.category())).setHeader("Category").setAutoWidth(true);
        grid.addColumn(e -> e.ipAddress() == null ? "" : e.ipAddress())
                .setHeader("From address")
                .setAutoWidth(true);
        grid.setEmptyStateText("Nothing recorded matches these filters.");
        HorizontalLayout filters = new HorizontalLayout(category, action, actor, from, to, clear);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout counted = new HorizontalLayout(count, heading.exactly());
        counted.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit log"), filters, counted, grid);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        actor.setItems(organizations.members(orgId, PageRequest.of(0, 500)));
        heading.bind(
                grid,
                // Pages by key (after the last entry the grid has), not by offset (decision 0018).
                query ->
                        pages
                                .page(
                                        query.getOffset(),
                                        query.getLimit(),
                                        start -> trail.entries(orgId, filter(), start))
                                .stream(),
                () -> trail.count(orgId, filter()));
        refresh();
    }

    AuditTrail.Filter filter() {
        return new AuditTrail.Filter(
                category.getValue(),
                action.getValue(),
                actor.getValue() == null ? null : actor.getValue().userId(),
                from.getValue(),
                to.getValue());
    }

    private void refresh() {
        if (orgId == null) {
            return;
        }
        // Up to 10,000 counted; above, "10,000+" and the exact figure on request (decision 0018): an exact count of
        // a large log reads every entry through the policy.
        pages.forget();
        heading.show(trail.countCapped(orgId, filter()));
        grid.getDataProvider().refreshAll();
    }
}
