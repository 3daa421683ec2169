package app.roadbook.crew;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.CsvFormat;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    /** One row of the file: its line number, who it would add, and why it cannot be imported (if so). */
    public record Row(int line, PersonDraft draft, List<String> problems, String duplicateOf) {
        public boolean importable() {
            return problems.isEmpty() && duplicateOf == null;
        }
    }

    /** What an import would do; {@code fileProblem} set means the file as a whole cannot be read. */
    public record Preview(String fileProblem, List<Row> rows) {
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
    }

    @Transactional(readOnly = true)
    public Preview preview(UUID orgId, byte[] bytes) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        if (bytes.length > MAX_BYTES) {
            return fileProblem("The file is larger than 1 MB. Split it into smaller files.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return fileProblem("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> lines = CsvFormat.parse(text, CsvFormat.detectDelimiter(text));
        if (lines.isEmpty()) {
            return fileProblem(
                    "The file is empty. The first line must name the columns: " + String.join(", ", COLUMNS) + ".");
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < lines.getFirst().size(); i++) {
            header.putIfAbsent(normalize(lines.getFirst().get(i)), i);
        }
        if (header.get("name") == null) {
            return fileProblem("The file has no name column. The first line must name the columns: "
                    + String.join(", ", COLUMNS) + ".");
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return fileProblem(
                    "The file has " + (lines.size() - 1) + " rows; import at most " + MAX_ROWS + " at a time.");
        }
        Map<String, String> existing = new HashMap<>();
        people.findEmailOwners(orgId).forEach(owner -> existing.put(owner.getEmail(), owner.getName()));
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(row(i + 1, lines.get(i), header, existing, seen));
        }
        if (rows.isEmpty()) {
            return fileProblem("The file names its columns but has no rows.");
        }
        return new Preview(null, rows);
    }

    /** Adds every importable row, all or nothing; refuses while any row has an error. */
    @Transactional
    public int commit(UUID orgId, Preview preview) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        if (!preview.canImport()) {
            throw new Refusal(
                    preview.fileProblem() != null
                            ? preview.fileProblem()
                            : preview.errors() > 0
                                    ? "Fix the " + preview.errors() + " row(s) with errors first."
                                    : "Nothing to import.");
        }
        List<Person> added = new ArrayList<>();
        for (Row row : preview.rows()) {
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

    private Row row(
            int line, List<String> cells, Map<String, Integer> header, Map<String, String> existing, Set<String> seen) {
        PersonDraft draft = new PersonDraft(
                cell(cells, header, "name").strip(),
                blankToNull(cell(cells, header, "role")),
                blankToNull(cell(cells, header, "email")),
                blankToNull(cell(cells, header, "phone")),
                blankToNull(cell(cells, header, "notes")),
                null);
        List<String> problems = new ArrayList<>(CrewRules.problems(draft));
        String duplicateOf = null;
        String email = CrewRules.clean(draft.email());
        if (email != null && problems.isEmpty()) {
            String key = email.toLowerCase(Locale.ROOT);
            if (existing.containsKey(key)) {
                duplicateOf = existing.get(key);
            } else if (!seen.add(key)) {
                problems.add("The email " + email + " appears more than once in the file.");
            }
        }
        return new Row(line, draft, problems, duplicateOf);
    }

    private static String cell(List<String> cells, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= cells.size() ? "" : CsvFormat.undefused(cells.get(index));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (n) {
            case "role_title", "title", "role/title", "job" -> "role";
            case "e-mail", "e_mail", "mail" -> "email";
            case "telephone", "mobile", "phone_number" -> "phone";
            case "full_name" -> "name";
            default -> n;
        };
    }

    private static Preview fileProblem(String message) {
        return new Preview(message, List.of());
    }
}
