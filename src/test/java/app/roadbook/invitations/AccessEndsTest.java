package app.roadbook.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.shows.ShowService;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrganizationService;
import app.roadbook.tenancy.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Removing a member ends their access and their open sessions on their very next request. Revoking a collaborator's
 * grant of one show ends their access to that show only: the issue "Revocation is precise" deliberately changed the
 * earlier behaviour, where revoking one grant signed the collaborator out everywhere (V13's
 * show_collaborators_end_sessions, dropped in V15). Row-level security answers per statement, so the revoked show is
 * gone from the very next request, while the promoter's other shows go on working in the same session.
 */
@RoadbookTest
class AccessEndsTest {

    static final Duration IDLE = Duration.ofMinutes(30);

    @Autowired
    InvitationService invitations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    ShowService shows;

    @Autowired
    SessionPolicy sessions;

    @Autowired
    Fixtures fixtures;

    UUID owner, admin, member, promoter, org, otherOrg, revoked, kept, elsewhere;

    @BeforeEach
    void anOrgWithAMemberAndAPromoterGrantedThreeShowsInTwoOrgs() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        member = fixtures.user("Member");
        promoter = fixtures.user("Promoter");
        org = fixtures.organization("Leaving Co", owner);
        otherOrg = fixtures.organization("Staying Co", fixtures.user("OtherOwner"));
        fixtures.member(org, admin, "admin");
        fixtures.member(org, member, "editor");
        revoked = show(org, "Revoked gig");
        kept = show(org, "Kept gig");
        elsewhere = show(otherOrg, "Gig elsewhere");
        for (UUID show : new UUID[] {revoked, kept, elsewhere}) {
            fixtures.owner()
                    .update(
                            "insert into show_collaborators (show_id, user_id, role, org_id) select id, ?, 'promoter_editor', org_id from shows where id = ?",
                            promoter,
                            show);
        }
    }

    private UUID show(UUID orgId, String title) {
        return fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, current_date, ?) returning id",
                        UUID.class,
                        orgId,
                        title);
    }

    @Test
    void aRemovedMemberSeesNothingAnyMoreAndTheirSessionsEnd() {
        Instant signedIn = Instant.now().minusSeconds(5);
        fixtures.signIn(member);
        assertThat(organizations.myOrganizations()).hasSize(1);
        assertThat(sessions.endReason(signedIn, Instant.now(), IDLE)).isEmpty();

        fixtures.signIn(admin);
        assertThatThrownBy(() -> invitations.removeMember(org, owner)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.removeMember(org, admin)).isInstanceOf(AccessDeniedException.class);
        invitations.removeMember(org, member);

        fixtures.signIn(member);
        assertThat(organizations.myOrganizations()).isEmpty();
        assertThat(sessions.endReason(signedIn, Instant.now(), IDLE)).contains(SessionPolicy.EndReason.ACCESS_CHANGED);
        assertThat(validFrom(member)).isNotNull();
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id = ? and action = 'member.removed'",
                                String.class,
                                org))
                .containsExactly("member.removed");
    }

    @Test
    void revokingOneShowEndsThatShowOnlyAndThePromotersSessionGoesOn() {
        fixtures.signIn(member);
        UUID revokedAdvance = advancing.createSession(org, revoked, "Revoked advance", null, null);
        UUID keptAdvance = advancing.createSession(org, kept, "Kept advance", null, null);
        Row revokedHotel = hotel(revokedAdvance);
        Instant signedIn = Instant.now().minusSeconds(5);
        fixtures.signIn(promoter);
        assertThat(advancing.myShows())
                .extracting(AdvancingExchange.GrantedShow::title)
                .containsExactlyInAnyOrder("Revoked gig", "Kept gig", "Gig elsewhere");
        assertThat(advancing.rows(revokedAdvance)).isNotEmpty();

        fixtures.signIn(admin);
        UUID grant = shows.audience(org, revoked).stream()
                .filter(v -> "collaborator".equals(v.kind()))
                .findFirst()
                .orElseThrow()
                .grantId();
        invitations.revokeCollaborator(org, grant);
        assertThat(shows.audience(org, revoked)).noneMatch(v -> "collaborator".equals(v.kind()));
        assertThat(shows.audience(org, kept)).anyMatch(v -> "collaborator".equals(v.kind()));

        // The same session, its next requests: it goes on, without the revoked show.
        fixtures.signIn(promoter);
        assertThat(sessions.endReason(signedIn, Instant.now(), IDLE))
                .as("revoking one grant signs nobody out")
                .isEmpty();
        assertThat(validFrom(promoter)).isNull();
        assertThat(advancing.myShows())
                .extracting(AdvancingExchange.GrantedShow::title)
                .containsExactlyInAnyOrder("Kept gig", "Gig elsewhere");
        assertThatThrownBy(() -> advancing.rows(revokedAdvance)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> advancing.advance(revokedAdvance)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> advancing.setValue(
                        revokedHotel.theirs().fieldId(), revokedHotel.theirs().version(), "Mine"))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(advancing.sessions(revoked)).isEmpty();

        Row keptHotel = hotel(keptAdvance);
        advancing.setValue(keptHotel.theirs().fieldId(), keptHotel.theirs().version(), "Thon");
        advancing.addComment(keptHotel.theirs().fieldId(), "Booked.");
        assertThat(advancing.advance(keptAdvance).can().editTheirs()).isTrue();
        assertThat(hotel(keptAdvance).theirs().value()).isEqualTo("Thon");
        assertThat(advancing.sessions(kept))
                .singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Kept advance"));

        fixtures.signIn(member);
        assertThat(hotel(revokedAdvance).theirs().value())
                .as("nothing written on the revoked show")
                .isNull();
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id = ? and action = 'collaborator.revoked'",
                                String.class,
                                org))
                .containsExactly("collaborator.revoked");
    }

    private Row hotel(UUID session) {
        return advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals("Hotel"))
                .findFirst()
                .orElseThrow();
    }

    private Instant validFrom(UUID user) {
        return fixtures.owner()
                .queryForObject("select sessions_valid_from from app_users where id = ?", Instant.class, user);
    }
}
