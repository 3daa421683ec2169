package app.roadbook.contacts;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.CsvFormat;
import app.roadbook.base.CsvSheet;
import app.roadbook.base.ImportPreview;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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

    static final CsvSheet.Spec SPEC =
            new CsvSheet.Spec(COLUMNS, List.of("name", "types"), MAX_BYTES, MAX_ROWS, ContactImport::alias);

    @Transactional(readOnly = true)
    public ImportPreview<ContactDraft> preview(UUID orgId, byte[] bytes) {
        access.requireEditor(orgId);
        CsvSheet sheet;
        try {
            sheet = CsvSheet.read(bytes, SPEC);
        } catch (CsvSheet.Unreadable why) {
            return ImportPreview.unreadable(why);
        }
        Map<String, String> existing = new HashMap<>();
        contacts.findEmailOwners(orgId).forEach(owner -> existing.put(owner.getEmail(), owner.getName()));
        ImportPreview.EmailDuplicates duplicates = new ImportPreview.EmailDuplicates(existing);
        return ImportPreview.of(sheet, line -> row(line, duplicates));
    }

    /** Writes every importable row, all or nothing; refuses while any row has an error. */
    @Transactional
    public int commit(UUID orgId, ImportPreview<ContactDraft> preview, IntConsumer progress) {
        access.requireEditor(orgId);
        preview.requireImportable();
        List<ContactDraft> rows = preview.importableDrafts();
        int done = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<ContactDraft> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            int n = batch.size();
            UUID[] ids = new UUID[n];
            String[][] text = new String[9][n];
            BigDecimal[] rates = new BigDecimal[n];
            List<UUID> typeContacts = new ArrayList<>();
            List<String> typeNames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ContactDraft d = batch.get(i);
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

    private ImportPreview.Row<ContactDraft> row(CsvSheet.Line line, ImportPreview.EmailDuplicates duplicates) {
        List<String> problems = new ArrayList<>();
        Set<ContactType> types = EnumSet.noneOf(ContactType.class);
        for (String t : line.cell("types").split("[|;,/]")) {
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
        String rateText = line.cell("commission_rate");
        if (!rateText.isBlank()) {
            try {
                rate = new BigDecimal(rateText.strip().replace("%", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add("Commission rate \"" + rateText.strip() + "\" is not a number.");
            }
        }
        ContactStatus status = ContactStatus.active;
        String statusText = line.cell("status");
        if (!statusText.isBlank()) {
            try {
                status = ContactStatus.valueOf(statusText.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("Status \"" + statusText.strip() + "\" is not active, inactive or pending.");
            }
        }
        ContactDraft draft = new ContactDraft(
                line.cell("name"),
                types,
                line.optional("email"),
                line.optional("phone"),
                line.optional("company"),
                line.optional("role"),
                line.optional("city"),
                line.optional("country"),
                rate,
                line.optional("notes"),
                status);
        problems.addAll(ContactRules.problems(draft).stream()
                .filter(p -> !(p.startsWith("Choose at least one type")
                        && problems.stream().anyMatch(q -> q.startsWith("Unknown type"))))
                .toList());
        String duplicateOf = duplicates.check(ContactRules.clean(draft.email()), problems);
        return new ImportPreview.Row<>(line.number(), draft, problems, duplicateOf);
    }

    private static String alias(String header) {
        return switch (header) {
            case "commission", "commission_%", "commission_rate_%" -> "commission_rate";
            case "role_title", "title" -> "role";
            case "e-mail", "e_mail", "mail" -> "email";
            case "type" -> "types";
            default -> header;
        };
    }
}
