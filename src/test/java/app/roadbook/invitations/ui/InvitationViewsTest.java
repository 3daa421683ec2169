package app.roadbook.invitations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.invitations.InvitationMail;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class InvitationViewsTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    app.roadbook.invitations.InvitationService invitations;

    UUID owner, org;

    @org.junit.jupiter.api.BeforeEach
    void anOrganizationOfItsOwn() {
        owner = fixtures.user("Owner");
        org = fixtures.organization("Invite Touring", owner);
    }

    private void signInAs(String role) {
        UUID member = fixtures.user(role);
        fixtures.member(org, member, role);
        fixtures.signIn(member);
    }

    private String inviteAsAdmin(String email) {
        InvitationsView view = navigate(InvitationsView.class);
        test(view.email).setValue(email);
        test(view.invite).click();
        InviteLinkDialog dialog = $(InviteLinkDialog.class).single();
        String link = dialog.link.getValue();
        assertThat(link).matches("http://localhost(:\\d+)?/invite/[A-Za-z0-9_-]{43}");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void anAdminInvitesAndTheOutboxHoldsTheMail() {
        signInAs("admin");
        String email = Fixtures.unique("staff") + "@invite.test";
        String token = inviteAsAdmin(email);
        InvitationsView view = $(InvitationsView.class).single();
        assertThat(test(view.grid).getRow(0).email()).isEqualTo(email);
        assertThat(test(view.grid).getRow(0).status()).isEqualTo("pending");
        DevOutboxView outbox = navigate(DevOutboxView.class);
        InvitationMail.Message newest = test(outbox.messages).getRow(0);
        assertThat(newest.to()).isEqualTo(email);
        assertThat(newest.body()).contains("/invite/" + token).contains("Invite Touring");
    }

    @Test
    void aNewPersonSetsAPasswordSignsInAndAccepts() {
        signInAs("admin");
        String email = Fixtures.unique("newbie") + "@invite.test";
        String token = inviteAsAdmin(email);
        fixtures.signOut();
        AcceptInvitationView page = navigate(AcceptInvitationView.class, Map.of("token", token));
        assertThat(page.title.getText()).isEqualTo("You're invited to join Invite Touring");
        assertThat(page.create.isVisible()).isTrue();
        test(page.name).setValue("New Bie");
        test(page.password).setValue("short");
        test(page.create).click();
        assertThat(page.password.getErrorMessage()).contains("8 characters");
        test(page.password).setValue("a long enough passphrase");
        test(page.create).click();
        assertThat(page.message.getText()).contains("Your account is ready");

        fixtures.signIn(email);
        AcceptInvitationView again = navigate(AcceptInvitationView.class, Map.of("token", token));
        assertThat(again.accept.isVisible()).isTrue();
        test(again.accept).click();
        assertThat(fixtures.owner().queryForObject("""
                select m.role::text from org_members m join app_users u on u.id = m.user_id
                where u.email = ?::citext and m.org_id = ?""", String.class, email, org))
                .isEqualTo("editor");
        AcceptInvitationView used = navigate(AcceptInvitationView.class, Map.of("token", token));
        assertThat(used.title.getText()).isEqualTo("This invitation has been used");
    }

    @Test
    void theWrongAccountAndABadLinkGetTheirOwnPages() {
        UUID stranger = fixtures.user("Stranger");
        fixtures.signIn(stranger);
        AcceptInvitationView bad = navigate(AcceptInvitationView.class, Map.of("token", "not-a-real-token"));
        assertThat(bad.title.getText()).isEqualTo("This invitation link is not valid");
        fixtures.signIn(owner);
        String token = invitations
                .inviteToOrg(
                        org, Fixtures.unique("someone") + "@invite.test", app.roadbook.tenancy.OrgRole.viewer, null)
                .token();
        fixtures.signIn(stranger);
        AcceptInvitationView page = navigate(AcceptInvitationView.class, Map.of("token", token));
        test(page.accept).click();
        assertThat(page.title.getText()).isEqualTo("This invitation is for someone else");
    }

    @Test
    void viewersHaveNoRouteToInvitations() {
        signInAs("viewer");
        navigate("invitations", Component.class);
        assertThat($(InvitationsView.class).exists()).isFalse();
    }

    @Test
    void editorsSeeInvitationsButInviteOnlyToShows() {
        signInAs("editor");
        InvitationsView view = navigate(InvitationsView.class);
        assertThat(view.invite.isVisible()).isFalse();
    }
}
