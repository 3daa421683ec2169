package app.roadbook.shows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.invitations.ShowCollabRole;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Who can see this?" lists exactly the accounts for which RLS lets the show through: for each show of the test's
 * own organizations and every account of the test, the list and the database's own answer agree.
 */
@RoadbookTest
class AudienceTest {

    @Autowired
    ShowService shows;

    @Autowired
    VenueService venues;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    ShowsTestData data;
    UUID owner, admin, editor, viewer, disabled, promoterEditor, promoterViewer, outsider, platformAdmin;
    UUID org, otherOrg, granted, alsoGranted, ungranted, foreign;
    List<UUID> accounts;

    @BeforeEach
    void twoOrganizationsWithMembersCollaboratorsAndAnInvitation() {
        data = new ShowsTestData(fixtures.owner());
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        disabled = fixtures.user("Disabled");
        promoterEditor = fixtures.user("Promoter");
        promoterViewer = fixtures.user("Promoviewer");
        outsider = fixtures.user("Outsider");
        platformAdmin = fixtures.platformAdmin();
        org = fixtures.organization("Audience Co", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.member(org, disabled, "viewer");
        otherOrg = fixtures.organization("Elsewhere", outsider);

        fixtures.signIn(owner);
        UUID venue = venues.createVenue(org, new VenueDraft("Rockefeller", null, "Oslo", "NO", 1350, "Europe/Oslo"));
        granted = shows.createShow(org, show(venue, "Oslo"));
        alsoGranted = shows.createShow(org, show(venue, "Oslo again"));
        ungranted = shows.createShow(org, show(venue, "Private"));
        data.grant(org, granted, promoterEditor, ShowCollabRole.promoter_editor);
        data.grant(org, alsoGranted, promoterViewer, ShowCollabRole.promoter_viewer);
        data.invite(org, granted, Fixtures.unique("invited") + "@example.com", ShowCollabRole.promoter_viewer, owner);
        fixtures.owner().update("update app_users set disabled_at = now() where id = ?", disabled);
        fixtures.signIn(outsider);
        foreign = shows.createShow(otherOrg, show(null, "Elsewhere"));
        accounts = List.of(owner, admin, editor, viewer, promoterEditor, promoterViewer, outsider, platformAdmin);
    }

    private static ShowDraft show(UUID venue, String title) {
        return new ShowDraft(
                null, venue, LocalDate.now().plusDays(20), null, null, ShowStatus.confirmed, title, null, null, null);
    }

    @Test
    void theListIsExactlyWhoTheDatabaseLetsSeeTheShow() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        int compared = 0;
        for (UUID show : List.of(granted, alsoGranted, ungranted, foreign)) {
            UUID showOrg = show.equals(foreign) ? otherOrg : org;
            fixtures.signIn(show.equals(foreign) ? outsider : viewer);
            Set<UUID> listed = shows.audience(showOrg, show).stream()
                    .filter(ShowService.Viewer::canSee)
                    .map(ShowService.Viewer::userId)
                    .collect(Collectors.toSet());
            Set<UUID> seeing = new HashSet<>();
            for (UUID account : accounts) {
                boolean sees = ActingUser.callAs(
                        account, () -> transactions.execute(s -> app.queryForObject("""
                        select exists (select 1 from shows where id = ?) or exists (select 1 from my_granted_shows() where show_id = ?)""", Boolean.class, show, show)));
                if (sees) {
                    seeing.add(account);
                }
                compared++;
            }
            assertThat(listed).as("show " + show).isEqualTo(seeing);
        }
        assertThat(compared).isEqualTo(4 * accounts.size());
        fixtures.signIn(owner);
        assertThat(shows.audience(org, granted).stream().map(ShowService.Viewer::userId))
                .as("members, the granted promoter, nobody disabled, nobody from elsewhere")
                .containsExactlyInAnyOrder(owner, admin, editor, viewer, promoterEditor, null)
                .doesNotContain(disabled, promoterViewer, outsider, platformAdmin);
    }

    @Test
    void theListSaysWhyAndOnlyMembersMayAsk() {
        fixtures.signIn(viewer);
        List<ShowService.Viewer> audience = shows.audience(org, granted);
        assertThat(audience)
                .extracting(ShowService.Viewer::kind)
                .as("members first, then the rest; who sees before who will")
                .containsExactly("member", "member", "member", "member", "collaborator", "invitation");
        assertThat(audience).anySatisfy(v -> {
            assertThat(v.email()).isEqualTo(data.email(owner));
            assertThat(v.reason()).isEqualTo("Owner of the organization");
            assertThat(v.since()).isNotNull();
        });
        assertThat(audience).anySatisfy(v -> {
            assertThat(v.email()).isEqualTo(data.email(viewer));
            assertThat(v.reason()).isEqualTo("Viewer of the organization");
        });
        assertThat(audience).anySatisfy(v -> {
            assertThat(v.email()).isEqualTo(data.email(promoterEditor));
            assertThat(v.kind()).isEqualTo("collaborator");
            assertThat(v.reason()).isEqualTo("Promoter team, can edit the promoter side");
            assertThat(v.grantId()).isNotNull();
        });
        assertThat(audience).anySatisfy(v -> {
            assertThat(v.kind()).isEqualTo("invitation");
            assertThat(v.canSee()).isFalse();
            assertThat(v.reason()).isEqualTo("Invited as promoter viewer by Owner; sees the show once they accept");
        });

        fixtures.signIn(outsider);
        assertThatThrownBy(() -> shows.audience(org, granted)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> shows.audience(otherOrg, granted)).isInstanceOf(OrgAccess.NotFoundException.class);
        fixtures.signIn(promoterEditor);
        assertThatThrownBy(() -> shows.audience(org, granted)).isInstanceOf(OrgAccess.NotFoundException.class);
        // The database function itself answers nobody outside the org either.
        Integer rows = ActingUser.callAs(
                promoterEditor,
                () -> transactions.execute(s -> new JdbcTemplate(dataSource)
                        .queryForObject("select count(*) from show_audience(?)", Integer.class, granted)));
        assertThat(rows).isZero();
    }
}
