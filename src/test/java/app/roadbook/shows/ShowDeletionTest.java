package app.roadbook.shows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.base.Refusal;
import app.roadbook.shows.ShowRecords.ShowDeletion;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18, item 5: owners and admins delete a show with what hangs off it (decision 0027); a show with agreed advance
 * items goes only when its name is typed; editors, other organizations and promoters cannot, and the database
 * refuses them too.
 */
@RoadbookTest
class ShowDeletionTest {

    @Autowired
    ShowService shows;

    @Autowired
    VenueService venues;

    @Autowired
    ArtistService artists;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    UUID owner, admin, editor, promoter, org, show;

    @BeforeEach
    void aShowWithEverythingHangingOffIt() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        promoter = fixtures.user("Promoter");
        org = fixtures.organization("Deleting Co", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.signIn(owner);
        UUID venue = venues.createVenue(org, new VenueDraft("Sentrum Scene", null, "Oslo", "NO", 1750, "Europe/Oslo"));
        UUID artist = artists.createArtist(org, "The Auroras");
        show = shows.createShow(
                org,
                new ShowDraft(
                        artist,
                        venue,
                        LocalDate.of(2027, 1, 15),
                        LocalTime.of(19, 0),
                        null,
                        ShowStatus.confirmed,
                        null,
                        null,
                        "EUR",
                        null));
        advancing.createSession(org, show, "Oslo advance", null, null);
        JdbcTemplate db = fixtures.owner();
        db.update(
                "insert into schedule_items (org_id, show_id, starts_at, title) values (?, ?, now(), 'Load-in')",
                org,
                show);
        UUID person = db.queryForObject(
                "insert into people (org_id, name) values (?, 'Dana Driver') returning id", UUID.class, org);
        db.update("insert into show_assignments (show_id, person_id, org_id) values (?, ?, ?)", show, person, org);
        UUID list = db.queryForObject(
                "insert into guest_lists (org_id, show_id, artist_allotment, promoter_allotment) values (?, ?, 10, 10)"
                        + " returning id",
                UUID.class,
                org,
                show);
        db.update(
                "insert into guest_requests (org_id, guest_list_id, show_id, party, guest_name, requested_by_name)"
                        + " values (?, ?, ?, 'from_us', 'Guest', 'Owner')",
                org,
                list,
                show);
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                show,
                promoter,
                org);
        db.update(
                "insert into invitations (org_id, email, show_id, collab_role, invited_by, expires_at)"
                        + " values (?, ?, ?, 'promoter_viewer', ?, now() + interval '7 days')",
                org,
                Fixtures.unique("invitee") + "@example.com",
                show,
                owner);
        db.update(
                "insert into files (org_id, show_id, storage_path, original_name, content_type, size_bytes, visibility)"
                        + " values (?, ?, 'deletion/' || gen_random_uuid(), 'Rider.pdf', 'application/pdf', 10,"
                        + " 'promoter_team')",
                org,
                show);
        UUID contact = db.queryForObject(
                "insert into contacts (org_id, name) values (?, 'Agent') returning id", UUID.class, org);
        db.update(
                "insert into contact_commissions (org_id, contact_id, amount, currency, show_id) values (?, ?, 100, 'EUR', ?)",
                org,
                contact,
                show);
    }

    @Test
    void anOwnerDeletesAShowWithItsAdvancesScheduleCrewAndGuestListWhileFilesAndCommissionsStay() {
        ShowDeletion deletion = shows.deletion(org, show);
        assertThat(deletion.name()).isEqualTo("Oslo, Sentrum Scene, 15 Jan 2027");
        assertThat(deletion.advances()).isEqualTo(1);
        assertThat(deletion.agreedItems()).isZero();
        assertThat(deletion.guarded()).isFalse();
        assertThat(deletion.scheduleItems()).isEqualTo(1);
        assertThat(deletion.crew()).isEqualTo(1);
        assertThat(deletion.guests()).isEqualTo(1);
        assertThat(deletion.promoters()).isEqualTo(1);
        assertThat(deletion.files()).isEqualTo(1);

        shows.deleteShow(org, show, null);

        assertThat(left())
                .isEqualTo(Map.of(
                        "advancing_sessions", 0L,
                        "guest_lists", 0L,
                        "guest_requests", 0L,
                        "invitations", 0L,
                        "schedule_items", 0L,
                        "show_assignments", 0L,
                        "show_collaborators", 0L,
                        "shows", 0L));
        JdbcTemplate db = fixtures.owner();
        assertThat(db.queryForObject(
                        "select count(*) from files where org_id = ? and show_id is null and original_name = 'Rider.pdf'",
                        Long.class,
                        org))
                .isEqualTo(1);
        assertThat(db.queryForObject(
                        "select count(*) from contact_commissions where org_id = ? and show_id is null",
                        Long.class,
                        org))
                .isEqualTo(1);
        assertThat(db.queryForObject(
                        "select details->>'name' from activity_log where org_id = ? and action = 'show.deleted'"
                                + " and resource_id = ?",
                        String.class,
                        org,
                        show))
                .isEqualTo("Oslo, Sentrum Scene, 15 Jan 2027");
        assertThatThrownBy(() -> shows.show(org, show)).isInstanceOf(Refusal.class);
    }

    @Test
    void aShowWithAgreedAdvanceItemsGoesOnlyWhenItsNameIsTyped() {
        // Both teams hold the same hotel: the database derives the pair as agreed.
        fixtures.owner().update("""
                update advancing_fields set value = '"Hotel Bristol"'::jsonb, stance = 'answered'
                where session_id in (select id from advancing_sessions where show_id = ?) and field_name = 'Hotel'""", show);
        fixtures.signIn(admin);
        ShowDeletion deletion = shows.deletion(org, show);
        assertThat(deletion.agreedItems()).isEqualTo(1);
        assertThat(deletion.guarded()).isTrue();

        assertThatThrownBy(() -> shows.deleteShow(org, show, null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("1 agreed item")
                .hasMessageContaining("Oslo, Sentrum Scene, 15 Jan 2027");
        assertThatThrownBy(() -> shows.deleteShow(org, show, "Oslo")).isInstanceOf(Refusal.class);
        assertThat(left().get("shows")).isEqualTo(1L);

        shows.deleteShow(org, show, "  oslo, sentrum scene, 15 jan 2027 ");
        assertThat(left().get("shows")).isZero();
        assertThat(left().get("advancing_sessions")).isZero();
    }

    @Test
    void editorsOtherOrganizationsAndPromotersCannotAndTheDatabaseRefusesThemToo() {
        UUID otherOwner = fixtures.user("Otto");
        fixtures.organization("Other Co", otherOwner);
        fixtures.signIn(editor);
        assertThat(shows.canDelete(org)).isFalse();
        assertThatThrownBy(() -> shows.deleteShow(org, show, null))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only owners and admins delete a show.");
        fixtures.signIn(otherOwner);
        assertThatThrownBy(() -> shows.deleteShow(org, show, null)).isInstanceOf(Refusal.class);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> shows.deleteShow(org, show, null)).isInstanceOf(Refusal.class);
        Fixtures.signOut();

        for (UUID outsider : new UUID[] {editor, otherOwner, promoter}) {
            assertThat(deleteAs(outsider)).as("rows deleted").isZero();
        }
        assertThat(left().get("shows")).isEqualTo(1L);
        assertThat(left().get("advancing_sessions")).isEqualTo(1L);
        // The same statement as an admin goes through: the policy, not the statement, refused the others.
        assertThat(deleteAs(admin)).isEqualTo(1);
    }

    @Test
    void everyTableThatRefersToShowsSaysWhatHappensWhenAShowGoes() {
        // Decision 0027: these go with the show; files and commissions stay, no longer about it. A new table that
        // refers to shows must choose here (and in the decision), not by accident.
        Map<String, String> rules = new TreeMap<>();
        fixtures.owner().query("""
                select c.conrelid::regclass::text, c.confdeltype
                from pg_constraint c
                where c.contype = 'f' and c.confrelid = 'shows'::regclass""", rs -> {
            rules.merge(rs.getString(1), rs.getString(2), (a, b) -> a.equals(b) ? a : a + b);
        });
        assertThat(rules)
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("advancing_sessions", "c"),
                        Map.entry("contact_commissions", "n"),
                        Map.entry("files", "n"),
                        Map.entry("guest_lists", "c"),
                        Map.entry("guest_requests", "c"),
                        Map.entry("invitations", "c"),
                        Map.entry("parsed_contracts", "n"),
                        Map.entry("parsed_emails", "n"),
                        Map.entry("schedule_items", "c"),
                        Map.entry("show_assignments", "c"),
                        Map.entry("show_collaborators", "c"))));
    }

    private int deleteAs(UUID user) {
        return ActingUser.callAs(
                user,
                () -> transactions.execute(status -> {
                    status.setRollbackOnly();
                    return new JdbcTemplate(dataSource).update("delete from shows where id = ?", show);
                }));
    }

    /** Rows still referring to the show, per table (read as the database owner, past RLS). */
    private Map<String, Long> left() {
        JdbcTemplate db = fixtures.owner();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : new String[] {
            "advancing_sessions",
            "guest_lists",
            "guest_requests",
            "invitations",
            "schedule_items",
            "show_assignments",
            "show_collaborators"
        }) {
            counts.put(
                    table, db.queryForObject("select count(*) from " + table + " where show_id = ?", Long.class, show));
        }
        counts.put("shows", db.queryForObject("select count(*) from shows where id = ?", Long.class, show));
        return counts;
    }
}
