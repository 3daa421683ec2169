package app.roadbook.crew.ui;

import app.roadbook.base.ui.CsvImportDialog;
import app.roadbook.crew.CrewImport;
import app.roadbook.crew.PersonDraft;
import java.util.List;
import java.util.UUID;

/** The crew roster's CSV import: people added all or none; member accounts are linked on a person's page. */
class CrewImportDialog extends CsvImportDialog<PersonDraft> {

    CrewImportDialog(CrewImport imports, UUID orgId, Runnable imported) {
        super(
                new Words(
                        "person",
                        "people",
                        "Add",
                        "on the roster",
                        "Choose a UTF-8 CSV file whose first line names the columns: "
                                + String.join(", ", CrewImport.COLUMNS) + ". Only name is required."),
                CrewImport.MAX_BYTES,
                List.of(new Column<>("Name", PersonDraft::name), new Column<>("Role", PersonDraft::roleTitle)),
                importer(
                        bytes -> imports.preview(orgId, bytes),
                        (preview, progress) -> imports.commit(orgId, preview, progress)),
                imported);
    }
}
