package app.roadbook.invitations.ui;

import app.roadbook.invitations.InvitationMail;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.support.WithDemoUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@RoadbookTest
class InvitationViewsTest extends SpringBrowserlessTest {

    @Autowired Fixtures fixtures;
    @Autowired app.roadbook.invitations.InvitationService invitations;

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
    @WithDemoUser("admin@roadbook.demo")
    void anAdminInvitesAndTheOutboxHoldsTheMail() {
        String email = Fixtures.unique("staff") + "@invite.test";
        String token = inviteAsAdmin(email);
        InvitationsView view = $(InvitationsView.class).single();
        assertThat(test(view.grid).getRow(0).email()).isEqualTo(email);
        assertThat(test(view.grid).getRow(0).status()).isEqualTo("pending");
        DevOutboxView outbox = navigate(DevOutboxView.class);
        InvitationMail.Message newest = test(outbox.messages).getRow(0);
        assertThat(newest.to()).isEqualTo(email);
        assertThat(newest.body()).contains("/invite/" + token).contains("Northern Lights Touring");
    }

    @Test
    @WithDemoUser("admin@roadbook.demo")
    void aNewPersonSetsAPasswordSignsInAndAccepts() {
        String email = Fixtures.unique("newbie") + "@invite.test";
        String token = inviteAsAdmin(email);
        fixtures.signOut();
        AcceptInvitationView page = navigate(AcceptInvitationView.class, Map.of("token", token));
        assertThat(page.title.getText()).isEqualTo("You're invited to join Northern Lights Touring");
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
                join organizations o on o.id = m.org_id where u.email = ?::citext and o.slug = 'northern-lights-touring'""",
                String.class, email)).isEqualTo("editor");
        AcceptInvitationView used = navigate(AcceptInvitationView.class, Map.of("token", token));
        assertThat(used.title.getText()).isEqualTo("This invitation has been used");
    }

    @Test
    @WithDemoUser("other@roadbook.demo")
    void theWrongAccountAndABadLinkGetTheirOwnPages() {
        AcceptInvitationView bad = navigate(AcceptInvitationView.class, Map.of("token", "not-a-real-token"));
        assertThat(bad.title.getText()).isEqualTo("This invitation link is not valid");
        UUID org = fixtures.owner().queryForObject("select id from organizations where slug = 'northern-lights-touring'", UUID.class);
        fixtures.signIn("owner@roadbook.demo");
        String token = invitations.inviteToOrg(org, Fixtures.unique("someone") + "@invite.test",
                app.roadbook.tenancy.OrgRole.viewer, null).token();
        fixtures.signIn("other@roadbook.demo");
        AcceptInvitationView page = navigate(AcceptInvitationView.class, Map.of("token", token));
        test(page.accept).click();
        assertThat(page.title.getText()).isEqualTo("This invitation is for someone else");
    }

    @Test
    @WithDemoUser("viewer@roadbook.demo")
    void viewersHaveNoRouteToInvitations() {
        navigate("invitations", Component.class);
        assertThat($(InvitationsView.class).exists()).isFalse();
    }

    @Test
    @WithDemoUser("editor@roadbook.demo")
    void editorsSeeInvitationsButInviteOnlyToShows() {
        InvitationsView view = navigate(InvitationsView.class);
        assertThat(view.invite.isVisible()).isFalse();
    }
}
