package app.roadbook.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.ScratchDatabase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The helpers policies call once per statement ({@code (SELECT member_org_ids())}) keep their plans for the
 * connection: PostgreSQL 15 plans a SQL function's body again at every statement that calls it unless it can inline
 * it, and it never inlines a SECURITY DEFINER function. So such a helper is PL/pgSQL (its queries are prepared once
 * per connection) or an inlinable SQL function. Decision 0033; a new policy with a SQL definer helper fails here.
 */
class PolicyHelperPlansTest {

    private static final Pattern ONCE_PER_STATEMENT = Pattern.compile("SELECT ([a-z_]+)\\(");

    @Test
    void everyHelperAPolicyCallsOncePerStatementKeepsItsPlan() {
        ScratchDatabase db = new ScratchDatabase();
        db.migrate("latest");
        // SQL: the policies and the functions' languages live only in PostgreSQL's catalogue.
        JdbcTemplate owner = new JdbcTemplate(db.owner());
        List<String> expressions = owner.queryForList(
                "select coalesce(qual, '') || ' ' || coalesce(with_check, '') from pg_policies where schemaname = 'public'",
                String.class);
        Map<String, String> helpers = new TreeMap<>();
        for (String expression : expressions) {
            Matcher call = ONCE_PER_STATEMENT.matcher(expression);
            while (call.find()) {
                String name = call.group(1);
                helpers.computeIfAbsent(name, n -> owner.queryForObject("""
                        select string_agg(l.lanname || case when p.prosecdef then ' definer' else '' end, ', ')
                        from pg_proc p join pg_language l on l.oid = p.prolang
                        where p.proname = ? and p.pronamespace = 'public'::regnamespace
                        """, String.class, n));
            }
        }

        assertThat(helpers)
                .as("the helpers called once per statement, with their language")
                .containsKeys(
                        "member_org_ids",
                        "editable_org_ids",
                        "org_ids_with_role",
                        "is_platform_admin",
                        "collaborator_session_ids",
                        "current_app_user_id")
                .allSatisfy(
                        (name, language) -> assertThat(language).as(name).isIn("plpgsql definer", "plpgsql", "sql"));
    }
}
