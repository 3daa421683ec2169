package app.roadbook.crew;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.CsvFormat;
import app.roadbook.base.CsvSheet;
import app.roadbook.base.ImportPreview;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster as CSV: export in the import's columns (so an export imports back), and import with a preview before
 * anything is written, all rows or none, like the contacts directory. A roster is small (a few hundred people at
 * most), so an import is written through JPA in one transaction rather than by batched SQL. Member accounts are not
 * part of the file: linking a person to an account is done on their page.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CrewImport {

    public static final List<String> COLUMNS = List.of("name", "role", "email", "phone", "notes");
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 2_000;

    private final PersonRepository people;
    private final CrewRoster roster;
    private final OrgAccess access;
    private final ActivityLog activity;

    CrewImport(PersonRepository people, CrewRoster roster, OrgAccess access, ActivityLog activity) {
        this.people = people;
        this.roster = roster;
        this.access = access;
        this.activity = activity;
    }

    static final CsvSheet.Spec SPEC =
            new CsvSheet.Spec(COLUMNS, List.of("name"), MAX_BYTES, MAX_ROWS, CrewImport::alias);

    @Transactional(readOnly = true)
    public ImportPreview<PersonDraft> preview(UUID orgId, byte[] bytes) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        CsvSheet sheet;
        try {
            sheet = CsvSheet.read(bytes, SPEC);
        } catch (CsvSheet.Unreadable why) {
            return ImportPreview.unreadable(why);
        }
        Map<String, String> existing = new HashMap<>();
        people.findEmailOwners(orgId).forEach(owner -> existing.put(owner.getEmail(), owner.getName()));
        ImportPreview.EmailDuplicates duplicates = new ImportPreview.EmailDuplicates(existing);
        return ImportPreview.of(sheet, line -> row(line, duplicates));
    }

    /** Adds every importable row, all or nothing; refuses while any row has an error. */
    @Transactional
    public int commit(UUID orgId, ImportPreview<PersonDraft> preview, IntConsumer progress) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        preview.requireImportable();
        List<Person> added = new ArrayList<>();
        for (ImportPreview.Row<PersonDraft> row : preview.rows()) {
            if (row.importable()) {
                // The service's rules again: a preview is data from the screen, not a promise.
                List<String> problems = CrewRules.problems(row.draft());
                if (!problems.isEmpty() || row.draft().userId() != null) {
                    throw new Refusal("Line " + row.line() + ": " + String.join(" ", problems));
                }
                added.add(new Person(orgId, row.draft()));
            }
        }
        people.saveAllAndFlush(added);
        progress.accept(added.size());
        activity.record(
                orgId,
                "general",
                "person.imported",
                "person",
                null,
                Map.of("imported", added.size(), "skipped_duplicates", preview.duplicates()));
        return added.size();
    }

    /** The roster matching the search as CSV, in the import's columns. */
    @Transactional(readOnly = true)
    public void export(UUID orgId, String search, Writer out) {
        try {
            out.write(CsvFormat.line(COLUMNS));
            for (PersonDraft p : roster.drafts(orgId, search)) {
                out.write(CsvFormat.line(Arrays.asList(p.name(), p.roleTitle(), p.email(), p.phone(), p.notes())));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportPreview.Row<PersonDraft> row(CsvSheet.Line line, ImportPreview.EmailDuplicates duplicates) {
        PersonDraft draft = new PersonDraft(
                line.cell("name").strip(),
                line.optional("role"),
                line.optional("email"),
                line.optional("phone"),
                line.optional("notes"),
                null);
        List<String> problems = new ArrayList<>(CrewRules.problems(draft));
        String duplicateOf = duplicates.check(CrewRules.clean(draft.email()), problems);
        return new ImportPreview.Row<>(line.number(), draft, problems, duplicateOf);
    }

    private static String alias(String header) {
        return switch (header) {
            case "role_title", "title", "role/title", "job" -> "role";
            case "e-mail", "e_mail", "mail" -> "email";
            case "telephone", "mobile", "phone_number" -> "phone";
            case "full_name" -> "name";
            default -> header;
        };
    }
}
