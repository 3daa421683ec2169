package app.roadbook.contacts.ui;

import app.roadbook.base.ui.CsvImportDialog;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactImport;
import java.util.List;
import java.util.UUID;

/** The contacts directory's CSV import: up to 50,000 rows, written in the background with progress. */
class ImportDialog extends CsvImportDialog<ContactDraft> {

    ImportDialog(ContactImport imports, UUID orgId, Runnable imported) {
        super(
                new Words(
                        "contact",
                        "contacts",
                        "Import",
                        "in the directory",
                        "Choose a UTF-8 CSV file whose first line names the columns: "
                                + String.join(", ", ContactImport.COLUMNS)
                                + ". Only name and types are required; types are separated by |."),
                ContactImport.MAX_BYTES,
                List.of(new Column<>("Name", ContactDraft::name), new Column<>("Email", ContactDraft::email)),
                importer(
                        bytes -> imports.preview(orgId, bytes),
                        (preview, progress) -> imports.commit(orgId, preview, progress)),
                imported);
    }
}
