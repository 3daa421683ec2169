package app.roadbook.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgRole;
import app.roadbook.tenancy.RoadbookUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attack: /dev/outbox listed every invitation mail with its working link to anyone. Now each signed-in
 * person reads only what is theirs to read (the anonymous side is in AttackFindingsHttpTest).
 */
@RoadbookTest
class DevOutboxTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    InvitationMail mail;

    UUID org;
    RoadbookUser owner, admin, editor, outsider, platformAdmin;
    String invitee;

    @BeforeEach
    void anInvitationMailIsInTheOutbox() {
        UUID ownerId = fixtures.user("Owner");
        org = fixtures.organization("Outbox Org", ownerId);
        UUID adminId = fixtures.user("Admin");
        fixtures.member(org, adminId, "admin");
        UUID editorId = fixtures.user("Editor");
        fixtures.member(org, editorId, "editor");
        UUID outsiderId = fixtures.user("Outsider");
        fixtures.organization("Elsewhere", outsiderId);
        owner = fixtures.account(ownerId);
        admin = fixtures.account(adminId);
        editor = fixtures.account(editorId);
        outsider = fixtures.account(outsiderId);
        platformAdmin = fixtures.account(fixtures.platformAdmin());
        invitee = Fixtures.unique("invitee") + "@test.roadbook";
        Fixtures.signIn(admin);
        invitations.inviteToOrg(org, invitee, OrgRole.admin, null);
        assertThat(mail.outboxEnabled())
                .as("the test app runs on the embedded database without SMTP")
                .isTrue();
    }

    @Test
    void theSenderTheOrgsOwnersAndAdminsAndPlatformAdminsReadTheMail() {
        assertThat(readableBy(admin)).as("the admin who sent it").containsExactly(invitee);
        assertThat(readableBy(owner)).as("the org's owner").containsExactly(invitee);
        assertThat(readableBy(platformAdmin)).as("a platform admin").containsExactly(invitee);
    }

    @Test
    void nobodyElseReadsTheLinkButTheRecipient() {
        assertThat(readableBy(editor)).as("an editor of the same org").isEmpty();
        assertThat(readableBy(outsider)).as("another org's owner").isEmpty();
        RoadbookUser recipient =
                fixtures.account(fixtures.accounts().user(invitee, "Invitee", "test-password-1", false));
        assertThat(readableBy(recipient)).as("the person it was sent to").containsExactly(invitee);
    }

    private List<String> readableBy(RoadbookUser reader) {
        Fixtures.signIn(reader);
        return invitations.outbox().stream()
                .map(InvitationMail.Message::to)
                .filter(invitee::equals)
                .toList();
    }
}
