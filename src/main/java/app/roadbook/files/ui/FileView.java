package app.roadbook.files.ui;

import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.FileSubject;
import app.roadbook.files.FileVisibility;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/**
 * One file: download it, its versions (download, restore), who sees it, a new version, the bin. Open to whoever may
 * see the file, the promoter team included; a file the reader may not see looks exactly like a missing one.
 */
@Route("files/:fileId")
@PermitAll
public class FileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Paragraph facts = new Paragraph();
    final Div actions = new Div();
    final Div versions = new Div();
    final Div audience = new Div();
    final Select<FileVisibility> visibility = new Select<>();

    private final FileLibrary library;
    private UUID fileId;
    private FileLibrary.FileDetails details;

    public FileView(FileLibrary library) {
        this.library = library;
        setWidthFull();
        setMaxWidth("60rem");
        visibility.setLabel("Who sees it");
        visibility.setItems(FileVisibility.values());
        visibility.setItemLabelGenerator(FileVisibility::label);
        visibility.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                Changes.attempt(() -> library.changeVisibility(fileId, e.getValue()), this::load);
            }
        });
        actions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", ".5rem");
        add(title, facts, actions, new H3("Versions"), versions, audience);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            fileId = UUID.fromString(event.getRouteParameters().get("fileId").orElse(""));
            details = library.details(fileId);
        } catch (IllegalArgumentException | Refusal missing) {
            throw new NotFoundException();
        }
        show();
    }

    @Override
    public String getPageTitle() {
        return (details == null ? "File" : details.line().name()) + " · Roadbook";
    }

    void load() {
        try {
            details = library.details(fileId);
        } catch (Refusal gone) {
            UI.getCurrent().navigate(FilesView.class);
            return;
        }
        show();
    }

    private void show() {
        FileLibrary.FileLine line = details.line();
        title.setText(line.name());
        facts.setText(line.about() + " · " + line.typeAndSize() + " · version " + line.version() + " · "
                + FileList.visibilityWords(line));
        actions.removeAll();
        Anchor download = new Anchor(FileTransfers.download(() -> library.download(fileId, null)), "Download");
        download.getElement().setAttribute("download", true);
        download.addClassName("download-file");
        actions.add(download);
        if (line.deletedAt() != null) {
            Span binned = new Span("In the bin; removed for good on " + FilesView.DAY.format(line.purgedOn()) + ".");
            binned.addClassName("empty-state");
            actions.add(binned);
            if (details.canManageBin()) {
                Button restore = new Button("Restore", e -> Changes.attempt(() -> library.restore(fileId), this::load));
                restore.addThemeVariants(ButtonVariant.PRIMARY);
                actions.add(restore);
            }
        }
        if (details.inAdvance()) {
            actions.add(new Span("A document of an advance: change it on the advance's page."));
        }
        if (details.editable()) {
            visibility.setValue(line.visibility());
            boolean orgWide = line.subjectKind() == FileSubject.Kind.ORG;
            visibility.setEnabled(!orgWide);
            visibility.setHelperText(orgWide ? "An organization-wide file stays with the members." : null);
            Button delete = new Button(
                    "Move to bin",
                    VaadinIcon.TRASH.create(),
                    e -> Changes.confirmFirst(
                            "Move " + line.name() + " to the bin?",
                            "It disappears from every list and from the promoter team. Owners and admins can restore"
                                    + " it for " + FileLibrary.BIN_DAYS + " days.",
                            "Move to bin",
                            () -> {
                                if (Changes.attempt(() -> library.delete(fileId), () -> {})) {
                                    UI.getCurrent().navigate(FilesView.class);
                                }
                            }));
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            actions.add(visibility, delete);
        }
        showVersions();
        showAudience();
    }

    private void showVersions() {
        versions.removeAll();
        for (FileLibrary.VersionLine v : details.versions()) {
            Anchor get = new Anchor(
                    FileTransfers.download(() -> library.download(fileId, v.number())),
                    "Version " + v.number() + (v.current() ? " (current)" : ""));
            get.getElement().setAttribute("download", true);
            Span about = new Span(
                    v.name() + " · " + v.typeAndSize() + (v.at() == null ? "" : " · " + FilesView.DAY.format(v.at())));
            about.getStyle().set("color", "var(--lumo-secondary-text-color)");
            HorizontalLayout row = new HorizontalLayout(get, about);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
            if (details.editable() && !v.current()) {
                Button restore = new Button(
                        "Make current",
                        e -> Changes.attempt(() -> library.restoreVersion(fileId, v.number()), this::load));
                restore.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                restore.setAriaLabel("Make version " + v.number() + " current");
                row.add(restore);
            }
            versions.add(row);
        }
        if (details.editable()) {
            UploadArea next = new UploadArea(
                    (name, in, size) -> library.uploadVersion(fileId, name, in, size),
                    this::load,
                    library.maxFileBytes(),
                    library.maxFileSize(),
                    false);
            next.upload().setUploadButton(new Button("Upload new version", VaadinIcon.UPLOAD.create()));
            versions.add(next);
        }
    }

    private void showAudience() {
        audience.removeAll();
        if (!details.member()) {
            return;
        }
        audience.add(new H3("Who can see this?"));
        for (FileLibrary.Viewer viewer : library.audience(fileId)) {
            Div line = new Div(new Span(viewer.who()), new Span(" — " + viewer.reason()));
            line.addClassName("audience-line");
            audience.add(line);
        }
    }
}
