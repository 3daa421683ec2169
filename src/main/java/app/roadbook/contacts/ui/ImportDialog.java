package app.roadbook.contacts.ui;

import app.roadbook.contacts.ContactImport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/** Upload a CSV, see what would happen row by row, then import all of it or nothing. */
class ImportDialog extends Dialog {

    final Upload upload = new Upload();
    final Paragraph summary = new Paragraph(
            "Choose a UTF-8 CSV file whose first line names the columns: " + String.join(", ", ContactImport.COLUMNS)
                    + ". Only name and types are required; types are separated by |.");
    final Grid<ContactImport.Row> rows = new Grid<>();
    final ProgressBar progress = new ProgressBar();
    final Button importButton = new Button("Import");

    private final ContactImport imports;
    private final UUID orgId;
    private ContactImport.Preview preview;

    ImportDialog(ContactImport imports, UUID orgId, Runnable imported) {
        this.imports = imports;
        this.orgId = orgId;
        setHeaderTitle("Import contacts from CSV");
        setWidth("60rem");
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            show(imports.preview(orgId, bytes));
            // Ready for a corrected file straight away; the preview names what it shows.
            upload.clearFileList();
        })));
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ContactImport.MAX_BYTES);
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));

        rows.addColumn(ContactImport.Row::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(r -> r.draft().name()).setHeader("Name");
        rows.addColumn(r -> r.draft().email()).setHeader("Email");
        rows.addColumn(r -> !r.problems().isEmpty()
                        ? String.join(" ", r.problems())
                        : r.duplicateOf() != null
                                ? "Already in the directory as " + r.duplicateOf() + "; skipped."
                                : "Will be imported")
                .setHeader("Result")
                .setFlexGrow(3);
        rows.setVisible(false);
        rows.setHeight("20rem");
        progress.setVisible(false);

        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> start(ui, imported));
        add(summary, upload, rows, progress);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }

    void show(ContactImport.Preview result) {
        preview = result;
        if (result.fileProblem() != null) {
            summary.setText(result.fileProblem());
            rows.setVisible(false);
            importButton.setEnabled(false);
            return;
        }
        summary.setText(String.format(
                "%,d row(s): %,d to import, %,d already in the directory (skipped), %,d with errors.%s",
                result.rows().size(),
                result.importable(),
                result.duplicates(),
                result.errors(),
                result.errors() > 0
                        ? " Fix the rows with errors and upload the file again; nothing is written until then."
                        : ""));
        rows.setItems(result.rows().stream()
                .sorted((a, b) ->
                        Boolean.compare(a.problems().isEmpty(), b.problems().isEmpty()))
                .toList());
        rows.setVisible(true);
        importButton.setEnabled(result.canImport());
        importButton.setText(
                result.importable() == 1
                        ? "Import 1 contact"
                        : String.format("Import %,d contacts", result.importable()));
    }

    private void start(UI ui, Runnable imported) {
        ContactImport.Preview toImport = preview;
        importButton.setEnabled(false);
        upload.setVisible(false);
        progress.setVisible(true);
        progress.setValue(0);
        ui.setPollInterval(400);
        long total = toImport.importable();
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                int done = imports.commit(orgId, toImport, n -> ui.access(() -> progress.setValue((double) n / total)));
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    close();
                    Notification.show(
                                    String.format("Imported %,d contacts.", done),
                                    4000,
                                    Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.SUCCESS);
                    imported.run();
                });
            } catch (RuntimeException failed) {
                String reason = ImportFailure.describe(failed);
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    summary.setText(reason);
                });
            }
        }));
    }
}
