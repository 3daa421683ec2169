package app.roadbook.demo;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo org's crew roster and who works which of its shows (issue 16). Erin Editor, a member account, is the tour
 * manager; everyone has a phone number, as a day sheet needs. Written with the owner connection like the rest of the
 * demo: seeding runs before anyone is signed in, so there is no acting user for the services' row-level security.
 */
final class DemoCrew {

    // name, role, email, phone, notes; the first is the editor's member account
    private static final String[][] PEOPLE = {
        {"Erin Editor", "Tour manager", "editor@roadbook.demo", "+47 412 00 101", "Advances every show; call first."},
        {"Jonas Berg", "Production manager", "jonas@northernlights.example", "+47 412 00 102", null},
        {"Maja Lund", "FOH engineer", "maja@northernlights.example", "+47 412 00 103", "Brings her own console files."},
        {"Sven Aas", "Lighting designer", "sven@northernlights.example", "+46 70 200 10 04", null},
        {"Kari Holm", "Backline tech", "kari@northernlights.example", "+47 412 00 105", null},
        {"Lars Vik", "Driver", null, "+47 412 00 106", "Holds the nightliner keys; rest day after long drives."},
    };

    // person index → duty on every show of the tour
    private static final String[] DUTIES = {
        "Tour manager", "Production manager", "FOH engineer", "Lighting designer", "Backline tech", "Driver"
    };

    private DemoCrew() {}

    // SQL: seed rows as the database owner; no acting user exists yet for the services and their row-level security.
    static void seed(JdbcTemplate owner, UUID orgId, UUID editor) {
        List<UUID> shows = owner.queryForList(
                "select id from shows where org_id = ? and status <> 'cancelled' order by date, id", UUID.class, orgId);
        for (int i = 0; i < PEOPLE.length; i++) {
            String[] p = PEOPLE[i];
            UUID person =
                    owner.queryForObject("""
                    insert into people (org_id, user_id, name, role_title, email, phone, notes, member_type)
                    values (?, ?, ?, ?, ?, ?, ?, 'Crew') returning id""", UUID.class, orgId, i == 0 ? editor : null, p[0], p[1], p[2], p[3], p[4]);
            for (int s = 0; s < shows.size(); s++) {
                // The lighting designer skips the last (draft) show; everyone else works the whole run.
                if (i == 3 && s == shows.size() - 1) {
                    continue;
                }
                owner.update(
                        "insert into show_assignments (show_id, person_id, org_id, duty) values (?, ?, ?, ?)",
                        shows.get(s),
                        person,
                        orgId,
                        DUTIES[i]);
            }
        }
    }
}
