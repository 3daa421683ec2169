package app.roadbook.base.db;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

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
        Boolean superuser = jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class);
        Boolean bypassRls = jdbc.queryForObject("select rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
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
                order by 1 limit 5
                """, String.class);
        if (!owned.isEmpty()) {
            problems.add("the application role '" + role + "' owns " + String.join(", ", owned)
                    + ", and owners are exempt from row-level security");
        }
        return problems;
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
