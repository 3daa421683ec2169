package app.roadbook.files.ui;

import app.roadbook.base.ui.ShowPageSection;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.FileSubject;
import app.roadbook.files.FileVisibility;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.Optional;
import java.util.UUID;

/**
 * The show page's Files: the show's own files, its advances' documents, its artist's and its venue's files (a rider
 * travels with every show, a tech pack serves every visit). Editors add files to the show here.
 */
@org.springframework.stereotype.Component
class ShowFilesSection implements ShowPageSection {

    private final FileLibrary library;

    ShowFilesSection(FileLibrary library) {
        this.library = library;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Component> build(UUID orgId, UUID showId) {
        return Optional.of(new Section(library, orgId, showId));
    }

    static class Section extends VerticalLayout {
        private final FileLibrary library;
        private final UUID showId;
        private final Div list = new Div();

        Section(FileLibrary library, UUID orgId, UUID showId) {
            this.library = library;
            this.showId = showId;
            setPadding(false);
            addClassName("show-files");
            list.setWidthFull();
            add(new H3("Files"), list);
            if (library.canEdit(orgId)) {
                Select<FileVisibility> visibility = new Select<>();
                visibility.setLabel("New files are seen by");
                visibility.setItems(FileVisibility.values());
                visibility.setItemLabelGenerator(FileVisibility::label);
                visibility.setValue(FileVisibility.members);
                UploadArea area = new UploadArea(
                        (name, in, size) ->
                                library.upload(orgId, FileSubject.show(showId), visibility.getValue(), name, in, size),
                        this::refresh,
                        library.maxFileBytes(),
                        library.maxFileSize(),
                        true);
                add(visibility, area);
            }
            refresh();
        }

        void refresh() {
            list.removeAll();
            list.add(new FileList(
                    library,
                    library.forShow(showId),
                    "No files for this show yet: its own, its artist's and its venue's files appear here."));
        }
    }
}
