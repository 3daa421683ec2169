package app.roadbook.crew;

import app.roadbook.support.Fixtures;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test's own organization with a member per role, and shows written as the schema owner. */
public final class CrewWorld {

    public final UUID org;
    public final UUID owner;
    public final UUID editor;
    public final UUID viewer;
    public final UUID outsider;
    public final UUID promoter;
    private final JdbcTemplate jdbc;

    public CrewWorld(Fixtures fixtures) {
        this.jdbc = fixtures.owner();
        owner = fixtures.user("Owner");
        org = fixtures.organization("Crew Touring", owner);
        editor = fixtures.user("Editor");
        fixtures.member(org, editor, "editor");
        viewer = fixtures.user("Viewer");
        fixtures.member(org, viewer, "viewer");
        outsider = fixtures.user("Outsider");
        fixtures.organization("Elsewhere Touring", outsider);
        promoter = fixtures.user("Promoter");
    }

    /** A show of the org on {@code date}, at a venue of its own. */
    public UUID show(String title, LocalDate date, String venue, String city) {
        UUID venueId = jdbc.queryForObject(
                "insert into venues (org_id, name, city, timezone) values (?, ?, ?, 'Europe/Oslo') returning id",
                UUID.class,
                org,
                venue,
                city);
        return jdbc.queryForObject(
                "insert into shows (org_id, venue_id, date, title, status) values (?, ?, ?, ?, 'confirmed') returning id",
                UUID.class,
                org,
                venueId,
                date,
                title);
    }

    /** Grants the promoter the show, as an accepted show invitation would. */
    public void grant(UUID show) {
        jdbc.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                show,
                promoter,
                org);
    }

    public long logged(String action) {
        return jdbc.queryForObject(
                "select count(*) from activity_log where org_id = ? and action = ?", Long.class, org, action);
    }

    public JdbcTemplate owner() {
        return jdbc;
    }
}
