package app.roadbook.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.ScratchDatabase;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Migrates legacy data from the end of the legacy baseline (the last version below 2) to the latest
 * version and checks that nothing is lost and nothing is invented.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyMigrationTest {

    static final String ORG_A = "00000000-0000-0000-0000-000000002001";
    static final String ORG_B = "00000000-0000-0000-0000-000000002002";

    ScratchDatabase db;
    JdbcTemplate owner;
    Map<String, Integer> before = new HashMap<>();
    /** Every advancing field's value as the legacy schema held it (JSON text, "-" for none), by id. */
    Map<String, String> valuesBefore = new TreeMap<>();

    static final List<String> UNCHANGED_TABLES = List.of(
            "app_users",
            "organizations",
            "org_members",
            "people",
            "artists",
            "venues",
            "shows",
            "show_assignments",
            "advancing_sessions",
            "advancing_fields",
            "advancing_comments",
            "advancing_documents",
            "files",
            "schedule_items",
            "billing_plans",
            "org_subscriptions",
            "org_feature_overrides",
            "query_performance_log",
            "waitlist",
            "parsed_emails",
            "parsed_contracts");

    @BeforeAll
    void migrateLegacyData() throws Exception {
        db = new ScratchDatabase();
        db.migrate("1.1");
        assertThat(new JdbcTemplate(db.owner())
                        .queryForList(
                                "select version from flyway_schema_history where success order by installed_rank",
                                String.class))
                .as("the legacy baseline: every version below 2")
                .containsExactly("1", "1.0.1", "1.1");
        try (Connection c = db.owner().getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/legacy-fixtures.sql"));
        }
        owner = new JdbcTemplate(db.owner());
        for (String table : UNCHANGED_TABLES) {
            before.put(table, count(table));
        }
        valuesBefore.putAll(advancingValues());
        db.migrate("latest");
    }

    @Test
    void tablesOutsideTheRedesignKeepEveryRow() {
        for (String table : UNCHANGED_TABLES) {
            assertThat(count(table)).as(table).isEqualTo(before.get(table));
        }
    }

    /**
     * V19: legacy item types become the tour day's (catering is a meal), and every audience the promoter team could not
     * see before becomes crew-only, so nobody sees more after the migration.
     */
    @Test
    void scheduleItemsKeepTheirAudienceInTheNewTypes() {
        assertThat(owner.queryForList(
                        "select title || ' ' || item_type || ' ' || visibility from schedule_items"
                                + " where id in ('00000000-0000-0000-0000-000000009601', '00000000-0000-0000-0000-000000009602')"
                                + " order by title",
                        String.class))
                .containsExactly("Band lunch meal crew", "Doors doors promoter_team");
    }

    @Test
    void theLegacyTablesAreGone() {
        assertThat(owner.queryForList(
                        "select tablename from pg_tables where schemaname = 'public' and tablename in "
                                + "('partners', 'promoters', 'partner_commissions', 'venue_promoters', 'billing_actions_log', "
                                + "'org_seats', 'legacy_invitations', 'legacy_activity_log')",
                        String.class))
                .isEmpty();
        assertThat(owner.queryForObject("select count(*) from pg_matviews where schemaname = 'public'", Integer.class))
                .isZero();
    }

    @Test
    void partnersAndPromotersBecomeContactsWithDuplicatesMerged() {
        // 8 legacy rows; Pat (partner + promoter) and Promo One/Dup (two promoters) merge: 6 contacts.
        assertThat(count("contacts")).isEqualTo(6);
        assertThat(types("00000000-0000-0000-0000-000000007001")).containsExactly("agent", "promoter");
        Map<String, Object> pat =
                owner.queryForMap("select * from contacts where id = '00000000-0000-0000-0000-000000007001'");
        assertThat(pat.get("name")).isEqualTo("Pat Agent");
        assertThat(String.valueOf(pat.get("email"))).isEqualTo("Pat@Example.com");
        assertThat(pat.get("company")).isEqualTo("Pat Co");
        assertThat(pat.get("city")).isEqualTo("Oslo");
        assertThat(pat.get("commission_rate")).isEqualTo(new BigDecimal("10.00"));
        assertThat(pat.get("status")).isEqualTo("active");
        assertThat((String) pat.get("notes")).contains("partner note").contains("promoter note");
        assertThat(pat.get("role_title")).isEqualTo("Booking Agent");

        assertThat(types("00000000-0000-0000-0000-000000007002")).containsExactly("manager");
        assertThat(types("00000000-0000-0000-0000-000000007003")).containsExactly("vendor");
        assertThat(types("00000000-0000-0000-0000-000000007102")).containsExactly("promoter");
        assertThat(types("00000000-0000-0000-0000-000000007103")).containsExactly("promoter");
        assertThat(owner.queryForObject(
                        "select count(*) from contacts where id = '00000000-0000-0000-0000-000000007104'",
                        Integer.class))
                .isZero();
        Map<String, Object> promo =
                owner.queryForMap("select * from contacts where id = '00000000-0000-0000-0000-000000007103'");
        assertThat(promo.get("company")).isEqualTo("Dup Co");
        assertThat(promo.get("country")).isEqualTo("SE");
        assertThat(promo.get("status")).isEqualTo("active");
        // The same email in another org stays a separate contact of that org.
        assertThat(owner.queryForObject(
                        "select org_id::text from contacts where id = '00000000-0000-0000-0000-000000007004'",
                        String.class))
                .isEqualTo(ORG_B);
        assertThat(types("00000000-0000-0000-0000-000000007004")).containsExactly("agent");
        // Empty notes are not invented into text.
        assertThat(owner.queryForObject(
                        "select notes from contacts where id = '00000000-0000-0000-0000-000000007003'", String.class))
                .isNull();
    }

    @Test
    void commissionsMoveWithTheirAmountsAndShows() {
        assertThat(owner.queryForList(
                        "select id::text || ' ' || org_id::text || ' ' || contact_id::text || ' ' || coalesce(show_id::text, '-') "
                                + "|| ' ' || amount || ' ' || currency || ' ' || status || ' ' || coalesce(paid_at::date::text, '-') from contact_commissions order by id",
                        String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000008001 " + ORG_A
                                + " 00000000-0000-0000-0000-000000007001 00000000-0000-0000-0000-000000005201 150.00 USD pending -",
                        "00000000-0000-0000-0000-000000008002 " + ORG_A
                                + " 00000000-0000-0000-0000-000000007001 - 99.99 USD cancelled -",
                        "00000000-0000-0000-0000-000000008003 " + ORG_A
                                + " 00000000-0000-0000-0000-000000007002 00000000-0000-0000-0000-000000005202 20.00 USD paid 2026-01-15",
                        "00000000-0000-0000-0000-000000008004 " + ORG_B
                                + " 00000000-0000-0000-0000-000000007004 - 5.00 USD pending -");
    }

    @Test
    void venueLinksMoveAndMergedPromotersShareOneLink() {
        assertThat(owner.queryForList(
                        "select venue_id::text || ' ' || contact_id::text || ' ' || is_primary from venue_contacts order by venue_id, contact_id",
                        String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000005101 00000000-0000-0000-0000-000000007001 true",
                        "00000000-0000-0000-0000-000000005101 00000000-0000-0000-0000-000000007102 false",
                        "00000000-0000-0000-0000-000000005101 00000000-0000-0000-0000-000000007103 true",
                        "00000000-0000-0000-0000-000000005102 00000000-0000-0000-0000-000000007001 false");
        // Pat's promoter row merged into the partner's contact: its links point there.
        assertThat(owner.queryForObject(
                        "select count(*) from venue_contacts where contact_id = '00000000-0000-0000-0000-000000007001'",
                        Integer.class))
                .isEqualTo(2);
        assertThat(owner.queryForObject(
                        "select count(*) from contacts where id = '00000000-0000-0000-0000-000000007101'",
                        Integer.class))
                .isZero();
    }

    @Test
    void orgAndShowInvitationsLiveInOneTableWithHashedTokens() throws Exception {
        assertThat(count("invitations")).isEqualTo(10);
        assertThat(owner.queryForList("select id::text || ' ' || status from invitations order by id", String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000004001 pending",
                        "00000000-0000-0000-0000-000000004002 accepted",
                        "00000000-0000-0000-0000-000000004003 expired",
                        "00000000-0000-0000-0000-000000004004 expired",
                        "00000000-0000-0000-0000-000000004005 pending",
                        "00000000-0000-0000-0000-000000006001 pending",
                        "00000000-0000-0000-0000-000000006002 accepted",
                        "00000000-0000-0000-0000-000000006003 revoked",
                        "00000000-0000-0000-0000-000000006004 accepted",
                        "00000000-0000-0000-0000-000000006005 pending");
        byte[] hash = owner.queryForObject(
                "select token_hash from invitations where id = '00000000-0000-0000-0000-000000004001'", byte[].class);
        assertThat(hash)
                .isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest("tok-pending-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes()));
        assertThat(owner.queryForObject("select count(*) from invitations where token_hash is null", Integer.class))
                .as("only the two collaborator rows without a token")
                .isEqualTo(2);
        Map<String, Object> accepted =
                owner.queryForMap("select * from invitations where id = '00000000-0000-0000-0000-000000004002'");
        assertThat(accepted.get("org_role").toString()).isEqualTo("editor");
        assertThat(accepted.get("accepted_by").toString()).isEqualTo("00000000-0000-0000-0000-000000001002");
        Map<String, Object> show =
                owner.queryForMap("select * from invitations where id = '00000000-0000-0000-0000-000000006003'");
        assertThat(show.get("collab_role").toString()).isEqualTo("promoter_viewer");
        assertThat(show.get("org_role")).isNull();
        assertThat(show.get("revoked_at")).isNotNull();
        assertThat(owner.queryForObject(
                        "select invited_by from invitations where id = '00000000-0000-0000-0000-000000006004'",
                        String.class))
                .as("an inviter who is no account is not invented")
                .isNull();
        // No column of the new schema holds a raw token any more.
        assertThat(owner.queryForObject(
                        "select count(*) from information_schema.columns where table_schema = 'public' "
                                + "and column_name in ('token', 'invite_token')",
                        Integer.class))
                .isZero();
    }

    @Test
    void showCollaboratorsKeepOnlyGrantedAccess() {
        assertThat(owner.queryForList(
                        "select id::text || ' ' || user_id::text || ' ' || role || ' ' || invitation_id::text from show_collaborators order by id",
                        String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000006002 00000000-0000-0000-0000-000000001004 promoter_editor 00000000-0000-0000-0000-000000006002",
                        "00000000-0000-0000-0000-000000006004 00000000-0000-0000-0000-000000001004 promoter_viewer 00000000-0000-0000-0000-000000006004");
    }

    @Test
    void peopleLinkedToNonMembersAreUnlinkedAndTheLinkIsLogged() {
        assertThat(owner.queryForList(
                        "select id::text || ' ' || coalesce(user_id::text, '-') from people order by id", String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000003001 00000000-0000-0000-0000-000000001002",
                        "00000000-0000-0000-0000-000000003002 -",
                        "00000000-0000-0000-0000-000000003003 -",
                        "00000000-0000-0000-0000-000000003004 -");
        assertThat(owner.queryForList(
                        "select resource_id::text || ' ' || (details->>'former_user_id') || ' ' || category "
                                + "from activity_log where action = 'person.user_unlinked' order by resource_id",
                        String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000003002 00000000-0000-0000-0000-000000001005 migration",
                        "00000000-0000-0000-0000-000000003004 00000000-0000-0000-0000-000000001001 migration");
    }

    /** V18: the legacy assignment keeps its key and duty, takes its show's org, and the same-org rule is validated. */
    @Test
    void theLegacyAssignmentTakesItsShowsOrganization() {
        assertThat(owner.queryForList(
                        "select show_id::text || ' ' || person_id::text || ' ' || duty || ' ' || org_id::text from show_assignments",
                        String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000005201 00000000-0000-0000-0000-000000003001 FOH " + ORG_A);
        assertThat(owner.queryForObject(
                        "select convalidated from pg_constraint where conname = 'show_assignments_person_in_org'",
                        Boolean.class))
                .isTrue();
    }

    @Test
    void billingLogRowsMoveIntoThePartitionedActivityLog() {
        assertThat(count("activity_log")).as("2 legacy + 3 billing + 2 unlinks").isEqualTo(7);
        assertThat(owner.queryForList(
                        "select id::text || ' ' || coalesce(org_id::text, '-') || ' ' || action || ' ' || coalesce(details::text, '-') "
                                + "from activity_log where category = 'billing' order by id",
                        String.class))
                .containsExactly(
                        "00000000-0000-0000-0000-000000009001 " + ORG_A
                                + " plan_changed {\"new_state\": {\"plan\": \"team_manager\"}, \"triggered_by\": \"admin\", \"previous_state\": {\"plan\": \"solo_artist\"}}",
                        "00000000-0000-0000-0000-000000009002 - plan_created {\"new_state\": {\"plan\": \"enterprise\"}, \"triggered_by\": \"system\"}",
                        "00000000-0000-0000-0000-000000009003 " + ORG_B
                                + " downgraded {\"previous_state\": {\"plan\": \"team_manager\"}}");
        Map<String, Object> legacy =
                owner.queryForMap("select * from activity_log where id = '00000000-0000-0000-0000-000000009011'");
        assertThat(legacy.get("category")).isEqualTo("general");
        assertThat(legacy.get("user_agent")).isEqualTo("Firefox");
        assertThat(legacy.get("ip_address").toString()).isEqualTo("10.0.0.1");
        assertThat(owner.queryForObject(
                        "select relkind::text from pg_class where relname = 'activity_log'", String.class))
                .isEqualTo("p");
        assertThat(owner.queryForObject("select count(*) from activity_log_default", Integer.class))
                .as("every row in a month partition")
                .isZero();
        assertThat(owner.queryForList(
                        "select relname::text from pg_class where relname ~ '^activity_log_\\d{4}_\\d{2}$'",
                        String.class))
                .contains(
                        "activity_log_2025_09",
                        "activity_log_2025_11",
                        "activity_log_2026_01",
                        "activity_log_2026_02",
                        owner.queryForObject(
                                "select 'activity_log_' || to_char(now() + interval '2 months', 'YYYY_MM')",
                                String.class));
    }

    @Test
    void seatsAreComputedAndEntitlementsCombinePlanAndOverrides() {
        Map<String, Object> a = owner.queryForMap("select * from org_entitlements where org_id = '" + ORG_A + "'");
        assertThat(a.get("plan_id")).isEqualTo("team_manager");
        assertThat(a.get("effective_entitlements").toString())
                .contains("\"max_members\": 25")
                .contains("\"reporting\": true");
        assertThat(owner.queryForObject(
                        "select count(*) from information_schema.tables where table_name = 'org_seats'", Integer.class))
                .isZero();
    }

    /**
     * Agreement replaces the one-sided confirmation (V15): a field confirmed on both sides with equal values is agreed,
     * with that value as the agreed one; anything else is not agreed, and every value stays as it was. A side stands
     * behind its value (answered) unless it is the artist team's, equal to the promoter's but not confirmed by both:
     * then it is the artist team's to accept.
     */
    @Test
    void legacyConfirmationsBecomeAgreementOnlyWhereBothSidesConfirmedOneValueAndNoValueChanges() {
        assertThat(advancingValues()).as("every value, before and after").isEqualTo(valuesBefore);
        assertThat(valuesBefore).hasSize(19);
        assertThat(owner.queryForList("""
                        select f.field_name || ' ' || f.party_type || ': ' || f.stance || ', ' || f.agreement
                               || coalesce(', agreed ' || f.agreed_value::text, '')
                               || case when f.agreed_at is null then '' else ' (at)' end
                        from advancing_fields f order by f.sort_order, f.section, f.field_name, f.party_type""", String.class))
                .containsExactlyInAnyOrder(
                        // Confirmed on both sides, equal: agreed (20 and 20.0 are one number to jsonb).
                        "Load-in from_us: answered, agreed, agreed \"14:00\" (at)",
                        "Load-in from_you: answered, agreed, agreed \"14:00\" (at)",
                        "Guest list spots from_us: answered, agreed, agreed 20 (at)",
                        "Guest list spots from_you: answered, agreed, agreed 20.0 (at)",
                        // Confirmed on both sides, different; confirmed on one side, different.
                        "Soundcheck from_us: answered, different",
                        "Soundcheck from_you: answered, different",
                        "Doors from_us: answered, different",
                        "Doors from_you: answered, different",
                        // Equal, but not confirmed by both: the artist team accepts (or not).
                        "Set time from_us: open, waiting_for_artist_team",
                        "Set time from_you: answered, waiting_for_artist_team",
                        "Hotel from_us: open, waiting_for_artist_team",
                        "Hotel from_you: answered, waiting_for_artist_team",
                        // Only one side answered.
                        "Catering from_us: open, waiting_for_artist_team",
                        "Catering from_you: answered, waiting_for_artist_team",
                        "Parking from_us: answered, waiting_for_promoter",
                        "Parking from_you: open, waiting_for_promoter",
                        // Confirmed without a value: nothing to agree on.
                        "Curfew from_us: open, not_started",
                        "Curfew from_you: open, not_started",
                        // A side without its pair keeps its value; there is nothing it could agree with.
                        "Deal from_you: answered, not_started");
        assertThat(owner.queryForObject(
                        "select count(*) from advancing_fields where declined_value is not null or decline_reason is not null",
                        Integer.class))
                .as("nobody declined anything under the old rules")
                .isZero();
        assertThat(owner.queryForObject(
                        "select count(*) from advancing_fields where agreement = 'agreed' and agreed_value <> value",
                        Integer.class))
                .isZero();
        assertThat(owner.queryForObject(
                        "select count(*) from information_schema.columns where table_name = 'advancing_fields' and column_name = 'status'",
                        Integer.class))
                .as("the one-sided confirmation is gone")
                .isZero();
        assertThat(owner.queryForObject("select count(*) from pg_type where typname = 'field_status'", Integer.class))
                .isZero();
    }

    private Map<String, String> advancingValues() {
        Map<String, String> values = new TreeMap<>();
        owner.query(
                "select id::text, coalesce(value::text, '-') from advancing_fields",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> values.put(rs.getString(1), rs.getString(2)));
        return values;
    }

    private List<String> types(String contactId) {
        return owner.queryForList(
                "select type::text from contact_types where contact_id = ?::uuid order by type",
                String.class,
                contactId);
    }

    private int count(String table) {
        return owner.queryForObject("select count(*) from " + table, Integer.class);
    }
}
