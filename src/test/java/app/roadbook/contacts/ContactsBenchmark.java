package app.roadbook.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.ImportPreview;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Benchmark, not a test (no clock in the suite): directory search in an org of 20,000 contacts and a 10,000-row CSV
 * import, through the services, as the app role with RLS on. Run with {@code ./roadbook bench}; it prints the figures.
 */
@RoadbookTest
class ContactsBenchmark {

    @Autowired
    ContactDirectory contacts;

    @Autowired
    ContactImport imports;

    @Autowired
    Fixtures fixtures;

    @Test
    void searchAtTwentyThousandContacts() {
        UUID editor = fixtures.user("Perf");
        UUID org = fixtures.organization("Big Directory", editor);
        // Other tenants' rows in the same table, so RLS and the org predicate have something to exclude.
        UUID other = fixtures.organization("Other Big", fixtures.user("Other"));
        for (UUID o : new UUID[] {org, other}) {
            fixtures.owner().update("""
                    insert into contacts (org_id, name, email, company, city, country, status)
                    select ?, 'Contact ' || g, 'c' || g || '@perf.test', 'Company ' || (g % 500), 'City ' || (g % 40), 'NO',
                           case when g % 10 = 0 then 'inactive' else 'active' end
                    from generate_series(1, 20000) g""", o);
            fixtures.owner().update("""
                    insert into contact_types (contact_id, org_id, type)
                    select id, org_id, (array['promoter','agent','manager','vendor'])[1 + (abs(hashtext(id::text)) % 4)]::contact_type
                    from contacts where org_id = ?""", o);
        }
        fixtures.owner().execute("analyze contacts");
        fixtures.owner().execute("analyze contact_types");
        fixtures.signIn(editor);

        PageRequest firstPage = PageRequest.of(0, 50, Sort.by("name"));
        Map<String, Long> medians = new LinkedHashMap<>();
        medians.put("first page, no search", median(() -> contacts.list(org, ContactFilter.ALL, firstPage)));
        medians.put("count, no search", median(() -> contacts.count(org, ContactFilter.ALL)));
        medians.put(
                "search 'contact 1234' page",
                median(() -> contacts.list(org, new ContactFilter("contact 1234", Set.of(), null), firstPage)));
        medians.put(
                "search 'city 7' page (500 hits)",
                median(() -> contacts.list(org, new ContactFilter("city 7", Set.of(), null), firstPage)));
        medians.put(
                "search 'city 7' count",
                median(() -> contacts.count(org, new ContactFilter("city 7", Set.of(), null))));
        medians.put(
                "search 'company 42' + agents page",
                median(() -> contacts.list(
                        org, new ContactFilter("company 42", Set.of(ContactType.agent), null), firstPage)));
        medians.put(
                "search '@perf.test' count (all rows)",
                median(() -> contacts.count(org, new ContactFilter("@perf.test", Set.of(), null))));
        medians.forEach((k, v) -> System.out.printf("contact search, 20,000 contacts: %-40s median %d ms%n", k, v));

        assertThat(contacts.count(org, new ContactFilter("city 7", Set.of(), null)))
                .isEqualTo(500);
        assertThat(contacts.count(org, ContactFilter.ALL)).isEqualTo(20_000);
    }

    @Test
    void csvImportOfTenThousandRows() {
        UUID editor = fixtures.user("Importer");
        UUID org = fixtures.organization("Import Bench", editor);
        fixtures.signIn(editor);
        StringBuilder csv = new StringBuilder("name,types,email,company,city,country,commission_rate,status\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Bulk ")
                    .append(i)
                    .append(",promoter,bulk")
                    .append(i)
                    .append("@bulk.test,Co ")
                    .append(i % 97)
                    .append(",City ")
                    .append(i % 13)
                    .append(",NO,")
                    .append(i % 2 == 0 ? "2.50" : "")
                    .append(",active\n");
        }
        long start = System.nanoTime();
        ImportPreview<ContactDraft> preview =
                imports.preview(org, csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long previewMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int imported = imports.commit(org, preview, n -> {});
        long commitMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "CSV import of %,d rows: preview %d ms, commit %d ms, %.0f rows/s%n",
                imported, previewMs, commitMs, imported * 1000.0 / Math.max(1, previewMs + commitMs));
        assertThat(imported).isEqualTo(10_000);
    }

    private static long median(Supplier<?> call) {
        call.get();
        call.get();
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
