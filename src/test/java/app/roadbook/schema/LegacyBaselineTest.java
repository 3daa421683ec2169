package app.roadbook.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The versions below 2 recreate the legacy database described in docs/legacy-schema.md. */
class LegacyBaselineTest {

    @Test
    void theBaselineHasTheLegacyTablesEnumsViewsAndPlans() {
        ScratchDatabase db = new ScratchDatabase();
        db.migrate("1.1");
        JdbcTemplate owner = new JdbcTemplate(db.owner());
        assertThat(owner.queryForList("""
                select tablename from pg_tables where schemaname = 'public'
                  and tablename not in ('app_users', 'flyway_schema_history') order by 1""", String.class))
                .hasSize(29)
                .contains(
                        "partners",
                        "promoters",
                        "venue_promoters",
                        "partner_commissions",
                        "org_seats",
                        "billing_actions_log",
                        "show_collaborators",
                        "invitations",
                        "query_performance_log");
        assertThat(owner.queryForList(
                        "select typname from pg_type t join pg_namespace n on n.oid = t.typnamespace "
                                + "where n.nspname = 'public' and t.typtype = 'e' order by 1",
                        String.class))
                .containsExactly(
                        "field_status",
                        "member_type",
                        "org_role",
                        "party",
                        "show_collab_role",
                        "show_invite_status",
                        "show_status");
        assertThat(owner.queryForList(
                        "select viewname from pg_views where schemaname = 'public' order by 1", String.class))
                .containsExactly("org_seat_usage", "shows_list_view");
        assertThat(owner.queryForList("select matviewname from pg_matviews where schemaname = 'public'", String.class))
                .containsExactly("org_entitlements_cache");
        assertThat(owner.queryForList(
                        "select id || ':' || price_cents || ':' || coalesce(max_members::text, '∞') from billing_plans order by price_cents",
                        String.class))
                .containsExactly("enterprise:0:∞", "crew_readonly:900:5", "solo_artist:2900:3", "team_manager:9900:10");
        assertThat(owner.queryForObject("select count(*) from pg_policy", Integer.class))
                .as("only our tenancy policies exist below version 2; the legacy ones are not recreated")
                .isEqualTo(9);
    }
}
