package app.roadbook.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrganizationService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Removing a member or revoking a collaborator ends their access on their very next request. */
@RoadbookTest
class AccessEndsTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    app.roadbook.shows.ShowService shows;

    @Autowired
    Fixtures fixtures;

    @Test
    void aRemovedMemberAndARevokedCollaboratorSeeNothingAnyMore() {
        UUID owner = fixtures.user("Owner");
        UUID admin = fixtures.user("Admin");
        UUID member = fixtures.user("Member");
        UUID promoter = fixtures.user("Promoter");
        UUID org = fixtures.organization("Leaving Co", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, member, "editor");
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, current_date, 'Gig') returning id",
                        UUID.class,
                        org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                        show,
                        promoter,
                        org);

        fixtures.signIn(member);
        assertThat(organizations.myOrganizations()).hasSize(1);
        fixtures.signIn(promoter);
        assertThat(advancing.myShows()).hasSize(1);

        fixtures.signIn(admin);
        assertThatThrownBy(() -> invitations.removeMember(org, owner)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.removeMember(org, admin)).isInstanceOf(AccessDeniedException.class);
        invitations.removeMember(org, member);
        UUID grant = shows.audience(org, show).stream()
                .filter(v -> "collaborator".equals(v.kind()))
                .findFirst()
                .orElseThrow()
                .grantId();
        invitations.revokeCollaborator(org, grant);
        assertThat(shows.audience(org, show)).noneMatch(v -> "collaborator".equals(v.kind()));

        fixtures.signIn(member);
        assertThat(organizations.myOrganizations()).isEmpty();
        fixtures.signIn(promoter);
        assertThat(advancing.myShows()).isEmpty();
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id = ? and action in ('member.removed', 'collaborator.revoked') order by action",
                                String.class,
                                org))
                .containsExactly("collaborator.revoked", "member.removed");
    }
}
