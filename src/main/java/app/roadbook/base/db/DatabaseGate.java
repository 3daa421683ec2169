package app.roadbook.base.db;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-up checks that the application's database role cannot get around row-level security.
 * Runs as the application role itself, after the migrations, before anything is served.
 */
public class DatabaseGate {

    private final JdbcTemplate jdbc;

    public DatabaseGate(DataSource appDataSource) {
        this.jdbc = new JdbcTemplate(appDataSource);
    }

    /** What is wrong with the database, one sentence each; empty when it is safe to serve. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String role = jdbc.queryForObject("select current_user", String.class);
        Boolean superuser =
                jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class);
        Boolean bypassRls =
                jdbc.queryForObject("select rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
        if (Boolean.TRUE.equals(superuser)) {
            problems.add("the application role '" + role + "' is a superuser, which ignores row-level security");
        }
        if (Boolean.TRUE.equals(bypassRls)) {
            problems.add("the application role '" + role + "' has BYPASSRLS, which ignores row-level security");
        }
        List<String> owned = jdbc.queryForList("""
                select format('%s %I.%I', case c.relkind when 'r' then 'table' when 'p' then 'table'
                              when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                              else 'relation' end, n.nspname, c.relname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relowner = (select oid from pg_roles where rolname = current_user)
                  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
                  and n.nspname not like 'pg_temp%'
                union all
                select format('function %I.%I', n.nspname, p.proname)
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where p.proowner = (select oid from pg_roles where rolname = current_user)
                  and n.nspname not like 'pg_temp%'
                union all
                select format('schema %I', n.nspname) from pg_namespace n
                where n.nspowner = (select oid from pg_roles where rolname = current_user)
                  and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'
                order by 1
                """, String.class);
        if (!owned.isEmpty()) {
            problems.add("the application role '" + role + "' owns " + owned.size() + " object(s) (" + some(owned)
                    + "), and owners are exempt from row-level security");
        }
        if (Boolean.TRUE.equals(
                jdbc.queryForObject("select has_database_privilege(current_database(), 'TEMPORARY')", Boolean.class))) {
            problems.add(
                    "the application role '" + role + "' may create temporary tables, which can shadow the tables"
                            + " security-definer functions read (REVOKE TEMPORARY ON DATABASE ... FROM PUBLIC and from the role)");
        }
        problems.addAll(catalogProblems());
        return problems;
    }

    /** The schema's side of the contract (docs/product.md, section 3); every query reads the catalog only. */
    private List<String> catalogProblems() {
        List<String> problems = new ArrayList<>();
        List<String> noRls = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
                  and c.relname <> 'flyway_schema_history' order by 1""", String.class);
        if (!noRls.isEmpty()) {
            problems.add("row-level security is off on " + some(noRls));
        }
        // Partitions are reached through their parent, whose policies apply; they need RLS on, not policies.
        List<String> noPolicy = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                  and c.relname <> 'flyway_schema_history'
                  and not exists (select 1 from pg_policy p where p.polrelid = c.oid) order by 1""", String.class);
        if (!noPolicy.isEmpty()) {
            problems.add("these tables have no policy: " + some(noPolicy));
        }
        List<String> definerViews = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'v'
                  and not coalesce('security_invoker=true' = any (c.reloptions)
                                   or 'security_invoker=on' = any (c.reloptions), false) order by 1""", String.class);
        if (!definerViews.isEmpty()) {
            problems.add("these views are not security_invoker: " + some(definerViews));
        }
        List<String> matviews = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'm' and has_table_privilege(c.oid, 'SELECT') order by 1""", String.class);
        if (!matviews.isEmpty()) {
            problems.add("the application role can read materialized views, which bypass row-level security: "
                    + some(matviews));
        }
        List<String> unpinned = jdbc.queryForList("""
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and p.prosecdef
                  and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) cfg where cfg like 'search_path=%')
                order by 1""", String.class);
        if (!unpinned.isEmpty()) {
            problems.add("these SECURITY DEFINER functions do not pin search_path: " + some(unpinned));
        }
        // Unless search_path names pg_temp, PostgreSQL searches the session's temporary schema first.
        List<String> tempFirst = jdbc.queryForList("""
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and p.prosecdef
                  and exists (select 1 from unnest(coalesce(p.proconfig, '{}')) cfg
                              where cfg like 'search_path=%' and cfg !~ '(=|,)\\s*pg_temp\\s*$')
                order by 1""", String.class);
        if (!tempFirst.isEmpty()) {
            problems.add("these SECURITY DEFINER functions do not put pg_temp last in their search_path, so temporary"
                    + " tables could shadow what they read: " + some(tempFirst));
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("""
                select to_regclass('public.app_users') is not null
                   and has_column_privilege('public.app_users', 'password_hash', 'SELECT')""", Boolean.class))) {
            problems.add("the application role may read app_users.password_hash; only the sign-in functions may");
        }
        List<String> partitionsGranted = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relispartition
                  and (has_table_privilege(c.oid, 'SELECT') or has_table_privilege(c.oid, 'INSERT')) order by 1""", String.class);
        if (!partitionsGranted.isEmpty()) {
            problems.add("the application role may use partitions directly: " + some(partitionsGranted));
        }
        return problems;
    }

    /** A list as a sentence can hold it: the first few names and how many more. */
    static String some(List<String> names) {
        int shown = Math.min(names.size(), 5);
        String first = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? first + " and " + (names.size() - shown) + " more" : first;
    }

    public void check() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new DatabaseGateException("Roadbook refuses to start because " + String.join("; ", problems)
                    + ". Connect with a role that is NOSUPERUSER, NOBYPASSRLS and owns nothing"
                    + " (SPRING_DATASOURCE_USERNAME), and run the migrations as the owner (SPRING_FLYWAY_USER).");
        }
    }
}
