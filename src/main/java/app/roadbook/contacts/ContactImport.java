package app.roadbook.contacts;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.CsvFormat;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import with a preview before anything is written, and CSV export of the filtered directory in the
 * same columns, so an export imports back. Writing an import is bulk work (up to 50,000 rows, all or nothing), so it
 * is multi-row SQL through JDBC in the service's transaction (the same connection, RLS context included); lookups go
 * through the directory's repository and service like everywhere else.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ContactImport {

    public static final List<String> COLUMNS = List.of(
            "name",
            "types",
            "email",
            "phone",
            "company",
            "role",
            "city",
            "country",
            "commission_rate",
            "notes",
            "status");
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final ContactDirectory directory;
    private final ContactRepository contacts;

    ContactImport(
            DataSource dataSource,
            OrgAccess access,
            ActivityLog activity,
            ContactDirectory directory,
            ContactRepository contacts) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
        this.activity = activity;
        this.directory = directory;
        this.contacts = contacts;
    }

    /** One row of the file: its line number, what it would create, and why it cannot be imported (if so). */
    public record Row(int line, ContactDraft draft, List<String> problems, String duplicateOf) {
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
        access.requireEditor(orgId);
        if (bytes.length > MAX_BYTES) {
            return fileProblem("The file is larger than 10 MB. Split it into smaller files.");
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
        char delimiter = CsvFormat.detectDelimiter(text);
        List<List<String>> lines = CsvFormat.parse(text, delimiter);
        if (lines.isEmpty()) {
            return fileProblem(
                    "The file is empty. The first line must name the columns: " + String.join(", ", COLUMNS) + ".");
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < lines.getFirst().size(); i++) {
            header.putIfAbsent(normalize(lines.getFirst().get(i)), i);
        }
        header.computeIfAbsent("types", k -> header.get("type"));
        List<String> missing = new ArrayList<>();
        for (String required : List.of("name", "types")) {
            if (header.get(required) == null) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            String hint =
                    lines.getFirst().size() == 1 && lines.getFirst().getFirst().matches(".*[|:].*")
                            ? " The columns seem to be separated by something other than a comma, semicolon or tab."
                            : "";
            return fileProblem("The file has no " + String.join(" or ", missing) + " column." + hint
                    + " The first line must name the columns: " + String.join(", ", COLUMNS) + ".");
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return fileProblem(
                    "The file has " + (lines.size() - 1) + " rows; import at most " + MAX_ROWS + " at a time.");
        }
        Map<String, String> existing = new HashMap<>();
        contacts.findEmailOwners(orgId).forEach(owner -> existing.put(owner.getEmail(), owner.getName()));
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

    /** Writes every importable row, all or nothing; refuses while any row has an error. */
    @Transactional
    public int commit(UUID orgId, Preview preview, IntConsumer progress) {
        access.requireEditor(orgId);
        if (!preview.canImport()) {
            throw new Refusal(
                    preview.fileProblem() != null
                            ? preview.fileProblem()
                            : preview.errors() > 0
                                    ? "Fix the " + preview.errors() + " row(s) with errors first."
                                    : "Nothing to import.");
        }
        List<Row> rows = preview.rows().stream().filter(Row::importable).toList();
        int done = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            int n = batch.size();
            UUID[] ids = new UUID[n];
            String[][] text = new String[9][n];
            BigDecimal[] rates = new BigDecimal[n];
            List<UUID> typeContacts = new ArrayList<>();
            List<String> typeNames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ContactDraft d = batch.get(i).draft();
                ids[i] = UUID.randomUUID();
                text[0][i] = d.name().strip();
                text[1][i] = ContactRules.clean(d.email());
                text[2][i] = ContactRules.clean(d.phone());
                text[3][i] = ContactRules.clean(d.company());
                text[4][i] = ContactRules.clean(d.roleTitle());
                text[5][i] = ContactRules.clean(d.city());
                text[6][i] = ContactRules.clean(d.country());
                text[7][i] = ContactRules.clean(d.notes());
                text[8][i] = d.status().name();
                rates[i] = d.commissionRate();
                for (ContactType t : d.types()) {
                    typeContacts.add(ids[i]);
                    typeNames.add(t.name());
                }
            }
            try {
                // One multi-row statement per chunk, its columns as arrays (unnest), rather than JPA or a JDBC batch
                // of single-row inserts: the per-statement cost (policy check, plan, foreign keys' set-up) is paid
                // once for 500 rows, not 500 times. COPY is not an option: PostgreSQL refuses COPY FROM into a table
                // with row-level security for a role it applies to, and the app role may not create temp tables.
                jdbc.execute((ConnectionCallback<Void>) con -> {
                    try (PreparedStatement ps = con.prepareStatement("""
                            insert into contacts (id, org_id, name, email, phone, company, role_title, city, country,
                                                  notes, status, commission_rate, created_by)
                            select u.id, ?, u.name, u.email::citext, u.phone, u.company, u.role_title, u.city, u.country,
                                   u.notes, u.status, u.rate, current_app_user_id()
                            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                        ?::text[], ?::text[], ?::text[], ?::numeric[])
                                 as u(id, name, email, phone, company, role_title, city, country, notes, status, rate)""")) {
                        ps.setObject(1, orgId);
                        ps.setArray(2, con.createArrayOf("uuid", ids));
                        for (int c = 0; c < 9; c++) {
                            ps.setArray(3 + c, con.createArrayOf("text", text[c]));
                        }
                        ps.setArray(12, con.createArrayOf("numeric", rates));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = con.prepareStatement("""
                            insert into contact_types (contact_id, org_id, type)
                            select u.contact_id, ?, u.type::contact_type from unnest(?::uuid[], ?::text[]) as u(contact_id, type)""")) {
                        ps.setObject(1, orgId);
                        ps.setArray(2, con.createArrayOf("uuid", typeContacts.toArray()));
                        ps.setArray(3, con.createArrayOf("text", typeNames.toArray()));
                        ps.executeUpdate();
                    }
                    return null;
                });
            } catch (DuplicateKeyException raced) {
                // Another tab or person added one of these emails after the preview: the whole import rolls back.
                throw new Refusal(
                        "While you were importing, someone added contacts with emails from "
                                + "your file. Nothing was imported; choose the file again to see which rows are duplicates now.");
            }
            done += n;
            progress.accept(done);
        }
        activity.record(
                orgId,
                "general",
                "contact.imported",
                "contact",
                null,
                Map.of("imported", done, "skipped_duplicates", preview.duplicates()));
        return done;
    }

    /** The filtered directory as CSV, in the import's columns. */
    @Transactional(readOnly = true)
    public void export(UUID orgId, ContactFilter filter, Writer out) {
        try {
            out.write(CsvFormat.line(COLUMNS));
            for (ContactDraft c : directory.drafts(orgId, filter)) {
                out.write(CsvFormat.line(java.util.Arrays.asList(
                        c.name(),
                        String.join("|", c.types().stream().map(Enum::name).toList()),
                        c.email(),
                        c.phone(),
                        c.company(),
                        c.roleTitle(),
                        c.city(),
                        c.country(),
                        c.commissionRate() == null ? null : c.commissionRate().toPlainString(),
                        c.notes(),
                        c.status().name())));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row row(
            int line, List<String> cells, Map<String, Integer> header, Map<String, String> existing, Set<String> seen) {
        List<String> problems = new ArrayList<>();
        Set<ContactType> types = EnumSet.noneOf(ContactType.class);
        for (String t : cell(cells, header, "types").split("[|;,/]")) {
            if (t.isBlank()) {
                continue;
            }
            try {
                types.add(ContactType.valueOf(t.strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("Unknown type \"" + t.strip() + "\" (use promoter, agent, manager or vendor).");
            }
        }
        BigDecimal rate = null;
        String rateText = cell(cells, header, "commission_rate");
        if (!rateText.isBlank()) {
            try {
                rate = new BigDecimal(rateText.strip().replace("%", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add("Commission rate \"" + rateText.strip() + "\" is not a number.");
            }
        }
        ContactStatus status = ContactStatus.active;
        String statusText = cell(cells, header, "status");
        if (!statusText.isBlank()) {
            try {
                status = ContactStatus.valueOf(statusText.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("Status \"" + statusText.strip() + "\" is not active, inactive or pending.");
            }
        }
        ContactDraft draft = new ContactDraft(
                cell(cells, header, "name"),
                types,
                blankToNull(cell(cells, header, "email")),
                blankToNull(cell(cells, header, "phone")),
                blankToNull(cell(cells, header, "company")),
                blankToNull(cell(cells, header, "role")),
                blankToNull(cell(cells, header, "city")),
                blankToNull(cell(cells, header, "country")),
                rate,
                blankToNull(cell(cells, header, "notes")),
                status);
        problems.addAll(ContactRules.problems(draft).stream()
                .filter(p -> !(p.startsWith("Choose at least one type")
                        && problems.stream().anyMatch(q -> q.startsWith("Unknown type"))))
                .toList());
        String duplicateOf = null;
        String email = ContactRules.clean(draft.email());
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
            case "commission", "commission_%", "commission_rate_%" -> "commission_rate";
            case "role_title", "title" -> "role";
            case "e-mail", "e_mail", "mail" -> "email";
            default -> n;
        };
    }

    private static Preview fileProblem(String message) {
        return new Preview(message, List.of());
    }
}
