package app.roadbook.loadtest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The load test's people, written into the throw-away embedded database of the Roadbook under test by its owner
 * role (the same way the demo seeder writes the demo accounts): {@code members} admins of "Northern Lights Touring",
 * each with a contact of their own to edit, and {@code promoters} promoters, each the promoter of a show of their own
 * with a fresh advance copied from the demo's Copenhagen advance. One virtual user per account, so every session
 * edits its own row and no edit meets a concurrent change. Every account has the demo password. Idempotent: a second
 * run reuses the accounts it finds.
 */
final class LoadTestData {

    static final String PASSWORD = "roadbook-demo";
    static final String ORG = "Northern Lights Touring";
    static final String DOMAIN = "load.roadbook.test";

    /** One account of the load test: what it is, and the row it opens and edits. */
    record Account(String email, boolean promoter, UUID target) {}

    record Prepared(List<Account> members, List<Account> promoters, UUID memberAdvance) {}

    private LoadTestData() {}

    /** Connects as the owner role through the data directory's credentials and the running server's port. */
    static Prepared prepare(Path dataDir, int members, int promoters) throws SQLException, IOException {
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("credentials.properties"))) {
            credentials.load(in);
        }
        // postmaster.pid's fourth line is the port the embedded server listens on.
        String port = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).strip();
        String url = "jdbc:postgresql://localhost:" + port + "/roadbook";
        try (Connection db = DriverManager.getConnection(url, "roadbook_owner", credentials.getProperty("owner"))) {
            db.setAutoCommit(false);
            Prepared prepared = prepare(db, members, promoters);
            db.commit();
            return prepared;
        }
    }

    private static Prepared prepare(Connection db, int memberCount, int promoterCount) throws SQLException {
        UUID org = one(db, "select id from organizations where name = ?", ORG);
        UUID owner = one(db, "select id from app_users where email = 'owner@roadbook.demo'");
        String hash = string(db, "select password_hash from app_users where email = 'owner@roadbook.demo'");
        UUID templateAdvance = one(db, "select id from advancing_sessions where title = 'Copenhagen advance'");
        UUID templateShow = one(db, "select show_id from advancing_sessions where id = ?", templateAdvance);
        UUID memberAdvance = one(db, "select id from advancing_sessions where title = 'Oslo advance'");

        // The demo org's plan (Team Manager) has 10 seats; the load test's hundreds of people get a per-org override,
        // as the platform admin would give a large customer (the seat-limit trigger reads it).
        for (String limit : new String[] {"max_members", "max_collaborators"}) {
            update(
                    db,
                    "insert into org_feature_overrides (org_id, key, value) values (?, ?, '100000'::jsonb)"
                            + " on conflict (org_id, key) do update set value = excluded.value",
                    org,
                    limit);
        }
        List<Account> members = new ArrayList<>();
        for (int i = 1; i <= memberCount; i++) {
            String email = "member-" + i + "@" + DOMAIN;
            UUID user = user(db, email, "Load member " + i, hash);
            update(
                    db,
                    "insert into org_members (org_id, user_id, role) values (?, ?, 'admin') on conflict do nothing",
                    org,
                    user);
            String name = "Load test contact " + i;
            UUID contact = optional(db, "select id from contacts where org_id = ? and name = ?", org, name);
            if (contact == null) {
                contact = one(
                        db,
                        "insert into contacts (org_id, name, company, city, country, created_by)"
                                + " values (?, ?, 'Load Test Ltd', 'Oslo', 'NO', ?) returning id",
                        org,
                        name,
                        owner);
            }
            // A contact needs a type to be saved from its editor.
            update(
                    db,
                    "insert into contact_types (contact_id, org_id, type) values (?, ?, 'promoter') on conflict do nothing",
                    contact,
                    org);
            members.add(new Account(email, false, contact));
        }

        List<Account> promoters = new ArrayList<>();
        for (int i = 1; i <= promoterCount; i++) {
            String email = "promoter-" + i + "@" + DOMAIN;
            UUID user = user(db, email, "Load promoter " + i, hash);
            String title = "Load test advance " + i;
            UUID advance = optional(db, "select id from advancing_sessions where title = ?", title);
            if (advance == null) {
                UUID show = one(
                        db,
                        """
                        insert into shows (org_id, artist_id, venue_id, date, status, title, fee, fee_currency)
                        select org_id, artist_id, venue_id, date + ?, status, 'Load test show ' || ?, fee, fee_currency
                        from shows where id = ? returning id""",
                        30 + i,
                        String.valueOf(i),
                        templateShow);
                update(
                        db,
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        user,
                        org);
                advance = one(
                        db,
                        "insert into advancing_sessions (org_id, show_id, title, created_by) values (?, ?, ?, ?) returning id",
                        org,
                        show,
                        title,
                        owner);
                update(
                        db,
                        """
                        insert into advancing_fields
                            (org_id, session_id, section, field_name, field_type, party_type, sort_order, created_by)
                        select org_id, ?, section, field_name, field_type, party_type, sort_order, created_by
                        from advancing_fields where session_id = ?""",
                        advance,
                        templateAdvance);
            }
            promoters.add(new Account(email, true, advance));
        }
        return new Prepared(members, promoters, memberAdvance);
    }

    private static UUID user(Connection db, String email, String name, String hash) throws SQLException {
        UUID existing = optional(db, "select id from app_users where email = ?", email);
        return existing != null
                ? existing
                : one(
                        db,
                        "insert into app_users (email, display_name, password_hash) values (?, ?, ?) returning id",
                        email,
                        name,
                        hash);
    }

    private static UUID one(Connection db, String sql, Object... args) throws SQLException {
        UUID id = optional(db, sql, args);
        if (id == null) {
            throw new IllegalStateException("Expected a row (is this the demo database?): " + sql);
        }
        return id;
    }

    private static UUID optional(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = bind(db, sql, args);
                ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = bind(db, sql, args)) {
            st.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection db, String sql, Object... args) throws SQLException {
        PreparedStatement st = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }
}
