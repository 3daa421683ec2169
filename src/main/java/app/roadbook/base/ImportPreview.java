package app.roadbook.base;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What an import would do, row by row, before anything is written: each row's line, the draft it would add, why it
 * cannot be imported, or whom it duplicates (skipped). {@code fileProblem} set means the file as a whole cannot be
 * read. An import writes all importable rows or none, and only while no row has an error.
 */
public record ImportPreview<D>(String fileProblem, List<ImportPreview.Row<D>> rows) {

    public record Row<D>(int line, D draft, List<String> problems, String duplicateOf) {
        public boolean importable() {
            return problems.isEmpty() && duplicateOf == null;
        }
    }

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public static <D> ImportPreview<D> unreadable(CsvSheet.Unreadable why) {
        return new ImportPreview<>(why.getMessage(), List.of());
    }

    /** Previews every line of {@code sheet} with {@code row}. */
    public static <D> ImportPreview<D> of(CsvSheet sheet, Function<CsvSheet.Line, Row<D>> row) {
        return new ImportPreview<>(null, sheet.lines().stream().map(row).toList());
    }

    public long errors() {
        return rows.stream().filter(r -> !r.problems().isEmpty()).count();
    }

    public long duplicates() {
        return rows.stream()
                .filter(r -> r.problems().isEmpty() && r.duplicateOf() != null)
                .count();
    }

    public long importable() {
        return rows.stream().filter(Row::importable).count();
    }

    public boolean canImport() {
        return fileProblem == null && errors() == 0 && importable() > 0;
    }

    public List<D> importableDrafts() {
        return rows.stream().filter(Row::importable).map(Row::draft).toList();
    }

    /**
     * Refuses an import of this preview the way the screen explains it. The service calls this again at commit: a
     * preview is data from the screen, not a promise.
     */
    public void requireImportable() {
        if (!canImport()) {
            throw new Refusal(
                    fileProblem != null
                            ? fileProblem
                            : errors() > 0
                                    ? "Fix the " + errors() + " row(s) with errors first."
                                    : "Nothing to import.");
        }
    }

    /**
     * Duplicates by email, the one key imports share: an address already in the organization makes its row a skipped
     * duplicate (named by who has it); an address twice in the file is an error on the second row.
     */
    public static final class EmailDuplicates {

        private final Map<String, String> ownerByEmail;
        private final Set<String> seen = new HashSet<>();

        /** {@code ownerByEmail}: lower-case email to the name of whoever already has it. */
        public EmailDuplicates(Map<String, String> ownerByEmail) {
            this.ownerByEmail = ownerByEmail;
        }

        /** The name {@code email} duplicates, or null; adds a problem when the file repeats it. */
        public String check(String email, List<String> problems) {
            if (email == null || !problems.isEmpty()) {
                return null;
            }
            String key = email.toLowerCase(Locale.ROOT);
            if (ownerByEmail.containsKey(key)) {
                return ownerByEmail.get(key);
            }
            if (!seen.add(key)) {
                problems.add("The email " + email + " appears more than once in the file.");
            }
            return null;
        }
    }
}
