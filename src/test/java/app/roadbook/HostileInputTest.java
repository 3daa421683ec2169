package app.roadbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.roadbook.advancing.AdvancingDocuments;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.advancing.AdvancingTemplate;
import app.roadbook.advancing.AdvancingTemplates;
import app.roadbook.advancing.Party;
import app.roadbook.base.ImportPreview;
import app.roadbook.base.Refusal;
import app.roadbook.billing.PlanCatalog;
import app.roadbook.billing.PlanDraft;
import app.roadbook.contacts.CommissionDraft;
import app.roadbook.contacts.ContactCommissions;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactFilter;
import app.roadbook.contacts.ContactImport;
import app.roadbook.contacts.ContactStatus;
import app.roadbook.contacts.ContactType;
import app.roadbook.invitations.InvitationService;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.VenueService;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgRole;
import app.roadbook.tenancy.OrganizationService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Every form's service and the CSV import refuse oversized text, control characters, broken Unicode and markup
 * in names with one clear sentence, and write nothing; SQL fragments are stored as the plain text they are.
 */
@RoadbookTest
class HostileInputTest {

    /** Refused everywhere: too long, NUL and other control characters, a lone surrogate. */
    static final Map<String, String> REFUSED_EVERYWHERE = Map.of(
            "100,000 characters", "x".repeat(100_000),
            "a NUL byte", "Null\u0000byte",
            "a bell and escape", "Bell\u0007\u001b[31m",
            "a lone surrogate", "Broken \uD800 text");
    /** Refused in names and titles, kept verbatim (and shown as text) in notes and comments. */
    static final Map<String, String> REFUSED_IN_NAMES = Map.of(
            "a script tag", "<script>alert(1)</script>",
            "an image with onerror", "Venue <img src=x onerror=alert(1)>",
            "a line break", "Two\nlines");

    static final String SQL = "Robert'); DROP TABLE contacts;--";

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    ContactCommissions commissions;

    @Autowired
    ContactImport imports;

    @Autowired
    ShowService shows;

    @Autowired
    app.roadbook.crew.CrewRoster crew;

    @Autowired
    app.roadbook.crew.ShowCrew showCrew;

    @Autowired
    ArtistService artists;

    @Autowired
    VenueService venues;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    AdvancingTemplates templates;

    @Autowired
    AdvancingDocuments documents;

    @Autowired
    InvitationService invitations;

    @Autowired
    PlanCatalog plans;

    @Autowired
    AuthenticationProvider signIn;

    UUID owner;
    UUID org;
    UUID contact;
    UUID show;
    UUID textField;
    UUID session;

    @BeforeEach
    void organization() {
        owner = fixtures.user("Hana");
        org = fixtures.organization("Hostile Org", owner);
        fixtures.signIn(owner);
        contact = contacts.create(org, contact("Kept Contact", null));
        UUID venue = venues.createVenue(org, new VenueDraft("Kept Venue", null, "Oslo", "Norway", 100, "Europe/Oslo"));
        show = shows.createShow(
                org,
                new ShowDraft(
                        null,
                        venue,
                        LocalDate.of(2027, 3, 1),
                        null,
                        null,
                        ShowStatus.confirmed,
                        "Kept Show",
                        null,
                        null,
                        null));
        session = advancing.createSession(org, show, "Kept Advance", null, null);
        textField = advancing.rows(session).stream()
                .filter(r -> r.type() == AdvancingTemplate.FieldType.text)
                .findFirst()
                .orElseThrow()
                .ours()
                .fieldId();
    }

    @Test
    void everyFormRefusesHostileNamesAndTitlesWithAClearMessageAndWritesNothing() {
        Map<String, Consumer<String>> nameFields = new java.util.LinkedHashMap<>();
        nameFields.put("organization name", organizations::createOrganization);
        nameFields.put("contact name", v -> contacts.create(org, contact(v, null)));
        nameFields.put(
                "contact company",
                v -> contacts.create(
                        org,
                        new ContactDraft(
                                "Fine",
                                Set.of(ContactType.agent),
                                null,
                                null,
                                v,
                                null,
                                null,
                                null,
                                null,
                                null,
                                ContactStatus.active)));
        nameFields.put("artist name", v -> artists.createArtist(org, v));
        nameFields.put(
                "venue name", v -> venues.createVenue(org, new VenueDraft(v, null, null, null, null, "Europe/Oslo")));
        nameFields.put(
                "venue city", v -> venues.createVenue(org, new VenueDraft("Fine", null, v, null, null, "Europe/Oslo")));
        nameFields.put("show title", v -> shows.createShow(org, showDraft(v, null)));
        nameFields.put("advance title", v -> advancing.createSession(org, show, v, null, null));
        nameFields.put("template name", v -> templates.save(org, null, v, List.of(field("Section", "Field"))));
        nameFields.put("template field", v -> templates.save(org, null, "Fine", List.of(field("Section", v))));
        nameFields.put("advancing text answer", v -> advancing.setValue(textField, version(textField), v));
        nameFields.put("invitation email", v -> invitations.inviteToOrg(org, v, OrgRole.viewer, null));
        nameFields.put(
                "crew name", v -> crew.create(org, new app.roadbook.crew.PersonDraft(v, null, null, null, null, null)));
        nameFields.put(
                "crew role",
                v -> crew.create(org, new app.roadbook.crew.PersonDraft("Fine", v, null, null, null, null)));
        UUID person = crew.create(org, new app.roadbook.crew.PersonDraft("Kept Person", null, null, null, null, null));
        nameFields.put("show duty", v -> showCrew.assign(org, show, person, v));
        nameFields.put(
                "plan name",
                v -> asPlatformAdmin(
                        () -> plans.savePlan(new PlanDraft("hostile_plan", v, null, 100, "usd", 1, 1, 1, Map.of()))));

        int before = rowCount();
        List<String> checked = new ArrayList<>();
        Map<String, String> samples = new java.util.LinkedHashMap<>(REFUSED_EVERYWHERE);
        samples.putAll(REFUSED_IN_NAMES);
        nameFields.forEach((form, submit) -> samples.forEach((kind, value) -> {
            assertThat(catchThrowable(() -> submit.accept(value)))
                    .as(form + " with " + kind)
                    .isInstanceOf(Refusal.class)
                    .satisfies(e -> assertClearSentence(e.getMessage(), form + " with " + kind));
            checked.add(form + "/" + kind);
        }));
        assertThat(rowCount()).as("nothing half-written").isEqualTo(before);
        assertThat(checked).hasSize(16 * 7);
    }

    /**
     * File names come from the uploader's disk, not the keyboard: control characters and markup are cleaned out, but
     * a name with path characters is refused in words (it is never a path, yet it would mean one).
     */
    @Test
    void uploadedFileNamesAreCleanedOfControlCharactersAndMarkupAndPathsAreRefused() {
        byte[] text = "Rider".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID file = documents.upload(session, Party.from_us, "<img src=x onerror=alert(1)>\u0007\u001b.txt", text);
        assertThat(fixtures.owner().queryForObject("select original_name from files where id = ?", String.class, file))
                .isEqualTo("img src=x onerror=alert(1).txt");
        assertThat(catchThrowable(() -> documents.upload(session, Party.from_us, "C:\\evil\\rider.txt", text)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("file name cannot contain");
        assertThat(catchThrowable(() -> documents.upload(session, Party.from_us, "x".repeat(100_000) + ".pdf", text)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give the file a name of up to 200 characters.");
    }

    @Test
    void notesAndCommentsKeepMarkupAsTextButRefuseWhatCannotBeText() {
        UUID field = textField;
        Map<String, Consumer<String>> textAreas = new java.util.LinkedHashMap<>();
        textAreas.put("contact notes", v -> contacts.create(org, contact("Notes " + UUID.randomUUID(), v)));
        textAreas.put("show notes", v -> shows.createShow(org, showDraft("Fine", v)));
        textAreas.put(
                "crew notes",
                v -> crew.create(org, new app.roadbook.crew.PersonDraft("Notes person", null, null, null, v, null)));
        textAreas.put("comment", v -> advancing.addComment(field, v));
        textAreas.put(
                "commission description",
                v -> commissions.add(
                        org, contact, new CommissionDraft(null, BigDecimal.TEN, "EUR", "pending", null, v)));

        int before = rowCount();
        textAreas.forEach((form, submit) ->
                REFUSED_EVERYWHERE.forEach((kind, value) -> assertThat(catchThrowable(() -> submit.accept(value)))
                        .as(form + " with " + kind)
                        .isInstanceOf(Refusal.class)
                        .satisfies(e -> assertClearSentence(e.getMessage(), form + " with " + kind))));
        assertThat(rowCount()).isEqualTo(before);

        String markup = "<script>alert(1)</script>\nSecond line\twith a tab";
        textAreas.forEach((form, submit) -> submit.accept(markup));
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from contacts where org_id = ? and notes = ?",
                                Integer.class,
                                org,
                                markup))
                .isEqualTo(1);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from advancing_comments where org_id = ? and body = ?",
                                Integer.class,
                                org,
                                markup))
                .isEqualTo(1);
    }

    @Test
    void sqlFragmentsAreJustText() {
        UUID id = contacts.create(
                org,
                new ContactDraft(
                        SQL,
                        Set.of(ContactType.vendor),
                        null,
                        null,
                        "'; DELETE FROM shows; --",
                        null,
                        "1' OR '1'='1",
                        null,
                        null,
                        "\"; TRUNCATE activity_log; --",
                        ContactStatus.active));
        UUID artist = artists.createArtist(org, "Bobby Tables' --");
        assertThat(contacts.get(org, id).draft().name()).isEqualTo(SQL);
        assertThat(fixtures.owner().queryForObject("select name from artists where id = ?", String.class, artist))
                .isEqualTo("Bobby Tables' --");
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from contacts where org_id = ?", Integer.class, org))
                .isEqualTo(2);
        assertThat(fixtures.owner().queryForObject("select count(*) from shows where org_id = ?", Integer.class, org))
                .isEqualTo(1);
        assertThat(contacts.count(org, new ContactFilter("%' OR 1=1 --", Set.of(), null)))
                .isZero();
    }

    @Test
    void theCsvImportRefusesHostileRowsAndFilesWithReasons() {
        String header = "name,types,email,company,notes\n";
        ImportPreview<ContactDraft> hostile = imports.preview(
                org,
                (header
                                + "\"<script>alert(1)</script>\",promoter,,,\n"
                                + "Fine Name,agent,,\"Evil\u0007Co\",\n"
                                + "\"" + "y".repeat(5_000) + "\",vendor,,,\n"
                                + "\"" + SQL + "\",manager,,,\"=HYPERLINK(\"\"http://x\"\")\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(hostile.rows()).hasSize(4);
        assertThat(hostile.rows().get(0).problems())
                .anySatisfy(p -> assertThat(p).contains("markup"));
        assertThat(hostile.rows().get(1).problems())
                .anySatisfy(p -> assertThat(p).contains("control characters"));
        assertThat(hostile.rows().get(2).problems())
                .anySatisfy(p -> assertThat(p).contains("longer than"));
        assertThat(hostile.rows().get(3).problems())
                .as("SQL is a name like any other")
                .isEmpty();
        assertThat(hostile.canImport()).isFalse();
        assertThatThrownBy(() -> imports.commit(org, hostile, n -> {})).isInstanceOf(Refusal.class);

        byte[] latin1 = (header + "Ærlig Østby,promoter,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(imports.preview(org, latin1).fileProblem()).contains("not UTF-8");
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        assertThat(imports.preview(org, binary).fileProblem()).isNotBlank();
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        assertThat(imports.preview(org, huge).fileProblem()).contains("larger than 10 MB");
        for (ImportPreview.Row<ContactDraft> row : hostile.rows()) {
            row.problems().forEach(p -> assertClearSentence(p, "import row " + row.line()));
        }
    }

    @Test
    void aNewAccountRefusesHostileNamesAndPasswords() {
        InvitationService.Issued issued =
                invitations.inviteToOrg(org, Fixtures.unique("newbie") + "@example.com", OrgRole.viewer, null);
        Fixtures.signOut();
        REFUSED_IN_NAMES.forEach((kind, value) -> assertThatThrownBy(
                        () -> invitations.createAccount(issued.token(), value, "long enough pass"))
                .as(kind)
                .isInstanceOf(Refusal.class));
        REFUSED_EVERYWHERE.forEach((kind, value) -> assertThatThrownBy(
                        () -> invitations.createAccount(issued.token(), value, "long enough pass"))
                .as(kind)
                .isInstanceOf(Refusal.class));
        assertThatThrownBy(() -> invitations.createAccount(issued.token(), "Fine Name", "pass\u0000word-with-nul"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> invitations.createAccount(issued.token(), "Fine Name", "p".repeat(129)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Use at most 128 characters.");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from app_users where display_name like 'Fine Name%'", Integer.class))
                .isZero();
    }

    @Test
    void theSignInFormAndTheSearchFieldsRefuseWhatNoAccountOrContactCouldMatch() {
        Fixtures.signOut();
        Fixtures.newClient();
        for (String email :
                List.of("x".repeat(100_000) + "@example.com", "owner@roadbook.demo\u0000", "<script>@x.io")) {
            assertThat(catchThrowable(() -> signIn.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(email, "roadbook-demo"))))
                    .as(email.length() > 50 ? "a 100,000-character email" : email)
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select max(length(details->>'email')) from activity_log where action = 'auth.sign_in_failed'",
                                Integer.class))
                .isLessThanOrEqualTo(320);
        fixtures.signIn(owner);
        assertThat(catchThrowable(() -> contacts.count(org, new ContactFilter("y".repeat(10_000), Set.of(), null))))
                .isInstanceOf(Refusal.class)
                .hasMessage("The search is longer than 200 characters.");
    }

    /** A message a person reads: a sentence, nothing from the database or the JVM. */
    static void assertClearSentence(String message, String where) {
        assertThat(message)
                .as(where)
                .isNotBlank()
                .hasSizeLessThan(300)
                .endsWith(".")
                .doesNotContain("ERROR:", "SQL", "Exception", "java.", "org.", "PSQL", "constraint", "null");
    }

    private ContactDraft contact(String name, String notes) {
        return new ContactDraft(
                name,
                Set.of(ContactType.promoter),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                notes,
                ContactStatus.active);
    }

    private ShowDraft showDraft(String title, String notes) {
        return new ShowDraft(
                null, null, LocalDate.of(2027, 4, 1), null, null, ShowStatus.confirmed, title, null, null, notes);
    }

    private static AdvancingTemplate.Field field(String section, String name) {
        return new AdvancingTemplate.Field(section, name, AdvancingTemplate.FieldType.text);
    }

    private int version(UUID fieldId) {
        return advancing.rows(session).stream()
                .map(AdvancingRows.Row::ours)
                .filter(s -> s.fieldId().equals(fieldId))
                .findFirst()
                .orElseThrow()
                .version();
    }

    private void asPlatformAdmin(Runnable work) {
        fixtures.signIn(fixtures.platformAdmin());
        try {
            work.run();
        } finally {
            fixtures.signIn(owner);
        }
    }

    /** Rows any of the forms above could write. */
    private int rowCount() {
        return fixtures.owner().queryForObject("""
                select (select count(*) from contacts) + (select count(*) from artists) + (select count(*) from venues)
                     + (select count(*) from shows) + (select count(*) from advancing_sessions) + (select count(*) from advancing_templates)
                     + (select count(*) from files) + (select count(*) from invitations) + (select count(*) from billing_plans)
                     + (select count(*) from organizations) + (select count(*) from advancing_comments)
                     + (select count(*) from contact_commissions)
                     + (select count(*) from people) + (select count(*) from show_assignments)
                     + (select count(*) from advancing_fields where value is not null)""", Integer.class);
    }
}
