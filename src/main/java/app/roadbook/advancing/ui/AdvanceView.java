package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingDocuments;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.Party;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Ids;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * The advancing grid: one row per field, our value and the promoter's side by side, status, comments and the last
 * change. Members of the org and collaborators granted the show open it; what each may change is decided by the
 * service and the database.
 */
@Route("advance/:sessionId")
@PageTitle("Advance · Roadbook")
@PermitAll
public class AdvanceView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    final H2 title = new H2("Advance");
    final Div progress = new Div();
    final Checkbox openOnly = new Checkbox("Open items only");
    final Grid<Row> grid = new Grid<>();

    final Div documents = new Div();
    private final Div oursCell = new Div();
    private final Div theirsCell = new Div();
    private Grid.Column<Row> editColumn;
    Component oursField;
    Component theirsField;
    final Button inlineSave = new Button("Save");
    private Row editing;
    private final AdvancingExchange advancing;
    private final AdvancingDocuments files;
    private UUID sessionId;
    private List<Row> rows = List.of();
    private AdvancingExchange.Capabilities can;

    public AdvanceView(AdvancingExchange advancing, AdvancingDocuments files) {
        this.advancing = advancing;
        this.files = files;
        setSizeFull();
        progress.addClassName("advance-progress");
        openOnly.addValueChangeListener(e -> show());
        grid.addColumn(Row::section).setHeader("Section").setAutoWidth(true);
        grid.addColumn(Row::fieldName).setHeader("Field").setAutoWidth(true);
        Grid.Column<Row> oursColumn = grid.addColumn(r -> sideText(r.ours()))
                .setHeader("Our side")
                .setFlexGrow(2)
                .setAutoWidth(true);
        Grid.Column<Row> theirsColumn = grid.addColumn(r -> sideText(r.theirs()))
                .setHeader("Promoter side")
                .setFlexGrow(2)
                .setAutoWidth(true);
        grid.addColumn(r -> r.open() ? "Open" : "Confirmed").setHeader("Status").setAutoWidth(true);
        grid.addColumn(Row::comments).setHeader("Comments").setAutoWidth(true);
        grid.addColumn(AdvanceView::lastChange).setHeader("Last change").setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.open() ? "open" : "confirmed");
        editColumn = grid.addComponentColumn(r -> {
                    Button edit = new Button(VaadinIcon.EDIT.create(), e -> startEditing(r));
                    edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    edit.setAriaLabel("Edit " + r.fieldName());
                    edit.addClassName("inline-edit");
                    edit.setVisible(can.editOurs() || can.editTheirs());
                    return edit;
                })
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        inlineEditing(oursColumn, theirsColumn);
        grid.addItemClickListener(e -> {
            if (e.getColumn() != editColumn && !grid.getEditor().isOpen()) {
                new FieldPanel(advancing, can, e.getItem(), this::load).open();
            }
        });
        grid.setSizeFull();
        documents.addClassName("advance-documents");
        add(title, progress, openOnly, grid, new H3("Documents"), documents);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            sessionId = Ids.parse(event.getRouteParameters().get("sessionId"))
                    .orElseThrow(() -> new app.roadbook.base.NotFoundException("No such advance."));
            load();
        } catch (Refusal e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Inline editing: each side's cell gets the editor its field type needs, where the user may type. */
    private void inlineEditing(Grid.Column<Row> oursColumn, Grid.Column<Row> theirsColumn) {
        Editor<Row> editor = grid.getEditor();
        editor.setBinder(new Binder<>(Row.class));
        editor.setBuffered(true);
        oursColumn.setEditorComponent(oursCell);
        theirsColumn.setEditorComponent(theirsCell);
        Button save = inlineSave;
        save.addClickListener(e -> saveInline());
        save.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        save.addClassName("inline-save");
        Button cancel = new Button("Cancel", e -> editor.cancel());
        cancel.addThemeVariants(ButtonVariant.SMALL);
        editColumn.setEditorComponent(new HorizontalLayout(save, cancel));
    }

    private void startEditing(Row row) {
        Editor<Row> editor = grid.getEditor();
        if (editor.isOpen()) {
            editor.cancel();
        }
        editing = row;
        oursCell.removeAll();
        theirsCell.removeAll();
        oursField = can.editOurs() ? FieldPanel.editor(row.type(), row.ours().value()) : null;
        theirsField =
                can.editTheirs() ? FieldPanel.editor(row.type(), row.theirs().value()) : null;
        oursCell.add(oursField != null ? oursField : new Span(sideText(row.ours())));
        theirsCell.add(theirsField != null ? theirsField : new Span(sideText(row.theirs())));
        if (oursField != null) {
            oursField.addClassName("inline-ours");
        }
        if (theirsField != null) {
            theirsField.addClassName("inline-theirs");
        }
        editor.editItem(row);
    }

    private void saveInline() {
        try {
            if (oursField != null && changed(oursField, editing.ours().value())) {
                advancing.setValue(editing.ours().fieldId(), editing.ours().version(), FieldPanel.text(oursField));
            }
            if (theirsField != null && changed(theirsField, editing.theirs().value())) {
                advancing.setValue(
                        editing.theirs().fieldId(), editing.theirs().version(), FieldPanel.text(theirsField));
            }
            // The service saved the values; the editor's own buffer holds nothing to keep.
            grid.getEditor().cancel();
            load();
        } catch (ConcurrentChangeException conflict) {
            grid.getEditor().cancel();
            Changes.changedBySomeoneElse(conflict, this::load);
        } catch (Refusal | AccessDeniedException refused) {
            Changes.refuse(refused.getMessage());
        }
    }

    private static boolean changed(Component field, String before) {
        String now = FieldPanel.text(field);
        return !java.util.Objects.equals(now == null || now.isBlank() ? null : now, before);
    }

    /** What this person may do in this advance, as the database answered it (the access matrix test reads it). */
    public AdvancingExchange.Capabilities capabilities() {
        return can;
    }

    void load() {
        AdvancingExchange.Advance advance = advancing.advance(sessionId);
        rows = advance.rows();
        can = advance.can();
        title.setText(advance.title());
        show();
    }

    private void showDocuments() {
        documents.removeAll();
        List<AdvancingDocuments.Document> all = files.list(sessionId);
        HorizontalLayout sides = new HorizontalLayout();
        for (Party party : Party.values()) {
            VerticalLayout column =
                    new VerticalLayout(new H4(party == Party.from_us ? "Our documents" : "Promoter's documents"));
            column.setPadding(false);
            all.stream().filter(d -> d.party() == party).forEach(d -> {
                Anchor link = new Anchor(
                        DownloadHandler.fromInputStream(event -> {
                            AdvancingDocuments.Download download = files.download(d.fileId());
                            return new DownloadResponse(
                                    new ByteArrayInputStream(download.bytes()),
                                    download.name(),
                                    download.contentType(),
                                    download.bytes().length);
                        }),
                        d.name() + " (" + Math.max(1, d.sizeBytes() / 1024) + " KB)");
                link.getElement().setAttribute("download", true);
                column.add(link);
            });
            boolean mayUpload = party == Party.from_us ? can.editOurs() : can.editTheirs();
            if (mayUpload) {
                Upload upload = new Upload();
                upload.setMaxFileSize(AdvancingDocuments.MAX_BYTES);
                upload.setAcceptedFileTypes(
                        AdvancingDocuments.EXTENSIONS.stream().map(e -> "." + e).toArray(String[]::new));
                UI ui = UI.getCurrent();
                upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> {
                    try {
                        files.upload(sessionId, party, meta.fileName(), bytes);
                        showDocuments();
                    } catch (Refusal | AccessDeniedException refused) {
                        Changes.refuse(refused.getMessage());
                    }
                })));
                upload.addFileRejectedListener(
                        e -> Notification.show(e.getErrorMessage(), 5000, Notification.Position.MIDDLE));
                column.add(upload);
            }
            sides.add(column);
        }
        documents.add(sides);
    }

    private void show() {
        showDocuments();
        grid.setItems(openOnly.getValue() ? rows.stream().filter(Row::open).toList() : rows);
        progress.removeAll();
        for (AdvancingRows.SectionProgress p : AdvancingRows.progress(rows)) {
            Span badge = new Span(p.section() + ": " + p.confirmed() + " of " + p.total() + " confirmed");
            badge.addClassName("section-progress");
            progress.add(badge);
        }
    }

    static String sideText(Side side) {
        if (side.value() == null) {
            return "—";
        }
        return side.value()
                + (side.confirmed() ? " ✓" : "")
                + (side.previousValue() != null && !side.confirmed() ? " (was " + side.previousValue() + ")" : "");
    }

    static String lastChange(Row row) {
        Side latest = row.ours().updatedAt() == null
                ? row.theirs()
                : row.theirs().updatedAt() == null
                                || row.ours().updatedAt().isAfter(row.theirs().updatedAt())
                        ? row.ours()
                        : row.theirs();
        if (latest.updatedAt() == null) {
            return "";
        }
        String who = latest.updatedBy() != null
                ? latest.updatedBy()
                : latest == row.ours() ? "Artist team" : "Promoter team";
        return who + ", " + latest.updatedAt().format(WHEN);
    }
}
