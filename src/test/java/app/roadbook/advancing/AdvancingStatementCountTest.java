package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No N+1: the advance page (its title, the show's facts, grid and documents), a show's list of advances with their
 * progress, a field's thread and starting an advance cost the same
 * number of statements whatever the number of fields and comments. Counted with Hibernate's statistics, switched on
 * only around the counted call (application.properties leaves them off). OrgAccess's permission questions (JDBC)
 * come on top of these.
 */
@RoadbookTest
class AdvancingStatementCountTest {

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    AdvancingTemplates templates;

    @Autowired
    AdvancingDocuments documents;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;
    UUID owner, editor, promoter, org, show, ten, sixty;

    @BeforeEach
    void anOrgWithTemplatesOfTenAndSixtyFields() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        promoter = fixtures.user("Promoter");
        org = fixtures.organization("Counted Advances", owner);
        fixtures.member(org, editor, "editor");
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, '2027-05-01', 'Counted') returning id",
                        UUID.class,
                        org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);
        fixtures.signIn(owner);
        ten = templates.save(org, null, "Ten", fields(10));
        sixty = templates.save(org, null, "Sixty", fields(60));
    }

    @AfterEach
    void statisticsOff() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void theAdvancePageIsFourStatementsWhateverItsFieldsAndComments() {
        fixtures.signIn(editor);
        UUID small = exchange.createSession(org, show, "Small", null, ten);
        UUID large = exchange.createSession(org, show, "Large", null, sixty);
        for (UUID session : List.of(small, large)) {
            // Both sides answered by two different people, every tenth field with the same value on both sides (agreed,
            // as the database derives it), every other one declined by the promoter; two comments on every field.
            fixtures.owner().update("""
                    update advancing_fields set value = to_jsonb(case when party_type = 'from_us' or sort_order % 100 = 0
                                                                      then 'Answer ' else 'Offer ' end || field_name),
                           stance = 'answered', updated_at = now(),
                           updated_by = case when party_type = 'from_us' then ?::uuid else ?::uuid end
                    where session_id = ?""", editor, promoter, session);
            fixtures.owner().update("""
                    update advancing_fields set stance = 'declined', declined_value = to_jsonb('Answer ' || field_name),
                           decline_reason = 'Not like this'
                    where session_id = ? and party_type = 'from_you' and sort_order % 100 <> 0 and sort_order % 20 = 0""", session);
            fixtures.owner().update("""
                    insert into advancing_comments (org_id, field_id, author_id, author_name, body)
                    select org_id, id, ?, 'Counter', 'Comment on ' || field_name from advancing_fields where session_id = ?""", editor, session);
        }
        fixtures.signIn(promoter);
        documents.upload(small, Party.from_you, "rider.pdf", new byte[] {1});
        documents.upload(large, Party.from_you, "rider.pdf", new byte[] {1});

        for (UUID who : List.of(editor, promoter)) {
            fixtures.signIn(who);
            long forSmall = statements(() -> {
                AdvancingExchange.Advance page = exchange.advance(small);
                assertThat(page.title()).isEqualTo("Small");
                assertThat(page.rows()).hasSize(10);
                assertThat(documents.list(small)).hasSize(1);
            });
            long forLarge = statements(() -> {
                AdvancingExchange.Advance page = exchange.advance(large);
                assertThat(page.rows()).hasSize(60).allSatisfy(row -> {
                    assertThat(row.comments()).isEqualTo(2);
                    assertThat(row.ours().value()).isEqualTo("Answer " + row.fieldName());
                    assertThat(row.theirs().value()).isEqualTo((row.agreed() ? "Answer " : "Offer ") + row.fieldName());
                });
                assertThat(page.rows())
                        .extracting(row -> row.agreement())
                        .containsOnly(
                                FieldAgreement.agreed, FieldAgreement.different, FieldAgreement.declined_by_promoter);
                assertThat(page.rows())
                        .filteredOn(row -> row.agreement() == FieldAgreement.declined_by_promoter)
                        .hasSize(24)
                        .allSatisfy(
                                row -> assertThat(row.theirs().declineReason()).isEqualTo("Not like this"));
                // Each sees the names app_users lets them read: at least their own.
                assertThat(page.rows())
                        .extracting(row -> who.equals(editor)
                                ? row.ours().updatedBy()
                                : row.theirs().updatedBy())
                        .containsOnly(who.equals(editor) ? "Editor" : "Promoter");
                assertThat(AdvancingRows.progress(page.rows()))
                        .singleElement()
                        .satisfies(p -> assertThat(p.agreed()).isEqualTo(6));
                assertThat(documents.list(large)).hasSize(1);
            });
            // The advance (its session, the show's facts, the grid) and the documents.
            assertThat(forLarge).isEqualTo(forSmall).isEqualTo(4);
            long listing = statements(() -> assertThat(exchange.sessions(show))
                    .extracting(AdvancingRows.SessionSummary::agreed)
                    .containsExactly(1, 6));
            assertThat(listing).as("a show's advances with their progress").isEqualTo(1);
        }
    }

    @Test
    void aFieldsThreadIsTwoStatementsWhateverItsLength() {
        fixtures.signIn(editor);
        UUID session = exchange.createSession(org, show, "Threads", null, ten);
        List<Row> rows = exchange.rows(session);
        UUID quiet = rows.get(0).ours().fieldId();
        UUID busy = rows.get(1).theirs().fieldId();
        exchange.addComment(quiet, "Just one.");
        for (int i = 0; i < 30; i++) {
            exchange.addComment(i % 2 == 0 ? busy : rows.get(1).ours().fieldId(), "Comment " + i);
        }
        long forQuiet = statements(() -> assertThat(exchange.comments(quiet)).hasSize(1));
        long forBusy = statements(() -> assertThat(exchange.comments(busy))
                .hasSize(30)
                .allSatisfy(c -> assertThat(c.author()).isEqualTo("Editor")));
        assertThat(forBusy).isEqualTo(forQuiet).isEqualTo(2);
    }

    /**
     * The template, the show (its times prefill the artist team's side, its names a blank title), the advance, and its
     * fields in one JDBC batch.
     */
    @Test
    void startingAnAdvanceIsFourStatementsWhateverTheTemplatesSize() {
        fixtures.signIn(editor);
        long forTen = statements(() -> exchange.createSession(org, show, "Ten fields", null, ten));
        long forSixty = statements(() -> exchange.createSession(org, show, " ", null, sixty));
        assertThat(forSixty).isEqualTo(forTen).isEqualTo(4);
        assertThat(fixtures.owner().queryForObject("""
                select count(*) from advancing_fields f join advancing_sessions s on s.id = f.session_id
                where s.show_id = ? and f.created_by = ?""", Integer.class, show, editor))
                .isEqualTo(2 * (10 + 60));
    }

    private static List<AdvancingTemplate.Field> fields(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new AdvancingTemplate.Field("Section", "Field " + i, FieldType.text))
                .toList();
    }

    /** The statements Hibernate prepared while {@code work} ran. */
    private long statements(Runnable work) {
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            work.run();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        return statistics.getPrepareStatementCount();
    }
}
