package app.roadbook.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.db.EmbeddedDatabase;
import app.roadbook.support.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What the outside attack did as the database's application role, done again: each must now fail. Runs as
 * the app role with RLS on, on a database of its own (decision 0014).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseHardeningTest {

    static final String PASSWORD = "correct horse battery";

    ScratchDatabase db;
    JdbcTemplate owner;
    UUID org, member, colleague, stranger;
    String memberEmail;
    String storedHash;

    @BeforeAll
    void anOrganizationWithTwoMembersAndAStranger() {
        db = new ScratchDatabase();
        db.migrate("latest");
        owner = new JdbcTemplate(db.owner());
        storedHash = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        memberEmail = "member@hardening.test";
        member = user(memberEmail, storedHash);
        colleague = user("colleague@hardening.test", storedHash);
        stranger = user("stranger@hardening.test", storedHash);
        org = owner.queryForObject(
                "insert into organizations (slug, name) values ('hardening', 'Hardening') returning id", UUID.class);
        owner.update(
                "insert into org_members (org_id, user_id, role) values (?, ?, 'owner'), (?, ?, 'viewer')",
                org,
                member,
                org,
                colleague);
        owner.update(
                "insert into org_subscriptions (org_id, plan_id, status) values (?, 'team_manager', 'active')", org);
        owner.update(
                "insert into shows (org_id, date, title, fee) values (?, '2027-03-01', 'Secret fee show', 90000)", org);
    }

    private UUID user(String email, String hash) {
        return owner.queryForObject(
                "insert into app_users (email, display_name, password_hash) values (?, 'Someone', ?) returning id",
                UUID.class,
                email,
                hash);
    }

    // Temporary tables (finding 3) ----------------------------------------------------------------------------------

    @Test
    void theAppRoleCannotCreateTemporaryTables() {
        assertThatThrownBy(() -> asApp(stranger, st -> st.execute("create temporary table org_members (x int)")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void temporaryTablesCannotFoolTheDefinerHelpersEvenWhereTheyMayBeCreated() throws Exception {
        JdbcTemplate superuser = new JdbcTemplate(db.superuser());
        String database = owner.queryForObject("select current_database()", String.class);
        superuser.execute("grant temporary on database " + database + " to " + EmbeddedDatabase.DEFAULT_APP_ROLE);
        try {
            asApp(stranger, st -> {
                st.execute(
                        "create temporary table org_members (org_id uuid, user_id uuid, role org_role, created_at timestamptz)");
                st.execute(
                        "insert into pg_temp.org_members values ('" + org + "', '" + stranger + "', 'owner', now())");
                st.execute(
                        "create temporary table app_users (id uuid, is_platform_admin boolean, disabled_at timestamptz)");
                st.execute("insert into pg_temp.app_users values ('" + stranger + "', true, null)");
                // Readable by the definer too, so a helper that looked into pg_temp would answer from them.
                st.execute("grant select on pg_temp.org_members, pg_temp.app_users to public");
                assertThat(bool(st, "select has_org_role('" + org + "', '{owner}')"))
                        .as("has_org_role")
                        .isFalse();
                assertThat(bool(st, "select is_org_member('" + org + "')"))
                        .as("is_org_member")
                        .isFalse();
                assertThat(bool(st, "select is_platform_admin()"))
                        .as("is_platform_admin")
                        .isFalse();
                assertThat(bool(st, "select exists (select 1 from public.shows)"))
                        .as("another org's show with its fee")
                        .isFalse();
                return null;
            });
        } finally {
            superuser.execute(
                    "revoke temporary on database " + database + " from " + EmbeddedDatabase.DEFAULT_APP_ROLE);
        }
    }

    // Password hashes (finding 6) -----------------------------------------------------------------------------------

    // The directory's definer functions (V17, decision 0018) -------------------------------------------------------

    /** They choose pages and count as the owner: only for a member of the org, never by a sort they do not list. */
    @Test
    void theDirectorysPageAndCountFunctionsAnswerOnlyMembersOfTheOrg() throws Exception {
        owner.update(
                "insert into contacts (org_id, name, email, city) values (?, 'Kari Nordmann', 'kari@hardening.test',"
                        + " 'Oslo')",
                org);
        owner.update(
                "insert into contact_types (contact_id, org_id, type)"
                        + " select id, org_id, 'promoter' from contacts where org_id = ?",
                org);
        String page =
                "select cardinality(contact_page_ids('" + org + "', '%oslo%', 'promoter', '', 'email asc', 0, 50))";
        String count = "select contact_count('" + org + "', '%oslo%', 'promoter', '')";
        // V23: the capped count, and a short search as a prefix of the name or the email.
        String capped = "select contact_count('" + org + "', 'ka%', '', '', 10001)";
        String matching = "select cardinality(contact_ids_matching('" + org + "', 'ka%'))";
        for (UUID reader : new UUID[] {member, colleague}) {
            assertThat(scalarAs(reader, page)).as("a member's page").isEqualTo(1L);
            assertThat(scalarAs(reader, count)).as("a member's count").isEqualTo(1L);
            assertThat(scalarAs(reader, capped)).as("a member's capped count").isEqualTo(1L);
            assertThat(scalarAs(reader, matching))
                    .as("a member's prefix search")
                    .isEqualTo(1L);
        }
        assertThat(scalarAs(stranger, page)).as("a stranger's page").isZero();
        assertThat(scalarAs(stranger, count)).as("a stranger's count").isZero();
        assertThat(scalarAs(stranger, capped)).as("a stranger's capped count").isZero();
        assertThat(scalarAs(stranger, matching))
                .as("a stranger's prefix search")
                .isZero();
        assertThat(scalarAs(null, count)).as("nobody's count").isZero();
        assertThat(scalarAs(null, capped)).as("nobody's capped count").isZero();
        assertThatThrownBy(() -> asApp(
                        member,
                        st -> scalar(st, "select contact_page_ids('" + org + "', '', '', '', 'notes asc', 0, 50)")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("cannot sort by notes asc");
        // V30: the keyset form starts only after a contact of that org, and answers only members.
        UUID kari = owner.queryForObject("select id from contacts where org_id = ?", UUID.class, org);
        String after = "select coalesce(cardinality(contact_page_ids('" + org + "', '', '', '', 'email asc', '" + kari
                + "', 0, 50)), -1)";
        assertThat(scalarAs(member, after))
                .as("a member's page after the only contact")
                .isZero();
        assertThat(scalarAs(stranger, after)).as("a stranger's page").isZero();
        String afterForeign = "select coalesce(cardinality(contact_page_ids('" + org + "', '', '', '', 'email asc', '"
                + UUID.randomUUID() + "', 0, 50)), -1)";
        assertThat(scalarAs(member, afterForeign))
                .as("no contact of the org to start after: NULL, the caller pages by offset")
                .isEqualTo(-1L);
        assertThat(scalarAs(
                        member,
                        "select coalesce(cardinality(contact_page_ids('" + org + "', '', '', '', 'notes asc', '" + kari
                                + "', 0, 50)), -1)"))
                .as("an order it does not list: NULL, and the offset form refuses it")
                .isEqualTo(-1L);
        assertThatThrownBy(() -> asApp(member, st -> scalar(st, "select contact_filter_sql('', '', '')")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    private long scalarAs(UUID user, String sql) throws SQLException {
        Long value = asApp(user, st -> scalar(st, sql));
        return value;
    }

    private static Long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void noMemberReadsAPasswordHashNotEvenTheirOwn() {
        assertThatThrownBy(() -> asApp(
                        colleague,
                        st -> st.executeQuery("select password_hash from app_users where id = '" + member + "'")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() ->
                        asApp(member, st -> st.executeQuery("select * from app_users where id = '" + member + "'")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void theSignInFunctionsHandOutTheSaltButNeverTheHash() throws Exception {
        String setting = text("select setting from app_login_challenge('" + memberEmail + "')");
        String hashField = storedHash.substring(storedHash.lastIndexOf('$') + 1);
        assertThat(storedHash).startsWith(setting + "$");
        assertThat(setting).doesNotContain(hashField);
        String unknown = text("select setting from app_login_challenge('nobody@hardening.test')");
        assertThat(unknown)
                .as("an unknown email gets a made-up salt of the same shape")
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}")
                .isEqualTo(text("select setting from app_login_challenge('NOBODY@hardening.test')"))
                .isNotEqualTo(text("select setting from app_login_challenge('nobody2@hardening.test')"));
        assertThat(text("select count(*)::text from app_login_verify('" + memberEmail + "', 'guess')"))
                .isEqualTo("0");
        assertThat(text("select id::text from app_login_verify('" + memberEmail + "', '" + storedHash + "')"))
                .isEqualTo(member.toString());
        assertThatThrownBy(() ->
                        asApp(null, st -> st.executeQuery("select * from app_login_lookup('" + memberEmail + "')")))
                .as("the old lookup that returned any hash is gone")
                .isInstanceOf(SQLException.class);
    }

    // Sign-in audit rows (findings 8 and 13) ------------------------------------------------------------------------

    @Test
    void aSuccessfulSignInIsRecordedOnlyAsTheAccountThatSignedIn() throws Exception {
        assertThatThrownBy(() -> asApp(
                        null,
                        st -> st.execute(
                                "select record_sign_in('" + memberEmail + "', true, '198.51.100.7', 'x', null)")))
                .as("nobody acting")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("as the account that signed in");
        assertThatThrownBy(() -> asApp(
                        colleague,
                        st -> st.execute(
                                "select record_sign_in('" + memberEmail + "', true, '198.51.100.7', 'x', null)")))
                .as("someone else acting")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> asApp(
                        null,
                        st -> st.execute(
                                "select record_sign_in('" + memberEmail + "', false, '198.51.100.7', 'x', 'made up')")))
                .as("an invented reason")
                .isInstanceOf(SQLException.class);
        asApp(
                member,
                st -> st.execute("select record_sign_in('" + memberEmail + "', true, '198.51.100.7', 'x', null)"));
        assertThat(owner.queryForObject(
                        "select count(*) from activity_log where org_id = ? and action = 'auth.signed_in' "
                                + "and ip_address = '198.51.100.7'",
                        Integer.class,
                        org))
                .isOne();
    }

    @Test
    void refusedSignInsFromOneClientAreCountedNotListed() throws Exception {
        String client = "203.0.113.77";
        for (int i = 0; i < 150; i++) {
            asApp(
                    null,
                    st -> st.execute("select record_sign_in('" + memberEmail + "', false, '" + client
                            + "', 'curl', 'bad_credentials')"));
        }
        // 150 refusals take well under a second; should they straddle a 10-minute boundary, each window counts apart.
        int windows =
                owner.queryForObject("select count(*) from sign_in_refusals where client = ?", Integer.class, client);
        assertThat(windows).isBetween(1, 2);
        assertThat(rows(client, "auth.sign_in_failed"))
                .as("refusals listed one by one")
                .isLessThanOrEqualTo(5 * windows);
        assertThat(rows(client, "auth.sign_in_failures_counted")).isEqualTo(windows);

        assertThat(owner.queryForObject(
                        "select sum(refused) from sign_in_refusals where client = ?", Integer.class, client))
                .as("every refusal is counted")
                .isEqualTo(150);
        int summarized = owner.queryForObject(
                "select coalesce(sum(refused), 0) from sign_in_refusals where client = ? and refused > 5",
                Integer.class,
                client);
        assertThat(summarized).isGreaterThanOrEqualTo(145);

        owner.update(
                "update sign_in_refusals set window_start = window_start - interval '1 hour' where client = ?", client);
        asApp(null, st -> st.execute("select flush_sign_in_refusals()"));
        assertThat(owner.queryForObject("""
                select coalesce(sum((details ->> 'refused')::int), 0) from activity_log
                where org_id = ? and ip_address = ?::inet and action = 'auth.sign_in_failures_summary'""", Integer.class, org, client))
                .as("the totals written when the windows closed")
                .isEqualTo(summarized);
        assertThat(owner.queryForObject(
                        "select count(*) from activity_log where org_id = ? and ip_address = ?::inet",
                        Integer.class,
                        org,
                        client))
                .as("rows written for 150 refusals")
                .isLessThanOrEqualTo(7 * windows);
        assertThat(owner.queryForObject(
                        "select count(*) from sign_in_refusals where client = ?", Integer.class, client))
                .isZero();
    }

    @Test
    void theAppRoleKeepsPartitionsAheadButCannotAskForAnyRange() throws Exception {
        assertThatThrownBy(() -> asApp(null, st -> st.execute("select ensure_activity_log_partitions(500, now())")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThat(text("select ensure_current_activity_log_partitions()::text"))
                .isEqualTo("0");
    }

    private int rows(String client, String action) {
        return owner.queryForObject(
                "select count(*) from activity_log where org_id = ? and ip_address = ?::inet and action = ?",
                Integer.class,
                org,
                client,
                action);
    }

    interface Work<T> {
        T run(Statement st) throws SQLException;
    }

    /** One committed transaction as the application role, acting as {@code user} (null: nobody). */
    private <T> T asApp(UUID user, Work<T> work) throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("select set_config('app.user_id', ?, true)")) {
                set.setString(1, user == null ? "" : user.toString());
                set.execute();
            }
            try (Statement st = c.createStatement()) {
                T result = work.run(st);
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** One value, as the application role with nobody acting. */
    private String text(String sql) throws SQLException {
        return this.<String>asApp(null, st -> string(st, sql));
    }

    private static boolean bool(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String string(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
