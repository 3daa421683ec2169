package app.roadbook.shows;

import app.roadbook.invitations.ShowCollabRole;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the shows tests need beyond what the services create, written as the schema owner into the test's own
 * organization: external collaborators, open invitations, day-sheet entries and many shows at once.
 */
public final class ShowsTestData {

    private final JdbcTemplate owner;

    public ShowsTestData(JdbcTemplate owner) {
        this.owner = owner;
    }

    public String email(UUID user) {
        return owner.queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    /** Grants an external collaborator one show, as an accepted invitation would. */
    public UUID grant(UUID org, UUID show, UUID user, ShowCollabRole role) {
        return owner.queryForObject("""
                insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, ?::show_collab_role, ?)
                returning id""", UUID.class, show, user, role.name(), org);
    }

    /** An open invitation to one show, not accepted yet. */
    public UUID invite(UUID org, UUID show, String email, ShowCollabRole role, UUID invitedBy) {
        return owner.queryForObject("""
                insert into invitations (org_id, email, show_id, collab_role, invited_by) values (?, ?, ?, ?::show_collab_role, ?)
                returning id""", UUID.class, org, email, show, role.name(), invitedBy);
    }

    /** {@code count} day-sheet entries, one hour apart from {@code first} (an ISO instant). */
    public void scheduleItems(UUID org, UUID show, int count, String first) {
        owner.update("""
                insert into schedule_items (org_id, show_id, starts_at, title, visibility)
                select ?, ?, ?::timestamptz + (g - 1) * interval '1 hour', 'Item ' || g, 'all' from generate_series(1, ?) g""", org, show, first, count);
    }

    /**
     * {@code count} upcoming shows, each with an artist and a venue of its own, so anything that read artists or
     * venues one row at a time would show in the number of statements.
     */
    public void showsWithTheirOwnArtistAndVenue(UUID org, int count) {
        owner.update(
                "insert into artists (org_id, name) select ?, 'Bulk artist ' || g from generate_series(1, ?) g",
                org,
                count);
        owner.update("""
                insert into venues (org_id, name, city, timezone)
                select ?, 'Bulk venue ' || g, 'City ' || g, 'Europe/Oslo' from generate_series(1, ?) g""", org, count);
        owner.update("""
                insert into shows (org_id, artist_id, venue_id, date, doors_at, status, title)
                select ?, a.id, v.id, current_date + g, (current_date + g) + time '18:00', 'confirmed', 'Bulk show ' || g
                from generate_series(1, ?) g
                join artists a on a.org_id = ? and a.name = 'Bulk artist ' || g
                join venues v on v.org_id = ? and v.name = 'Bulk venue ' || g""", org, count, org, org);
    }
}
