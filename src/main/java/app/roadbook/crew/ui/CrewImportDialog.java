package app.roadbook.crew.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.crew.CrewImport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Comparator;
import java.util.UUID;

/** Upload a CSV of people, see what would happen row by row, then import all of it or nothing. */
class CrewImportDialog extends Dialog {

    final Upload upload = new Upload();
    final Paragraph summary = new Paragraph("Choose a UTF-8 CSV file whose first line names the columns: "
            + String.join(", ", CrewImport.COLUMNS) + ". Only name is required.");
    final Grid<CrewImport.Row> rows = new Grid<>();
    final Button importButton = new Button("Import");

    private final CrewImport imports;
    private final UUID orgId;
    private CrewImport.Preview preview;

    CrewImportDialog(CrewImport imports, UUID orgId, Runnable imported) {
        this.imports = imports;
        this.orgId = orgId;
        setHeaderTitle("Import crew from CSV");
        setWidth("56rem");
        setMaxWidth("100%");
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            show(imports.preview(orgId, bytes));
            upload.clearFileList();
        })));
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CrewImport.MAX_BYTES);
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));

        rows.addColumn(CrewImport.Row::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(r -> r.draft().name()).setHeader("Name");
        rows.addColumn(r -> r.draft().roleTitle()).setHeader("Role");
        rows.addColumn(r -> !r.problems().isEmpty()
                        ? String.join(" ", r.problems())
                        : r.duplicateOf() != null
                                ? "Already on the roster as " + r.duplicateOf() + " (same email); skipped."
                                : "Will be added")
                .setHeader("Result")
                .setFlexGrow(3);
        rows.setVisible(false);
        rows.setHeight("18rem");

        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> {
            CrewImport.Preview toImport = preview;
            int[] done = new int[1];
            if (Changes.attempt(() -> done[0] = imports.commit(orgId, toImport), imported)) {
                close();
                Notification.show(
                                done[0] == 1 ? "Added 1 person." : String.format("Added %,d people.", done[0]),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.SUCCESS);
            }
        });
        add(summary, upload, rows);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }

    void show(CrewImport.Preview result) {
        preview = result;
        if (result.fileProblem() != null) {
            summary.setText(result.fileProblem());
            rows.setVisible(false);
            importButton.setEnabled(false);
            return;
        }
        summary.setText(String.format(
                "%,d row(s): %,d to add, %,d already on the roster (skipped), %,d with errors.%s",
                result.rows().size(),
                result.importable(),
                result.duplicates(),
                result.errors(),
                result.errors() > 0
                        ? " Fix the rows with errors and upload the file again; nothing is added until then."
                        : ""));
        rows.setItems(result.rows().stream()
                .sorted(Comparator.comparing(r -> r.problems().isEmpty()))
                .toList());
        rows.setVisible(true);
        importButton.setEnabled(result.canImport());
        importButton.setText(
                result.importable() == 1 ? "Add 1 person" : String.format("Add %,d people", result.importable()));
    }
}
