package app.roadbook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.db.EmbeddedDatabase;
import app.roadbook.support.ScratchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at a large agency's scale (issue "Fast at a big agency's scale"; docs/performance.md). Builds the
 * dataset of {@code bench/dataset.sql} at a scale factor in a fresh database on the test server, then runs the query
 * shapes the services issue, each as the app role under RLS and, interleaved, as a BYPASSRLS role running the same SQL,
 * and prints median and p95 per shape and the ratio of the medians. Timings are printed, never asserted; what is
 * asserted is that both runs return the same rows (the acting user may read everything the shape asks for).
 *
 * <pre>
 * ./roadbook bench -Dtest=ScaleBenchmark -Droadbook.bench.scale=0.1
 * </pre>
 *
 * Properties: {@code roadbook.bench.scale} (1 = the issue's figures; default 0.1), {@code roadbook.bench.iterations}
 * (timed runs per side; default 15), {@code roadbook.bench.shapes} (only shapes whose name contains one of these, comma-separated),
 * {@code roadbook.bench.migration} (migrate only to this version, e.g. 16 for the figures before V17; on a schema
 * without V17 the shapes use the SQL the services issued before it; the "capped" and "prefix" shapes need V23),
 * {@code roadbook.bench.explain} (true: print each selected shape's plan under RLS with actual rows and buffers).
 */
class ScaleBenchmark {

    static final String BYPASS_ROLE = "roadbook_bench_bypass";
    static final UUID BIG_ORG = md5("org-1");
    static final UUID OWNER = md5("user-1");
    static final UUID PROMOTER = md5("collaborator");
    static final UUID FIRST_ADVANCE = md5("advance-1");
    static final String PAGE = " offset ? rows fetch first ? rows only";

    /** Search terms of every length: hits in names, cities, companies and emails, and misses. */
    static final List<String> SEARCH_TERMS = List.of(
            "oslo",
            "an",
            "e",
            "ber",
            "hansen",
            "nils",
            "company 42",
            "company 4711",
            "@mail7.",
            "c1234@",
            "tromsø",
            "zz",
            "ingrid berg",
            "1999",
            "lars o",
            "q",
            "vien",
            "camille 5",
            "olsen 12",
            "xyz");

    /**
     * ContactSearchImpl.findRows: the page's ids first, then their rows with the types column (before V17: one query
     * computing the types of every row up to the page's end).
     */
    static String contactPage(boolean before, String conditions, String order) {
        String types = "(select string_agg(cast(t.type as varchar), ',' order by t.type) from contact_types t"
                + " where t.contact_id = c.id)";
        String select = "select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status, " + types;
        if (before) {
            return select + " from contacts c where c.org_id = ?" + conditions + " order by " + order + PAGE;
        }
        String inner = ("select c.id from contacts c where c.org_id = ?" + conditions + " order by " + order + PAGE)
                .replaceAll("\\bc\\.", "p.")
                .replace("from contacts c", "from contacts p");
        return select + " from contacts c where c.id in (" + inner + ") order by " + order;
    }

    /**
     * ContactSearchImpl.findRows after V17: the page's ids from contact_page_ids (as the owner, for a member's org),
     * read under RLS, the types column for the page's rows only.
     */
    static String contactPage(String order) {
        return "select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status,"
                + " (select string_agg(cast(t.type as varchar), ',' order by t.type) from contact_types t"
                + " where t.contact_id = c.id) from contacts c where c.org_id = ?"
                + " and cast((c.id = any((select contact_page_ids(?, ?, ?, ?, ?, ?, ?))::uuid[])) as boolean) = true"
                + " order by " + order;
    }

    static List<Object> contactPageParams(String pattern, String types, String order, long offset) {
        return List.of(BIG_ORG, BIG_ORG, pattern, types, "", order, (int) offset, 50);
    }

    /** The directory's shapes as the services issued them before V17. */
    static void contactShapesBeforeV17(List<Shape> shapes, Scale s) {
        shapes.add(new Shape(
                "contacts, first page by name",
                OWNER,
                contactPage(true, "", "lower(c.name), c.id"),
                List.of(BIG_ORG, 0, 50)));
        shapes.add(new Shape(
                "contacts sorted by email, deep page (half way)",
                OWNER,
                contactPage(true, "", "c.email asc nulls last, lower(c.name), c.id"),
                List.of(BIG_ORG, s.contactsBig / 2, 50)));
        shapes.add(new Shape(
                "contacts count", OWNER, "select count(*) from contacts c where c.org_id = ?", List.of(BIG_ORG)));
        String search = " and contact_search_text(c.name, c.company, c.email, c.city) like ? escape '\\'";
        shapes.add(new Shape(
                "contacts count for search \"oslo\"",
                OWNER,
                "select count(*) from contacts c where c.org_id = ?" + search,
                List.of(BIG_ORG, "%oslo%")));
        shapes.add(new Shape(
                "contacts page for search \"oslo\"",
                OWNER,
                contactPage(true, search, "lower(c.name), c.id"),
                List.of(BIG_ORG, "%oslo%", 0, 50)));
        String typed =
                " and exists (select 1 from contact_types t where t.contact_id = c.id and t.type in (?::contact_type))";
        shapes.add(new Shape(
                "contacts page filtered by type",
                OWNER,
                contactPage(true, typed, "lower(c.name), c.id"),
                List.of(BIG_ORG, "agent", 0, 50)));
        shapes.add(new Shape(
                "contacts page filtered by type, deep page (half way)",
                OWNER,
                contactPage(true, typed, "lower(c.name), c.id"),
                List.of(BIG_ORG, "agent", s.contactsBig / 8, 50)));
        shapes.add(new Shape(
                "contacts count filtered by type",
                OWNER,
                "select count(*) from contacts c where c.org_id = ?" + typed,
                List.of(BIG_ORG, "agent")));
    }

    /** The shows list's page parameters (before V17: org, offset, size). */
    static List<Object> showPage(boolean before, long offset) {
        return before
                ? List.of(BIG_ORG, offset, 50)
                : List.of(BIG_ORG, offset, 50, BIG_ORG, offset, offset, BIG_ORG, 50, 50);
    }

    /** One query the services issue. */
    record Shape(String name, UUID user, String sql, List<Object> params) {}

    /** The shapes; {@code before}: as the services issued them before V17 where that changed. */
    static List<Shape> shapes(Scale s, boolean before) {
        List<Shape> shapes = new ArrayList<>();
        // ShowListingImpl.findLines / countLines, upcoming first (before V17: Hibernate's SQL for the JPQL, an offset
        // page over the whole order; after: ids first, each half walking the index from its offset).
        String showLines = before ? """
                select s.id, s.date, s.title, s.status, a.name, v.name, v.city, s.doors_at, s.set_time, v.timezone
                from shows s left join artists a on a.id = s.artist_id left join venues v on v.id = s.venue_id
                where s.org_id = ?
                order by case when s.date < current_date then 1 else 0 end, case when s.date >= current_date then s.date end,
                         s.date desc, s.id""" + PAGE : """
                select s.id, s.date, s.title, cast(s.status as text) as status, a.name as artist_name,
                       v.name as venue_name, v.city as venue_city, s.doors_at, s.set_time, v.timezone
                from shows s left join artists a on a.id = s.artist_id left join venues v on v.id = s.venue_id
                where s.id in (
                    (select s.id from shows s where s.org_id = ? and s.date >= current_date order by s.date, s.id
                     offset ? limit ?)
                    union all
                    (select s.id from shows s where s.org_id = ? and s.date < current_date order by s.date desc, s.id
                     offset case when ? = 0 then 0 else greatest(0, ?
                         - (select count(*) from shows s where s.org_id = ? and s.date >= current_date)) end
                     limit ?))
                order by case when s.date < current_date then 1 else 0 end,
                         case when s.date >= current_date then s.date end, s.date desc, s.id
                limit ?""";
        shapes.add(new Shape("shows list, first page", OWNER, showLines, showPage(before, 0)));
        shapes.add(new Shape("shows list, deep page (half way)", OWNER, showLines, showPage(before, s.showsBig / 2)));
        shapes.add(new Shape(
                "shows count", OWNER, "select count(s.id) from shows s where s.org_id = ?", List.of(BIG_ORG)));
        shapes.add(new Shape(
                "shows count, one artist",
                OWNER,
                "select count(s.id) from shows s where s.org_id = ? and s.artist_id = ?",
                List.of(BIG_ORG, md5("artist-1-7"))));
        // ArtistRepository.findRows: the artists grid, with each artist's shows (before V17 also the artist filter's
        // options); findOptions: the filter's options, names only.
        shapes.add(new Shape("artists with show counts (artists grid)", OWNER, """
                select a.id, a.name, (select count(s.id) from shows s where s.org_id = ? and s.artist_id = a.id)
                from artists a where a.org_id = ? order by lower(a.name)""", List.of(BIG_ORG, BIG_ORG)));
        if (!before) {
            shapes.add(new Shape(
                    "artist filter options",
                    OWNER,
                    "select a.id, a.name from artists a where a.org_id = ? order by lower(a.name), a.id",
                    List.of(BIG_ORG)));
        }
        // ContactSearchImpl.findRows / countRows.
        if (before) {
            contactShapesBeforeV17(shapes, s);
        } else {
            String byName = "lower(c.name), c.id";
            shapes.add(new Shape(
                    "contacts, first page by name", OWNER, contactPage(byName), contactPageParams("", "", "", 0)));
            shapes.add(new Shape(
                    "contacts sorted by email, deep page (half way)",
                    OWNER,
                    contactPage("c.email asc nulls last, lower(c.name), c.id"),
                    contactPageParams("", "", "email asc", s.contactsBig / 2)));
            shapes.add(new Shape(
                    "contacts count", OWNER, "select count(*) from contacts c where c.org_id = ?", List.of(BIG_ORG)));
            shapes.add(new Shape(
                    "contacts count for search \"oslo\"",
                    OWNER,
                    "select contact_count(?, ?, ?, ?)",
                    List.of(BIG_ORG, "%oslo%", "", "")));
            shapes.add(new Shape(
                    "contacts page for search \"oslo\"",
                    OWNER,
                    contactPage(byName),
                    contactPageParams("%oslo%", "", "", 0)));
            shapes.add(new Shape(
                    "contacts page filtered by type",
                    OWNER,
                    contactPage(byName),
                    contactPageParams("", "agent", "", 0)));
            shapes.add(new Shape(
                    "contacts page filtered by type, deep page (half way)",
                    OWNER,
                    contactPage(byName),
                    contactPageParams("", "agent", "", s.contactsBig / 8)));
            shapes.add(new Shape(
                    "contacts count filtered by type",
                    OWNER,
                    "select contact_count(?, ?, ?, ?)",
                    List.of(BIG_ORG, "", "agent", "")));
        }
        if (!before) {
            // V23 (decision 0018): the headings' counts over a sub-select limited to 10,001 rows ("10,000+" above
            // 10,000; the exact counts above stay as "Count exactly"), and one- or two-character searches as a prefix
            // of a name or an email. These need V23's contact_count(…, limit) and prefix indexes.
            String capped = "select count(*) from (select 1 from %s where %s limit 10001) counted";
            shapes.add(new Shape(
                    "shows count, capped", OWNER, capped.formatted("shows s", "s.org_id = ?"), List.of(BIG_ORG)));
            shapes.add(new Shape(
                    "contacts count, capped", OWNER, capped.formatted("contacts c", "c.org_id = ?"), List.of(BIG_ORG)));
            shapes.add(new Shape(
                    "contacts count for search \"oslo\", capped",
                    OWNER,
                    "select contact_count(?, ?, ?, ?, 10001)",
                    List.of(BIG_ORG, "%oslo%", "", "")));
            shapes.add(new Shape(
                    "contacts count filtered by type, capped",
                    OWNER,
                    "select contact_count(?, ?, ?, ?, 10001)",
                    List.of(BIG_ORG, "", "agent", "")));
            shapes.add(new Shape(
                    "audit log count, capped",
                    OWNER,
                    capped.formatted("activity_log l", "l.org_id = ?"),
                    List.of(BIG_ORG)));
            shapes.add(new Shape(
                    "audit log count by category, capped",
                    OWNER,
                    capped.formatted("activity_log l", "l.org_id = ? and l.category = ?"),
                    List.of(BIG_ORG, "security")));
            shapes.add(new Shape(
                    "contacts page for search \"e\" (prefix)",
                    OWNER,
                    contactPage("lower(c.name), c.id"),
                    contactPageParams("e%", "", "", 0)));
            shapes.add(new Shape(
                    "contacts page for search \"zq\" (prefix, no match)",
                    OWNER,
                    contactPage("lower(c.name), c.id"),
                    contactPageParams("zq%", "", "", 0)));
            shapes.add(new Shape(
                    "contacts count for search \"zq\" (prefix, capped)",
                    OWNER,
                    "select contact_count(?, ?, ?, ?, 10001)",
                    List.of(BIG_ORG, "zq%", "", "")));
        }
        // AuditTrail.count / entries.
        shapes.add(new Shape(
                "audit log count", OWNER, "select count(*) from activity_log l where l.org_id = ?", List.of(BIG_ORG)));
        shapes.add(new Shape(
                "audit log count by category",
                OWNER,
                "select count(*) from activity_log l where l.org_id = ? and l.category = ?",
                List.of(BIG_ORG, "security")));
        shapes.add(new Shape("audit log, first page", OWNER, """
                select l.created_at, l.user_id,
                       coalesce(u.display_name, l.details->>'email', case when l.user_id is null then 'Unknown' else 'Someone outside the organization' end),
                       l.category, l.action, l.resource_type || coalesce(' ' || l.resource_id, ''), l.details::text, host(l.ip_address)
                from activity_log l left join app_users u on u.id = l.user_id
                where l.org_id = ? order by l.created_at desc, l.id limit ? offset ?""", List.of(BIG_ORG, 50, 0)));
        // InvitationRepository.findListed.
        shapes.add(new Shape("pending invitations (the org's invitations list)", OWNER, """
                select i.id as id, i.email::text as email, i.show_id as showId, s.title as showTitle,
                       coalesce(i.org_role::text, i.collab_role::text) as role, i.status::text as status,
                       i.expires_at as expiresAt, i.created_at as createdAt
                from invitations i left join shows s on s.id = i.show_id
                where i.org_id = ? order by i.created_at desc limit 500""", List.of(BIG_ORG)));
        // AdvancingFieldRepository.findPairs as the promoter collaborating on show 1, and as the org's owner.
        String grid = """
                select u.section, u.field_name, u.field_type, u.sort_order, u.agreement, u.agreed_value, u.id, u.value,
                       u.stance, u.version, uu.display_name, u.updated_at, u.previous_value, u.declined_value,
                       u.decline_reason, y.id, y.value, y.stance, y.version, yu.display_name, y.updated_at,
                       y.previous_value, y.declined_value, y.decline_reason,
                       (select count(c.id) from advancing_comments c where c.field_id = u.id or c.field_id = y.id)
                from advancing_fields u
                join advancing_fields y on y.session_id = u.session_id and y.section = u.section
                     and y.field_name = u.field_name and y.party_type = ?::party
                left join app_users uu on uu.id = u.updated_by
                left join app_users yu on yu.id = y.updated_by
                where u.session_id = ? and u.party_type = ?::party
                order by u.sort_order, u.section, u.field_name""";
        shapes.add(new Shape(
                "collaborator's advance grid", PROMOTER, grid, List.of("from_you", FIRST_ADVANCE, "from_us")));
        shapes.add(new Shape("owner's advance grid", OWNER, grid, List.of("from_you", FIRST_ADVANCE, "from_us")));
        // AdvancingSessionRepository.findSummaries: a show's advances with their progress.
        shapes.add(new Shape("a show's advances", OWNER, """
                select s.id, s.show_id, s.org_id, s.title, s.expires_at,
                       (select count(f.id) from advancing_fields f where f.session_id = s.id and f.party_type = 'from_us'),
                       (select count(u.id) from advancing_fields u where u.session_id = s.id and u.party_type = 'from_us'
                          and u.agreement = 'agreed')
                from advancing_sessions s where s.show_id = ? order by s.created_at""", List.of(md5("show-1-1"))));
        return shapes;
    }

    /**
     * Deep pages as the grids ask for them since V30 (decision 0018, fourth round): by key, after the row before the
     * page (the last row of the page the grid already has), next to the same page by offset. The rows to start
     * after are looked up here, as the schema owner, before the timed runs.
     */
    static List<Shape> keysetShapes(Connection su, Scale s) throws SQLException {
        List<Shape> shapes = new ArrayList<>();
        long half = s.showsBig / 2;
        Object[] show = row(su, """
                select s.date, s.id from shows s where s.org_id = ?
                order by case when s.date < current_date then 1 else 0 end,
                         case when s.date >= current_date then s.date end, s.date desc, s.id
                offset ? limit 1""", BIG_ORG, half - 1);
        // ShowListingImpl.findLinesAfter.
        String up = "s.org_id = ? and s.date >= current_date and cast(? as date) >= current_date"
                + " and s.date >= ? and (s.date > ? or s.id > ?)";
        String past = "s.org_id = ? and s.date < current_date and s.date <= least(cast(? as date), current_date)"
                + " and (s.date < least(cast(? as date), current_date) or s.id > ?)";
        List<Object> upParams = List.of(BIG_ORG, show[0], show[0], show[0], show[1]);
        List<Object> pastParams = List.of(BIG_ORG, show[0], show[0], show[1]);
        List<Object> params = new ArrayList<>(upParams);
        params.addAll(List.of(0L, 50));
        params.addAll(pastParams);
        params.addAll(List.of(0L, 0L));
        params.addAll(upParams);
        params.addAll(List.of(50, 50));
        shapes.add(new Shape("shows list, deep page by key (half way)", OWNER, """
                select s.id, s.date, s.title, cast(s.status as text) as status, a.name as artist_name,
                       v.name as venue_name, v.city as venue_city, s.doors_at, s.set_time, v.timezone
                from shows s left join artists a on a.id = s.artist_id left join venues v on v.id = s.venue_id
                where s.id in (
                    (select s.id from shows s where %1$s order by s.date, s.id offset ? limit ?)
                    union all
                    (select s.id from shows s where %2$s order by s.date desc, s.id
                     offset case when ? = 0 then 0 else greatest(0, ?
                         - (select count(*) from shows s where %1$s)) end
                     limit ?))
                order by case when s.date < current_date then 1 else 0 end,
                         case when s.date >= current_date then s.date end, s.date desc, s.id
                limit ?""".formatted(up, past), params));
        // ContactSearchImpl.findRowsAfter: the keyset form of contact_page_ids, the offset form as its fallback.
        long contactsHalf = s.contactsBig / 2;
        Object contact = row(su, """
                select c.id from contacts c where c.org_id = ?
                order by c.email asc nulls last, lower(c.name), c.id offset ? limit 1""", BIG_ORG, contactsHalf - 1)[0];
        shapes.add(new Shape(
                "contacts sorted by email, deep page by key (half way)",
                OWNER,
                "select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status,"
                        + " (select string_agg(cast(t.type as varchar), ',' order by t.type) from contact_types t"
                        + " where t.contact_id = c.id) from contacts c where c.org_id = ?"
                        + " and cast((c.id = any((select coalesce(contact_page_ids(?, ?, ?, ?, ?, ?, ?, ?),"
                        + " contact_page_ids(?, ?, ?, ?, ?, ?, ?)))::uuid[])) as boolean) = true"
                        + " order by c.email asc nulls last, lower(c.name), c.id",
                List.of(
                        BIG_ORG,
                        BIG_ORG,
                        "",
                        "",
                        "",
                        "email asc",
                        contact,
                        0,
                        50,
                        BIG_ORG,
                        "",
                        "",
                        "",
                        "email asc",
                        (int) contactsHalf,
                        50)));
        // The directory filtered by type (agents, about a quarter of the org), by name, half way down the agents.
        long agentsHalf = s.contactsBig / 8;
        Object agent = row(su, """
                select c.id from contacts c where c.org_id = ? and exists (select 1 from contact_types t
                    where t.contact_id = c.id and t.type = 'agent')
                order by lower(c.name), c.id offset ? limit 1""", BIG_ORG, agentsHalf - 1)[0];
        shapes.add(new Shape(
                "contacts page filtered by type, deep page by key (half way)",
                OWNER,
                "select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status,"
                        + " (select string_agg(cast(t.type as varchar), ',' order by t.type) from contact_types t"
                        + " where t.contact_id = c.id) from contacts c where c.org_id = ?"
                        + " and cast((c.id = any((select coalesce(contact_page_ids(?, ?, ?, ?, ?, ?, ?, ?),"
                        + " contact_page_ids(?, ?, ?, ?, ?, ?, ?)))::uuid[])) as boolean) = true"
                        + " order by lower(c.name), c.id",
                List.of(
                        BIG_ORG,
                        BIG_ORG,
                        "",
                        "agent",
                        "",
                        "name asc",
                        agent,
                        0,
                        50,
                        BIG_ORG,
                        "",
                        "agent",
                        "",
                        "name asc",
                        (int) agentsHalf,
                        50)));
        // AuditTrail.entries: by offset and by key, half way down the org's log (targets' names left out).
        long logHalf = s.logBig / 2;
        Object[] entry = row(su, """
                select l.created_at, l.id from activity_log l where l.org_id = ?
                order by l.created_at desc, l.id offset ? limit 1""", BIG_ORG, logHalf - 1);
        String audit = """
                select l.created_at, l.user_id,
                       coalesce(u.display_name, l.details->>'email', case when l.user_id is null then 'Unknown' else 'Someone outside the organization' end),
                       l.category, l.action, l.resource_type || coalesce(' ' || l.resource_id, ''), l.details::text, host(l.ip_address), l.id
                from activity_log l left join app_users u on u.id = l.user_id
                where l.org_id = ?%s order by l.created_at desc, l.id limit ? offset ?""";
        shapes.add(new Shape(
                "audit log, deep page (half way)", OWNER, audit.formatted(""), List.of(BIG_ORG, 50, logHalf)));
        shapes.add(new Shape(
                "audit log, deep page by key (half way)",
                OWNER,
                audit.formatted(" and l.created_at <= ? and (l.created_at < ? or l.id > ?)"),
                List.of(BIG_ORG, entry[0], entry[0], entry[1], 50, 0L)));
        return shapes;
    }

    private static Object[] row(Connection su, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = su.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                su.commit();
                return row;
            }
        }
    }

    /** The dataset's sizes at a scale factor; scale 1 is the issue's agency. */
    record Scale(double factor, int orgs, long showsBig, long contactsBig, long advances, long logBig) {

        static Scale of(double f) {
            return new Scale(
                    f,
                    20,
                    atLeast(200_000 * f, 100),
                    atLeast(200_000 * f, 100),
                    atLeast(50_000 * f, 10),
                    atLeast(1_000_000 * f, 100));
        }

        Map<String, Long> placeholders() {
            Map<String, Long> p = new LinkedHashMap<>();
            p.put("orgs", (long) orgs);
            p.put("artists", 200L);
            p.put("venues", 500L);
            p.put("shows_big", showsBig);
            p.put("shows_other", atLeast(800_000 * factor / (orgs - 1), 20));
            p.put("contacts_big", contactsBig);
            p.put("contacts_other", atLeast(10_000 * factor, 10));
            p.put("advances", advances);
            p.put("field_pairs", 15L);
            p.put("invitations_big", atLeast(2_000 * factor, 40));
            p.put("invitations_other", atLeast(100 * factor, 5));
            p.put("log_big", logBig);
            p.put("log_other", atLeast(4_000_000 * factor / (orgs - 1), 20));
            return p;
        }

        private static long atLeast(double n, long min) {
            return Math.max(min, Math.round(n));
        }
    }

    @Test
    void queryShapesUnderRlsAndWithout() throws Exception {
        Scale scale = Scale.of(Double.parseDouble(System.getProperty("roadbook.bench.scale", "0.1")));
        int iterations = Integer.getInteger("roadbook.bench.iterations", 15);
        List<String> only =
                Arrays.asList(System.getProperty("roadbook.bench.shapes", "").split(","));
        String migration = System.getProperty("roadbook.bench.migration", "latest");
        ScratchDatabase db = new ScratchDatabase();
        db.migrate(migration);
        boolean before = !schemaHasV17(db);
        long start = System.nanoTime();
        build(db, scale);
        System.out.printf(
                Locale.ROOT,
                "%nScale %s (migrated to %s): dataset built in %.1f s%n",
                scale.factor(),
                migration,
                (System.nanoTime() - start) / 1e9);

        try (Connection app = db.app().getConnection();
                Connection bypass = db.superuser().getConnection()) {
            app.setAutoCommit(false);
            bypass.setAutoCommit(false);
            try (Statement st = bypass.createStatement();
                    ResultSet rs = st.executeQuery("""
                            select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name)
                            from pg_settings where name in ('server_version', 'shared_buffers', 'work_mem', 'jit',
                                'max_parallel_workers_per_gather', 'effective_cache_size', 'random_page_cost')""")) {
                rs.next();
                System.out.printf(
                        Locale.ROOT,
                        "%d cores, %s; PostgreSQL: %s%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.arch"),
                        rs.getString(1));
            }
            bypass.commit();
            Runner runner = new Runner(app, bypass);
            System.out.printf(
                    Locale.ROOT,
                    "%n%-50s %10s %10s %10s %10s %7s %8s%n",
                    "shape (big org)",
                    "RLS med",
                    "RLS p95",
                    "noRLS med",
                    "noRLS p95",
                    "ratio",
                    "rows");
            List<Shape> all = new ArrayList<>(shapes(scale, before));
            if (!before && schemaHasV30(db)) {
                all.addAll(keysetShapes(bypass, scale));
            }
            for (Shape shape : all) {
                if (only.stream().anyMatch(shape.name()::contains)) {
                    runner.report(shape.name(), shape.user(), shape.sql(), shape.params(), iterations);
                }
            }
            if (only.stream().anyMatch("contacts search page"::contains)) {
                runner.searchTerms(before, iterations);
            }
            if (!before && only.stream().anyMatch("csv import"::contains)) {
                csvImport(app, Math.max(1, iterations / 5), false);
                csvImport(app, Math.max(1, iterations / 5), true);
            }
            if (only.stream().anyMatch("concurrent clients"::contains)) {
                concurrentClients(db, shapes(scale, before));
            }
        }
        hold(db);
    }

    /**
     * With {@code -Droadbook.bench.hold=SECONDS}: keeps the database (and its server) up that long after the run and
     * prints how to reach it, for EXPLAIN (ANALYZE, BUFFERS) on the built dataset (in a transaction, as the app does:
     * {@code begin; set local role roadbook_app; select set_config('app.user_id', '…', true);}).
     */
    static void hold(ScratchDatabase db) throws InterruptedException {
        int seconds = Integer.getInteger("roadbook.bench.hold", 0);
        if (seconds <= 0) {
            return;
        }
        var su = (org.springframework.jdbc.datasource.DriverManagerDataSource) db.superuser();
        String url = su.getUrl().replace("jdbc:postgresql://", "");
        System.out.printf(
                Locale.ROOT,
                "%nHolding the database for %d s: PGPASSWORD=%s psql -h %s -p %s -U %s %s (org 1 owner %s, promoter %s)%n",
                seconds,
                su.getPassword(),
                url.substring(0, url.indexOf(':')),
                url.substring(url.indexOf(':') + 1, url.indexOf('/')),
                su.getUsername(),
                url.substring(url.indexOf('/') + 1).replaceAll("\\?.*", ""),
                OWNER,
                PROMOTER);
        System.out.flush();
        Thread.sleep(seconds * 1000L);
    }

    /**
     * ContactImport.commit's statements (V17 onwards: one multi-row insert per 500 rows for the contacts, one for
     * their types) for 10,000 new contacts into the big org, as its owner under RLS, each run rolled back. Prints the
     * median time and rows per second. (ContactsBenchmark times the whole service, preview included, in a new org.)
     */
    static void csvImport(Connection app, int runs, boolean singleRows) throws SQLException {
        int rows = 10_000;
        int batch = 500;
        long[] nanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            try (PreparedStatement ps = app.prepareStatement("select set_config('app.user_id', ?, true)")) {
                ps.setString(1, OWNER.toString());
                ps.execute();
            }
            long start = System.nanoTime();
            for (int from = 0; from < rows; from += batch) {
                int n = Math.min(batch, rows - from);
                UUID[] ids = new UUID[n];
                String[][] text = new String[9][n];
                java.math.BigDecimal[] rates = new java.math.BigDecimal[n];
                String[] types = new String[n];
                for (int i = 0; i < n; i++) {
                    int k = from + i;
                    ids[i] = UUID.randomUUID();
                    text[0][i] = "Imported " + k;
                    text[1][i] = "imported" + k + "-" + run + "@bench.test";
                    text[2][i] = "+47 " + (10_000_000 + k);
                    text[3][i] = "Company " + (k % 97);
                    text[5][i] = "City " + (k % 13);
                    text[6][i] = "NO";
                    text[8][i] = "active";
                    rates[i] = k % 2 == 0 ? new java.math.BigDecimal("2.50") : null;
                    types[i] = "promoter";
                }
                if (singleRows) {
                    singleRowBatches(app, ids, text, rates, types);
                    continue;
                }
                try (PreparedStatement ps = app.prepareStatement("""
                        insert into contacts (id, org_id, name, email, phone, company, role_title, city, country,
                                              notes, status, commission_rate, created_by)
                        select u.id, ?, u.name, u.email::citext, u.phone, u.company, u.role_title, u.city, u.country,
                               u.notes, u.status, u.rate, current_app_user_id()
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::numeric[])
                             as u(id, name, email, phone, company, role_title, city, country, notes, status, rate)""")) {
                    ps.setObject(1, BIG_ORG);
                    ps.setArray(2, app.createArrayOf("uuid", ids));
                    for (int c = 0; c < 9; c++) {
                        ps.setArray(3 + c, app.createArrayOf("text", text[c]));
                    }
                    ps.setArray(12, app.createArrayOf("numeric", rates));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = app.prepareStatement("""
                        insert into contact_types (contact_id, org_id, type)
                        select u.contact_id, ?, u.type::contact_type from unnest(?::uuid[], ?::text[]) as u(contact_id, type)""")) {
                    ps.setObject(1, BIG_ORG);
                    ps.setArray(2, app.createArrayOf("uuid", ids));
                    ps.setArray(3, app.createArrayOf("text", types));
                    ps.executeUpdate();
                }
            }
            nanos[run] = System.nanoTime() - start;
            app.rollback();
        }
        double median = Runner.percentile(nanos, 50);
        System.out.printf(
                Locale.ROOT,
                "%ncsv import, %,d contacts into the big org, %s (%d runs, rolled back): median %.0f ms, %.0f rows/s%n",
                rows,
                singleRows ? "JDBC batches of single-row inserts (before V17)" : "multi-row inserts of 500",
                runs,
                median,
                rows * 1000.0 / median);
    }

    /** ContactImport.commit before V17: JDBC batches of single-row inserts, 500 a batch. */
    static void singleRowBatches(
            Connection app, UUID[] ids, String[][] text, java.math.BigDecimal[] rates, String[] types)
            throws SQLException {
        try (PreparedStatement ps = app.prepareStatement("""
                insert into contacts (id, org_id, name, email, phone, company, role_title, city, country, commission_rate,
                                      notes, status, created_by)
                values (?, ?, ?, ?::citext, ?, ?, ?, ?, ?, ?, ?, ?, current_app_user_id())""")) {
            for (int i = 0; i < ids.length; i++) {
                ps.setObject(1, ids[i]);
                ps.setObject(2, BIG_ORG);
                ps.setString(3, text[0][i]);
                ps.setString(4, text[1][i]);
                ps.setString(5, text[2][i]);
                ps.setString(6, text[3][i]);
                ps.setString(7, text[4][i]);
                ps.setString(8, text[5][i]);
                ps.setString(9, text[6][i]);
                ps.setBigDecimal(10, rates[i]);
                ps.setString(11, text[7][i]);
                ps.setString(12, text[8][i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = app.prepareStatement(
                "insert into contact_types (contact_id, org_id, type) values (?, ?, ?::contact_type)")) {
            for (int i = 0; i < ids.length; i++) {
                ps.setObject(1, ids[i]);
                ps.setObject(2, BIG_ORG);
                ps.setString(3, types[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The shapes the throughput run mixes: the quick ones a screen issues on every visit. */
    static final List<String> QUICK_SHAPES = List.of(
            "shows list, first page",
            "shows count, one artist",
            "contacts, first page by name",
            "contacts page for search \"oslo\"",
            "contacts page filtered by type",
            "audit log, first page",
            "pending invitations (the org's invitations list)",
            "collaborator's advance grid",
            "owner's advance grid",
            "a show's advances");

    /**
     * Throughput with {@code roadbook.bench.clients} (default 20) concurrent clients, each on its own connection
     * running the quick shapes in turn, one transaction each, for {@code roadbook.bench.seconds} (default 10) as the
     * app role under RLS, then as long as the bypass role; prints statements per second and the ratio.
     */
    static void concurrentClients(ScratchDatabase db, List<Shape> all) throws Exception {
        int clients = Integer.getInteger("roadbook.bench.clients", 20);
        int seconds = Integer.getInteger("roadbook.bench.seconds", 10);
        List<Shape> quick =
                all.stream().filter(s -> QUICK_SHAPES.contains(s.name())).toList();
        double[] perSecond = new double[2];
        for (int side = 0; side < 2; side++) {
            boolean asBypass = side == 1;
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < clients; t++) {
                int first = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try (Connection c =
                            asBypass ? db.superuser().getConnection() : db.app().getConnection()) {
                        c.setAutoCommit(false);
                        for (int i = first; System.nanoTime() < end; i++) {
                            Shape shape = quick.get(i % quick.size());
                            Runner.run(c, asBypass, shape.user(), shape.sql(), shape.params(), null);
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
            perSecond[side] = done.get() / (double) seconds;
        }
        System.out.printf(
                Locale.ROOT,
                "%n%d concurrent clients, %d quick shapes in turn, %d s per side: %.0f statements/s under RLS, %.0f without,"
                        + " ratio %.2f%n",
                clients,
                quick.size(),
                seconds,
                perSecond[0],
                perSecond[1],
                perSecond[0] / perSecond[1]);
    }

    /** Before V17 the shapes are what the services issued then (the search's LIKE, the type filter without org). */
    static boolean schemaHasV17(ScratchDatabase db) throws SQLException {
        try (Connection owner = db.owner().getConnection();
                Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from flyway_schema_history where version = '17'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    static boolean schemaHasV30(ScratchDatabase db) throws SQLException {
        try (Connection owner = db.owner().getConnection();
                Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from flyway_schema_history where version = '30'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** Builds the dataset as the owner: one transaction of set-based statements, then VACUUM ANALYZE. */
    static void build(ScratchDatabase db, Scale scale) throws SQLException, IOException {
        String script;
        try (InputStream in = ScaleBenchmark.class.getResourceAsStream("/bench/dataset.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, Long> p : scale.placeholders().entrySet()) {
            script = script.replace("{{" + p.getKey() + "}}", Long.toString(p.getValue()));
        }
        try (Connection owner = db.owner().getConnection();
                Statement st = owner.createStatement()) {
            owner.setAutoCommit(false);
            st.execute(script);
            owner.commit();
            owner.setAutoCommit(true);
            // As autovacuum would have by then: statistics and the visibility map (index-only scans).
            st.execute("vacuum analyze app_users, organizations, org_members, org_subscriptions, artists, venues,"
                    + " shows, contacts, contact_types, advancing_sessions, advancing_fields, advancing_comments,"
                    + " show_collaborators, invitations, activity_log");
        }
        try (Connection su = db.superuser().getConnection();
                Statement st = su.createStatement()) {
            // The same privileges as the app role, and BYPASSRLS: the same SQL without the policies.
            st.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + BYPASS_ROLE + "') then"
                    + " create role " + BYPASS_ROLE + " nologin bypassrls; end if; end $$");
            st.execute("grant " + EmbeddedDatabase.DEFAULT_APP_ROLE + " to " + BYPASS_ROLE);
        }
    }

    /** Runs one shape as the app role and as the bypass role, alternating, and prints the figures. */
    static final class Runner {
        private final Connection app;
        private final Connection bypass;

        Runner(Connection app, Connection bypass) {
            this.app = app;
            this.bypass = bypass;
        }

        void report(String name, UUID user, String sql, List<Object> params, int iterations) throws SQLException {
            long[] rls = new long[iterations];
            long[] none = new long[iterations];
            int rowsRls = run(app, false, user, sql, params, null);
            int rowsNone = run(bypass, true, user, sql, params, null);
            run(app, false, user, sql, params, null);
            run(bypass, true, user, sql, params, null);
            for (int i = 0; i < iterations; i++) {
                // Alternate which side goes first, so neither always runs on the other's warm cache.
                if (i % 2 == 0) {
                    run(app, false, user, sql, params, rls, i);
                    run(bypass, true, user, sql, params, none, i);
                } else {
                    run(bypass, true, user, sql, params, none, i);
                    run(app, false, user, sql, params, rls, i);
                }
            }
            assertThat(rowsRls).as(name + ": rows under RLS = rows without").isEqualTo(rowsNone);
            print(name, rls, none, rowsRls);
            if (Boolean.getBoolean("roadbook.bench.explain")) {
                explain(user, sql, params);
            }
        }

        /**
         * With {@code -Droadbook.bench.explain=true}: the shape's plan under RLS with actual rows and buffers, for
         * docs/performance.md (a definer function's own plan is not shown: EXPLAIN shows its call).
         */
        private void explain(UUID user, String sql, List<Object> params) throws SQLException {
            try {
                try (PreparedStatement ps = app.prepareStatement("select set_config('app.user_id', ?, true)")) {
                    ps.setString(1, user.toString());
                    ps.execute();
                }
                try (PreparedStatement ps =
                        app.prepareStatement("explain (analyze, buffers, costs off, timing off) " + sql)) {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("    | " + rs.getString(1));
                        }
                    }
                }
            } finally {
                app.commit();
            }
        }

        /** Contacts search: the page query for each term, as the directory issues it; p95 over the terms. */
        void searchTerms(boolean before, int iterations) throws SQLException {
            String sql = before
                    ? contactPage(
                            true,
                            " and contact_search_text(c.name, c.company, c.email, c.city) like ? escape '\\'",
                            "lower(c.name), c.id")
                    : contactPage("lower(c.name), c.id");
            int rounds = Math.max(1, iterations / 5);
            long[] rls = new long[SEARCH_TERMS.size() * rounds];
            long[] none = new long[SEARCH_TERMS.size() * rounds];
            int k = 0;
            for (int round = 0; round < rounds; round++) {
                for (String term : SEARCH_TERMS) {
                    // As ContactSearchImpl.pattern: under three characters a prefix (V23), else anywhere.
                    String pattern = before || term.length() >= 3
                            ? "%" + term.toLowerCase(Locale.ROOT) + "%"
                            : term.toLowerCase(Locale.ROOT) + "%";
                    List<Object> params =
                            before ? List.of(BIG_ORG, pattern, 0, 50) : contactPageParams(pattern, "", "", 0);
                    if (round == 0) {
                        run(app, false, OWNER, sql, params, null);
                        run(bypass, true, OWNER, sql, params, null);
                    }
                    run(app, false, OWNER, sql, params, rls, k);
                    run(bypass, true, OWNER, sql, params, none, k);
                    k++;
                }
            }
            print("contacts search page, " + SEARCH_TERMS.size() + " terms", rls, none, -1);
        }

        private static void print(String name, long[] rls, long[] none, int rows) {
            double rlsMedian = percentile(rls, 50);
            double noneMedian = percentile(none, 50);
            System.out.printf(
                    Locale.ROOT,
                    "%-50s %10.2f %10.2f %10.2f %10.2f %7.2f %8s%n",
                    name,
                    rlsMedian,
                    percentile(rls, 95),
                    noneMedian,
                    percentile(none, 95),
                    rlsMedian / Math.max(noneMedian, 0.001),
                    rows < 0 ? "" : Integer.toString(rows));
        }

        static int run(Connection c, boolean asBypass, UUID user, String sql, List<Object> params, long[] into)
                throws SQLException {
            return run(c, asBypass, user, sql, params, into, 0);
        }

        /** One transaction as the app does it (the acting user set first); only the query itself is timed. */
        private static int run(
                Connection c, boolean asBypass, UUID user, String sql, List<Object> params, long[] into, int slot)
                throws SQLException {
            try {
                try (Statement st = c.createStatement()) {
                    if (asBypass) {
                        st.execute("set local role " + BYPASS_ROLE);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("select set_config('app.user_id', ?, true)")) {
                    ps.setString(1, user.toString());
                    ps.execute();
                }
                int rows = 0;
                long start = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
                if (into != null) {
                    into[slot] = System.nanoTime() - start;
                }
                return rows;
            } finally {
                c.commit();
            }
        }

        /** In milliseconds, from nanoseconds; nearest rank. */
        static double percentile(long[] nanos, int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1e6;
        }
    }

    static List<Object> concat(List<Object> head, Object... tail) {
        List<Object> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    static UUID md5(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (d[i] & 0xff);
                lo = (lo << 8) | (d[i + 8] & 0xff);
            }
            return new UUID(hi, lo);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
