package app.roadbook.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.CsvFormat;
import app.roadbook.base.ImportPreview;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class ContactImportTest {

    @Autowired
    ContactImport imports;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    Fixtures fixtures;

    UUID editor, org;

    @BeforeEach
    void anOrg() {
        UUID owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        org = fixtures.organization("Import Co", owner);
        fixtures.member(org, editor, "editor");
        fixtures.signIn(editor);
    }

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodFileIsPreviewedThenImportedWithProgress() {
        contacts.create(
                org,
                new ContactDraft(
                        "Existing",
                        Set.of(ContactType.vendor),
                        "dup@x.test",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ContactStatus.active));
        ImportPreview<ContactDraft> preview = imports.preview(org, utf8("""
                Name,Types,Email,City,Commission rate,Status,Notes
                Ingrid Solberg,promoter,ingrid@nordic.no,Oslo,,active,"Line one
                line two, with a comma"
                "Becker, Tom",agent|manager,tom@agency.de,Hamburg,"10,5",inactive,
                Already There,vendor,DUP@x.test,,,,
                """));
        assertThat(preview.fileProblem()).isNull();
        assertThat(preview.rows()).hasSize(3);
        assertThat(preview.importable()).isEqualTo(2);
        assertThat(preview.duplicates()).isEqualTo(1);
        assertThat(preview.rows().get(1).draft().types()).containsExactly(ContactType.agent, ContactType.manager);
        assertThat(preview.rows().get(1).draft().commissionRate()).isEqualByComparingTo("10.5");
        assertThat(preview.rows().get(0).draft().notes()).isEqualTo("Line one\nline two, with a comma");
        assertThat(contacts.count(org, ContactFilter.ALL))
                .as("preview writes nothing")
                .isEqualTo(1);

        List<Integer> progress = new ArrayList<>();
        assertThat(imports.commit(org, preview, progress::add)).isEqualTo(2);
        assertThat(progress).containsExactly(2);
        assertThat(contacts.count(org, ContactFilter.ALL)).isEqualTo(3);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select details->>'imported' from activity_log where org_id = ? and action = 'contact.imported'",
                                String.class,
                                org))
                .isEqualTo("2");
    }

    @Test
    void semicolonsAndTabsAreDetected() {
        assertThat(imports.preview(org, utf8("name;types;email\nA;promoter;a@x.test\n"))
                        .importable())
                .isEqualTo(1);
        assertThat(imports.preview(org, utf8("name\ttypes\nA\tvendor\n")).importable())
                .isEqualTo(1);
    }

    @Test
    void aWrongDelimiterOrMissingColumnsAreExplained() {
        assertThat(imports.preview(org, utf8("name|types|email\nA|promoter|a@x.test\n"))
                        .fileProblem())
                .contains("no name or types column")
                .contains("separated by something other");
        assertThat(imports.preview(org, utf8("name,email\nA,a@x.test\n")).fileProblem())
                .contains("no types column")
                .contains("name, types, email");
        assertThat(imports.preview(org, utf8("")).fileProblem()).contains("empty");
        assertThat(imports.preview(org, utf8("name,types\n")).fileProblem()).contains("no rows");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAHint() {
        byte[] latin1 = "name,types\nJosé Müller,promoter\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(imports.preview(org, latin1).fileProblem())
                .contains("not UTF-8")
                .contains("CSV UTF-8");
        byte[] withBom = ("\uFEFFname,types\nJosé,promoter\n").getBytes(StandardCharsets.UTF_8);
        assertThat(imports.preview(org, withBom).rows().getFirst().draft().name())
                .isEqualTo("José");
    }

    @Test
    void rowErrorsBlockTheWholeImport() {
        ImportPreview<ContactDraft> preview = imports.preview(org, utf8("""
                name,types,email,commission_rate,status
                Good,promoter,good@x.test,5,active
                ,promoter,,,
                Bad Type,drummer,,,
                Bad Mail,agent,not-mail,,
                Rate,agent,,150,
                Twice,agent,good@x.test,,
                Weird,agent,,,sleeping
                """));
        assertThat(preview.errors()).isEqualTo(6);
        assertThat(preview.rows())
                .extracting(r -> String.join(" ", r.problems()))
                .containsExactly(
                        "",
                        "Name is required.",
                        "Unknown type \"drummer\" (use promoter, agent, manager or vendor).",
                        "\"not-mail\" is not an email address.",
                        "Commission rate must be between 0 and 100.",
                        "The email good@x.test appears more than once in the file.",
                        "Status \"sleeping\" is not active, inactive or pending.");
        assertThat(preview.canImport()).isFalse();
        assertThatThrownBy(() -> imports.commit(org, preview, n -> {})).hasMessageContaining("Fix the 6 row(s)");
        assertThat(contacts.count(org, ContactFilter.ALL)).isZero();
    }

    @Test
    void allOrNothingWhenTheDatabaseRefusesARowAtCommitTime() {
        ImportPreview<ContactDraft> preview =
                imports.preview(org, utf8("name,types,email\nA,promoter,a@x.test\nB,promoter,race@x.test\n"));
        // Someone adds race@x.test between preview and import: the unique email index refuses, nothing stays.
        contacts.create(
                org,
                new ContactDraft(
                        "Racer",
                        Set.of(ContactType.agent),
                        "race@x.test",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ContactStatus.active));
        assertThatThrownBy(() -> imports.commit(org, preview, n -> {})).isInstanceOf(RuntimeException.class);
        assertThat(contacts.count(org, ContactFilter.ALL)).isEqualTo(1);
    }

    @Test
    void tenThousandRowsImportQuicklyAndExportBackIdentically() {
        StringBuilder csv = new StringBuilder("name,types,email,company,city,country,commission_rate,status\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Contact ")
                    .append(i)
                    .append(",promoter|vendor,c")
                    .append(i)
                    .append("@bulk.test,Co ")
                    .append(i % 97)
                    .append(",City ")
                    .append(i % 13)
                    .append(",NO,")
                    .append(i % 2 == 0 ? "2.50" : "")
                    .append(",active\n");
        }
        // How fast is the benchmark's business (ContactsBenchmark); here: all rows, in batches, with progress.
        ImportPreview<ContactDraft> preview = imports.preview(org, utf8(csv.toString()));
        assertThat(preview.importable()).isEqualTo(10_000);
        List<Integer> progress = new ArrayList<>();
        imports.commit(org, preview, progress::add);
        assertThat(progress).hasSize(20).endsWith(10_000);
        assertThat(contacts.count(org, ContactFilter.ALL)).isEqualTo(10_000);

        StringWriter out = new StringWriter();
        imports.export(org, new ContactFilter("city 7", Set.of(), null), out);
        String exported = out.toString();
        long inCity7 = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> i % 13 == 7)
                .count();
        assertThat(exported.lines().count()).isEqualTo(1 + inCity7);
        // Every cell is quoted since the CSV-injection fix (decision 0014).
        assertThat(exported)
                .startsWith("\"name\",\"types\",\"email\",\"phone\",\"company\",\"role\",\"city\",\"country\","
                        + "\"commission_rate\",\"notes\",\"status\"");
        // The export imports back: every row is a duplicate of what is there.
        ImportPreview<ContactDraft> again = imports.preview(org, utf8(exported));
        assertThat(again.errors()).isZero();
        assertThat(again.duplicates()).isEqualTo(again.rows().size());
    }

    @Test
    void exportDefusesSpreadsheetFormulas() {
        contacts.create(
                org,
                new ContactDraft(
                        "=HYPERLINK(\"http://evil\")",
                        Set.of(ContactType.vendor),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ContactStatus.active));
        StringWriter out = new StringWriter();
        imports.export(org, ContactFilter.ALL, out);
        assertThat(out.toString()).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }

    @Test
    void aViewerCannotImport() {
        UUID viewer = fixtures.user("Viewer");
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> imports.preview(org, utf8("name,types\nA,promoter\n")))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Finding 5: "Acme;=2+5" went out unquoted, so a spreadsheet in a semicolon locale ran =2+5. */
    @Test
    void noExportedCellStartsAFormulaWhateverDelimiterTheSpreadsheetAssumes() {
        contacts.create(
                org,
                new ContactDraft(
                        "Acme;=2+5",
                        Set.of(ContactType.vendor),
                        null,
                        "+47 22 33 44 55",
                        "-1+1 Ltd",
                        null,
                        "@SUM(A1)",
                        null,
                        null,
                        " =cmd|'/c calc'!A0",
                        ContactStatus.active));
        StringWriter out = new StringWriter();
        imports.export(org, ContactFilter.ALL, out);
        String exported = out.toString();
        for (char delimiter : new char[] {',', ';', '\t'}) {
            for (List<String> row : CsvFormat.parse(exported, delimiter)) {
                for (String cell : row) {
                    assertThat(cell.stripLeading())
                            .as("a cell read with delimiter '%s'", delimiter)
                            .doesNotStartWith("=")
                            .doesNotStartWith("+")
                            .doesNotStartWith("-")
                            .doesNotStartWith("@");
                }
            }
        }
        // And the file still comes back in as it went out.
        ImportPreview<ContactDraft> again = imports.preview(org, utf8(exported));
        assertThat(again.rows()).singleElement().satisfies(row -> {
            assertThat(row.draft().name()).isEqualTo("Acme;=2+5");
            assertThat(row.draft().phone()).isEqualTo("+47 22 33 44 55");
            assertThat(row.draft().city()).isEqualTo("@SUM(A1)");
        });
    }

    /** Finding 9: an import that lost a race with another tab showed the raw SQL statement and constraint name. */
    @Test
    void anImportThatLosesARaceSaysSoInWordsAndImportsNothing() {
        ImportPreview<ContactDraft> preview = imports.preview(
                org, utf8("name,types,email\nFirst,vendor,first@race.test\nRaced,vendor,raced@race.test\n"));
        assertThat(preview.canImport()).isTrue();
        // Another tab adds one of the file's emails between the preview and the import.
        contacts.create(
                org,
                new ContactDraft(
                        "Other tab",
                        Set.of(ContactType.vendor),
                        "RACED@race.test",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ContactStatus.active));
        assertThatThrownBy(() -> imports.commit(org, preview, n -> {}))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Nothing was imported")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContainIgnoringCase("insert")
                        .doesNotContain("contacts_", "constraint", "SQL"));
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from contacts where org_id = ?", Integer.class, org))
                .isOne();
    }
}
