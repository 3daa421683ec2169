package app.roadbook.crew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.CsvFormat;
import app.roadbook.base.ImportPreview;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The roster as CSV: a preview first, then all rows or none; an export imports back. */
@RoadbookTest
class CrewImportTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    CrewImport imports;

    @Autowired
    CrewRoster roster;

    CrewWorld world;

    @BeforeEach
    void aRosterOfItsOwn() {
        world = new CrewWorld(fixtures);
        fixtures.signIn(world.editor);
        roster.create(world.org, new PersonDraft("Tess Manager", "Tour manager", "tess@crew.test", null, null, null));
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void previewMarksErrorsAndDuplicatesAndNothingIsWrittenUntilTheFileIsClean() {
        ImportPreview<PersonDraft> preview = imports.preview(
                world.org,
                csv("Name;Role;E-mail;Phone;Notes\n"
                        + "Finn Fader;FOH engineer;finn@crew.test;+47 1;\n"
                        + ";LD;;;\n"
                        + "Tess again;TM;TESS@crew.test;;\n"
                        + "Bad;Merch;not-mail;;\n"));
        assertThat(preview.fileProblem()).isNull();
        assertThat(preview.rows()).hasSize(4);
        assertThat(preview.importable()).isEqualTo(1);
        assertThat(preview.duplicates()).isEqualTo(1);
        assertThat(preview.errors()).isEqualTo(2);
        assertThat(preview.rows().get(1).problems()).contains("Name is required.");
        assertThat(preview.rows().get(2).duplicateOf()).isEqualTo("Tess Manager");
        assertThat(preview.canImport()).isFalse();
        assertThatThrownBy(() -> imports.commit(world.org, preview, n -> {}))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Fix the 2 row(s)");
        assertThat(roster.count(world.org, null)).isEqualTo(1);
    }

    @Test
    void aCleanFileIsImportedWholeAndLogged() {
        ImportPreview<PersonDraft> preview = imports.preview(
                world.org,
                csv("\uFEFFname,role,email,phone,notes\n"
                        + "Finn Fader,FOH engineer,finn@crew.test,+47 1,\"Needs a\nsecond line\"\n"
                        + "Dana Driver,Driver,,+47 2,\n"
                        + "Tess dup,TM,tess@crew.test,,\n"));
        assertThat(preview.canImport()).isTrue();
        assertThat(imports.commit(world.org, preview, n -> {})).isEqualTo(2);
        assertThat(roster.count(world.org, null)).isEqualTo(3);
        assertThat(roster.drafts(world.org, "finn").getFirst().notes()).isEqualTo("Needs a\nsecond line");
        assertThat(world.logged("person.imported")).isEqualTo(1);
    }

    @Test
    void filesThatCannotBeReadSaySo() {
        assertThat(imports.preview(world.org, new byte[] {(byte) 0xC3, (byte) 0x28})
                        .fileProblem())
                .contains("not UTF-8");
        assertThat(imports.preview(world.org, csv("")).fileProblem()).contains("empty");
        assertThat(imports.preview(world.org, csv("role,email\nTM,x@y.test\n")).fileProblem())
                .contains("no name column");
        assertThat(imports.preview(world.org, csv("name\n")).fileProblem()).contains("no rows");
    }

    @Test
    void anExportImportsBackAndDefusesFormulas() {
        roster.create(world.org, new PersonDraft("=HYPERLINK(\"x\")", "Merch", null, "+47 3", null, null));
        StringWriter out = new StringWriter();
        imports.export(world.org, null, out);
        String exported = out.toString();
        List<List<String>> lines = CsvFormat.parse(exported, ',');
        assertThat(lines.getFirst()).containsExactly("name", "role", "email", "phone", "notes");
        assertThat(lines).extracting(l -> l.get(0)).contains("'=HYPERLINK(\"x\")", "Tess Manager");

        // Into another organization the same file brings the same people, the formula as text again.
        CrewWorld other = new CrewWorld(fixtures);
        fixtures.signIn(other.editor);
        ImportPreview<PersonDraft> back = imports.preview(other.org, exported.getBytes(StandardCharsets.UTF_8));
        assertThat(back.canImport()).isTrue();
        imports.commit(other.org, back, n -> {});
        assertThat(roster.drafts(other.org, null))
                .extracting(PersonDraft::name)
                .containsExactly("=HYPERLINK(\"x\")", "Tess Manager");
    }

    @Test
    void viewersAndOutsidersCannotImportAndOutsidersCannotExport() {
        byte[] file = csv("name\nSneaky\n");
        fixtures.signIn(world.viewer);
        assertThatThrownBy(() -> imports.preview(world.org, file)).isInstanceOf(AccessDeniedException.class);
        StringWriter out = new StringWriter();
        imports.export(world.org, null, out);
        assertThat(out.toString()).contains("Tess Manager");

        fixtures.signIn(world.outsider);
        assertThatThrownBy(() -> imports.export(world.org, null, new StringWriter()))
                .isInstanceOf(Refusal.class);
    }
}
