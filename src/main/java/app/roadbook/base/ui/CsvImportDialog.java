package app.roadbook.base.ui;

import app.roadbook.base.ImportPreview;
import app.roadbook.base.Refusal;
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
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ToIntBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Every CSV import's dialog: upload a file, see what would happen row by row (errors first), then import all of it or
 * nothing, with progress, off the request thread so a long import neither blocks the page nor times out. The
 * capability says what it imports ({@link Words}), which columns the preview shows, and how to preview and commit.
 */
public class CsvImportDialog<D> extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(CsvImportDialog.class);

    /**
     * The words of one import: the thing in singular and plural ("contact", "contacts"), the verb ("Import", "Add"),
     * where a duplicate already is ("in the directory", "on the roster") and what the file must hold.
     */
    public record Words(String one, String many, String verb, String where, String fileHint) {}

    /** A column of the preview grid. */
    public record Column<D>(String header, ValueProvider<D, String> value) {}

    public interface Importer<D> {
        ImportPreview<D> preview(byte[] bytes);

        /** Writes the preview, reporting rows written so far; returns how many were written. */
        int commit(ImportPreview<D> preview, IntConsumer progress);
    }

    final Upload upload = new Upload();
    final Paragraph summary = new Paragraph();
    final Grid<ImportPreview.Row<D>> rows = new Grid<>();
    final ProgressBar progress = new ProgressBar();
    final Button importButton = new Button();

    private final Words words;
    private final Importer<D> importer;
    private ImportPreview<D> preview;

    public CsvImportDialog(
            Words words, int maxBytes, List<Column<D>> columns, Importer<D> importer, Runnable imported) {
        this.words = words;
        this.importer = importer;
        setHeaderTitle("Import " + words.many() + " from CSV");
        setWidth("60rem");
        setMaxWidth("100%");
        summary.setText(words.fileHint());
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            show(importer.preview(bytes));
            // Ready for a corrected file straight away; the preview names what it shows.
            upload.clearFileList();
        })));
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));

        rows.addColumn(ImportPreview.Row::line)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (Column<D> column : columns) {
            rows.addColumn(r -> column.value().apply(r.draft())).setHeader(column.header());
        }
        rows.addColumn(this::result).setHeader("Result").setFlexGrow(3);
        rows.setVisible(false);
        rows.setHeight("20rem");
        progress.setVisible(false);

        importButton.setText(words.verb());
        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> start(ui, imported));
        add(summary, upload, rows, progress);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }

    /** What a preview says, in the dialog: a file problem, or the counts and the rows with errors first. */
    void show(ImportPreview<D> result) {
        preview = result;
        if (result.fileProblem() != null) {
            summary.setText(result.fileProblem());
            rows.setVisible(false);
            importButton.setEnabled(false);
            return;
        }
        summary.setText(String.format(
                Locale.ENGLISH,
                "%,d row(s): %,d to %s, %,d already %s (skipped), %,d with errors.%s",
                result.rows().size(),
                result.importable(),
                words.verb().toLowerCase(Locale.ROOT),
                result.duplicates(),
                words.where(),
                result.errors(),
                result.errors() > 0
                        ? " Fix the rows with errors and upload the file again; nothing is written until then."
                        : ""));
        rows.setItems(result.rows().stream()
                .sorted(Comparator.comparing(r -> r.problems().isEmpty()))
                .toList());
        rows.setVisible(true);
        importButton.setEnabled(result.canImport());
        importButton.setText(words.verb() + " " + count(result.importable()));
    }

    private String result(ImportPreview.Row<D> row) {
        if (!row.problems().isEmpty()) {
            return String.join(" ", row.problems());
        }
        return row.duplicateOf() != null
                ? "Already " + words.where() + " as " + row.duplicateOf() + "; skipped."
                : "Will be " + (words.verb().equals("Add") ? "added" : "imported");
    }

    private void start(UI ui, Runnable imported) {
        ImportPreview<D> toImport = preview;
        importButton.setEnabled(false);
        upload.setVisible(false);
        progress.setVisible(true);
        progress.setValue(0);
        ui.setPollInterval(400);
        long total = Math.max(1, toImport.importable());
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                int done = importer.commit(toImport, n -> ui.access(() -> progress.setValue((double) n / total)));
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    close();
                    Notification.show(
                                    (words.verb().equals("Add") ? "Added " : "Imported ") + count(done) + ".",
                                    4000,
                                    Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.SUCCESS);
                    imported.run();
                });
            } catch (RuntimeException failed) {
                String reason = describe(failed);
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    summary.setText(reason);
                });
            }
        }));
    }

    private String count(long n) {
        return n == 1 ? "1 " + words.one() : String.format(Locale.ENGLISH, "%,d %s", n, words.many());
    }

    /** The service's own sentence, or a reference for the logs: anything else carries internals. */
    static String describe(RuntimeException failed) {
        if (failed instanceof Refusal || failed instanceof AccessDeniedException) {
            return "Nothing was imported: " + failed.getMessage();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Import failed (reference {})", reference, failed);
        return "Nothing was imported: something went wrong. Try again; if it keeps happening, quote reference "
                + reference + ".";
    }

    /** For capabilities whose importer is a service taking the organization. */
    public static <D> Importer<D> importer(
            Function<byte[], ImportPreview<D>> preview, ToIntBiFunction<ImportPreview<D>, IntConsumer> commit) {
        return new Importer<>() {
            @Override
            public ImportPreview<D> preview(byte[] bytes) {
                return preview.apply(bytes);
            }

            @Override
            public int commit(ImportPreview<D> toImport, IntConsumer progress) {
                return commit.applyAsInt(toImport, progress);
            }
        };
    }
}
