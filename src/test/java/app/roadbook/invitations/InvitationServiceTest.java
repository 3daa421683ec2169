package app.roadbook.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgRole;
import app.roadbook.tenancy.RoadbookUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class InvitationServiceTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    Fixtures fixtures;

    UUID owner, admin, editor, org, show;

    @BeforeEach
    void anOrgWithAShow() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        org = fixtures.organization("Invite Co", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, current_date, 'Invited show') returning id",
                        UUID.class,
                        org);
    }

    private String emailOf(UUID user) {
        return fixtures.owner().queryForObject("select email::text from app_users where id = ?", String.class, user);
    }

    @Test
    void thirtyTwoParallelAcceptsMakeExactlyOneMembership() throws Exception {
        UUID invitee = fixtures.user("Invitee");
        fixtures.signIn(admin);
        InvitationService.Issued issued = invitations.inviteToOrg(org, emailOf(invitee), OrgRole.editor, null);
        RoadbookUser account = fixtures.account(invitee);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<InvitationService.Outcome>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            results.add(pool.submit(() -> {
                Fixtures.signIn(account);
                start.await();
                try {
                    return invitations.accept(issued.token());
                } finally {
                    Fixtures.signOut();
                }
            }));
        }
        start.countDown();
        List<InvitationService.Outcome> outcomes = new ArrayList<>();
        for (Future<InvitationService.Outcome> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce(InvitationService.Outcome.accepted);
        assertThat(outcomes)
                .filteredOn(o -> o != InvitationService.Outcome.accepted)
                .containsOnly(InvitationService.Outcome.already_yours);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members where org_id = ? and user_id = ?",
                                String.class,
                                org,
                                invitee))
                .isEqualTo("editor");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from org_members where org_id = ? and user_id = ?",
                                Integer.class,
                                org,
                                invitee))
                .isOne();
        assertThat(fixtures.owner().queryForObject("""
                select count(*) from activity_log where org_id = ? and category = 'invitation'
                  and (details::text like '%' || ? || '%')""", Integer.class, org, issued.token()))
                .as("never the token")
                .isZero();
    }

    @Test
    void aLinkIsBoundToItsEmailSingleUseAndResendKillsTheOldOne() {
        UUID invitee = fixtures.user("Invitee");
        UUID someoneElse = fixtures.user("Else");
        fixtures.signIn(owner);
        InvitationService.Issued first =
                invitations.inviteToOrg(org, emailOf(invitee).toUpperCase(), OrgRole.viewer, null);
        InvitationService.Issued second = invitations.resend(org, first.invitationId());
        fixtures.signIn(someoneElse);
        assertThat(invitations.accept(second.token())).isEqualTo(InvitationService.Outcome.wrong_account);
        fixtures.signIn(invitee);
        assertThat(invitations.accept(first.token())).isEqualTo(InvitationService.Outcome.not_found);
        assertThat(invitations.accept(second.token())).isEqualTo(InvitationService.Outcome.accepted);
        fixtures.signIn(someoneElse);
        assertThat(invitations.accept(second.token())).isEqualTo(InvitationService.Outcome.used);
        assertThat(invitations.lookup("no-such-token")).isEmpty();
        assertThat(invitations.lookup(second.token()))
                .hasValueSatisfying(i -> assertThat(i.get("org_name")).isEqualTo("Invite Co"));
    }

    @Test
    void revokedAndExpiredLinksSaySo() {
        UUID invitee = fixtures.user("Invitee");
        fixtures.signIn(admin);
        InvitationService.Issued revoked = invitations.inviteToOrg(org, emailOf(invitee), OrgRole.viewer, null);
        invitations.revoke(org, revoked.invitationId());
        InvitationService.Issued expired =
                invitations.inviteToShow(org, show, emailOf(invitee), ShowCollabRole.promoter_viewer);
        fixtures.owner()
                .update(
                        "update invitations set expires_at = now() - interval '1 minute', created_at = now() - interval '2 days' where id = ?",
                        expired.invitationId());
        fixtures.signIn(invitee);
        assertThat(invitations.accept(revoked.token())).isEqualTo(InvitationService.Outcome.revoked);
        assertThat(invitations.accept(expired.token())).isEqualTo(InvitationService.Outcome.expired);
    }

    @Test
    void aCollaboratorInviteGrantsThatShowOnly() {
        UUID promoter = fixtures.user("Promoter");
        fixtures.signIn(editor);
        InvitationService.Issued issued =
                invitations.inviteToShow(org, show, emailOf(promoter), ShowCollabRole.promoter_editor);
        assertThatThrownBy(() -> invitations.inviteToOrg(org, "x@y.test", OrgRole.viewer, null))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoter);
        assertThat(invitations.accept(issued.token())).isEqualTo(InvitationService.Outcome.accepted);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from show_collaborators where show_id = ? and user_id = ?",
                                String.class,
                                show,
                                promoter))
                .isEqualTo("promoter_editor");
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from org_members where user_id = ?", Integer.class, promoter))
                .isZero();
    }

    @Test
    void seatLimitsHoldWhenInvitingAndWhenAccepting() {
        fixtures.accounts().subscription(org, "solo_artist", "active", 30);
        fixtures.signIn(owner);
        assertThatThrownBy(() -> invitations.inviteToOrg(org, "fourth@x.test", OrgRole.viewer, null))
                .hasMessageContaining("The Solo Artist plan allows 3 members; this organization has 3.");
        fixtures.accounts().subscription(org, "team_manager", "active", 30);
        UUID invitee = fixtures.user("Late");
        InvitationService.Issued issued = invitations.inviteToOrg(org, emailOf(invitee), OrgRole.viewer, null);
        fixtures.accounts().subscription(org, "solo_artist", "active", 30);
        fixtures.signIn(invitee);
        assertThatThrownBy(() -> invitations.accept(issued.token())).hasMessageContaining("allows 3 members");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select status::text from invitations where id = ?",
                                String.class,
                                issued.invitationId()))
                .as("nothing half-written")
                .isEqualTo("pending");
    }

    @Test
    void aNewPersonSetsAPasswordAndThenAccepts() {
        fixtures.signIn(admin);
        InvitationService.Issued issued = invitations.inviteToOrg(org, "newcomer@invite.test", OrgRole.editor, null);
        Fixtures.signOut();
        assertThatThrownBy(() -> invitations.createAccount(issued.token(), "New Comer", "short"))
                .hasMessageContaining("8 characters");
        assertThatThrownBy(() -> invitations.createAccount(issued.token(), "New Comer", "password1"))
                .hasMessageContaining("common");
        assertThatThrownBy(() -> invitations.createAccount("forged", "New Comer", "a good long passphrase"))
                .isInstanceOf(RuntimeException.class);
        UUID created = invitations.createAccount(issued.token(), "New Comer", "a good long passphrase");
        assertThatThrownBy(() -> invitations.createAccount(issued.token(), "Again", "a good long passphrase"))
                .hasMessageContaining("exists");
        fixtures.signIn(created);
        assertThat(invitations.accept(issued.token())).isEqualTo(InvitationService.Outcome.accepted);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members where org_id = ? and user_id = ?",
                                String.class,
                                org,
                                created))
                .isEqualTo("editor");
    }
}
