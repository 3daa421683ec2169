package app.roadbook.files.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.FileSubject;
import app.roadbook.files.FileVisibility;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The organization's file library: every rider, stage plot, tech pack and contract, filtered by what it is about;
 * editors upload several at once (pick or drag them in); the bin, which owners and admins restore or empty.
 */
@Route("files")
@PageTitle("Files · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class FilesView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    final Select<FileSubject.Kind> filter = new Select<>();
    final Grid<FileLibrary.FileLine> grid = new Grid<>();
    final Span count = new Span();
    final Div emptyState = new Div();
    final Div uploadPanel = new Div();
    final Select<FileLibrary.SubjectOption> about = new Select<>();
    final Select<FileVisibility> visibility = new Select<>();
    final Details bin = new Details();
    final Button emptyBin = new Button("Empty bin");

    private final FileLibrary library;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;

    public FilesView(FileLibrary library, CurrentOrganization currentOrganization) {
        this.library = library;
        this.currentOrganization = currentOrganization;
        setWidthFull();

        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption("All files");
        filter.setItems(FileSubject.Kind.values());
        filter.setItemLabelGenerator(
                k -> k == null ? "All files" : "About: " + k.label().toLowerCase(Locale.ROOT));
        filter.setAriaLabel("Filter by what the files are about");
        filter.addValueChangeListener(e -> refresh());

        grid.addComponentColumn(line -> new com.vaadin.flow.router.RouterLink(
                        line.name(),
                        FileView.class,
                        new RouteParameters("fileId", line.id().toString())))
                .setHeader("Name")
                .setFlexGrow(2);
        grid.addColumn(FileLibrary.FileLine::about).setHeader("About").setFlexGrow(2);
        grid.addColumn(FileLibrary.FileLine::typeAndSize).setHeader("Type");
        grid.addColumn(FileList::visibilityWords).setHeader("Who sees it");
        grid.addColumn(l -> l.changedAt() == null ? "" : DAY.format(l.changedAt()))
                .setHeader("Changed");
        grid.setPageSize(50);
        grid.setHeight("28rem");
        emptyState.addClassName("empty-state");

        about.setLabel("About");
        about.setItemLabelGenerator(FileLibrary.SubjectOption::text);
        visibility.setLabel("Who sees it");
        visibility.setItems(FileVisibility.values());
        visibility.setItemLabelGenerator(FileVisibility::label);
        visibility.setValue(FileVisibility.members);
        about.addValueChangeListener(e -> {
            boolean orgWide = e.getValue() == null || e.getValue().subject().kind() == FileSubject.Kind.ORG;
            if (orgWide) {
                visibility.setValue(FileVisibility.members);
            }
            visibility.setEnabled(!orgWide);
            visibility.setHelperText(orgWide ? "An organization-wide file stays with the members." : null);
        });

        emptyBin.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        emptyBin.addClickListener(e -> Changes.confirmFirst(
                "Empty the bin?",
                "Every file in the bin is removed for good, with all its versions. This cannot be undone.",
                "Empty bin",
                () -> Changes.attempt(() -> library.emptyBin(orgId), this::refresh)));

        HorizontalLayout title = new HorizontalLayout(new H2("Files"), count);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        count.addClassName("result-count");
        add(title, uploadPanel, filter, emptyState, grid, bin);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        orgId = org.id();
        boolean canEdit = library.canEdit(orgId);
        uploadPanel.removeAll();
        uploadPanel.setVisible(canEdit);
        if (canEdit) {
            List<FileLibrary.SubjectOption> options = library.subjects(orgId);
            about.setItems(options);
            about.setValue(options.getFirst());
            UploadArea area = new UploadArea(
                    (name, in, size) ->
                            library.upload(orgId, about.getValue().subject(), visibility.getValue(), name, in, size),
                    this::refresh,
                    library.maxFileBytes(),
                    library.maxFileSize(),
                    true);
            HorizontalLayout choices = new HorizontalLayout(about, visibility);
            choices.getStyle().set("flex-wrap", "wrap");
            uploadPanel.add(new H3("Add files"), choices, area);
            uploadPanel.setWidthFull();
        }
        grid.setItems(
                query -> library.library(orgId, filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) library.count(orgId, filter.getValue()));
        refresh();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        long total = library.count(orgId, filter.getValue());
        count.setText(total == 1 ? "1 file" : String.format("%,d files", total));
        emptyState.removeAll();
        boolean empty = total == 0;
        if (empty) {
            emptyState.add(new Paragraph(
                    filter.getValue() == null
                            ? "No files yet. Riders, stage plots, tech packs and contracts live here"
                                    + (uploadPanel.isVisible()
                                            ? ": drop them above, or attach them to an artist, venue or show."
                                            : "; an editor of your organization can add them.")
                            : "No file is about " + filter.getValue().label().toLowerCase(Locale.ROOT) + "s yet."));
        }
        emptyState.setVisible(empty);
        grid.setVisible(!empty);
        showBin();
    }

    private void showBin() {
        List<FileLibrary.FileLine> binned = library.bin(orgId);
        boolean manage = library.canManageBin(orgId);
        bin.setSummaryText("Bin (" + binned.size() + ")");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph("Deleted files stay here for " + FileLibrary.BIN_DAYS
                + " days; then they are removed for good."
                + (manage ? "" : " Owners and admins restore them or empty the bin.")));
        for (FileLibrary.FileLine line : binned) {
            Span text = new Span(
                    line.name() + " · " + line.about() + " · removed for good on " + DAY.format(line.purgedOn()));
            HorizontalLayout row = new HorizontalLayout(text);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
            if (manage) {
                Button restore =
                        new Button("Restore", e -> Changes.attempt(() -> library.restore(line.id()), this::refresh));
                restore.addThemeVariants(ButtonVariant.SMALL);
                restore.setAriaLabel("Restore " + line.name());
                Button forever = new Button(
                        "Delete forever",
                        e -> Changes.confirmFirst(
                                "Delete " + line.name() + " for good?",
                                "The file and all its versions are removed. This cannot be undone.",
                                "Delete forever",
                                () -> Changes.attempt(() -> library.deleteForever(line.id()), this::refresh)));
                forever.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
                forever.setAriaLabel("Delete " + line.name() + " forever");
                row.add(restore, forever);
            }
            content.add(row);
        }
        if (binned.isEmpty()) {
            Span none = new Span("The bin is empty.");
            none.addClassName("empty-state");
            content.add(none);
        }
        emptyBin.setVisible(manage && !binned.isEmpty());
        content.add(emptyBin);
        bin.removeAll();
        bin.add(content);
    }
}
