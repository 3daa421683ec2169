package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The permission vocabulary's role lists say exactly what the database's policy helpers decide. */
@RoadbookTest
class OrgPermissionTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrgAccess access;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyRoleHoldsInJavaExactlyWhatTheDatabaseGrantsInALiveOrganization() {
        List<String> disagreements = new ArrayList<>();
        for (OrgRole role : OrgRole.values()) {
            UUID owner = fixtures.user("Owner");
            UUID org = fixtures.organization("Permissions " + role, owner);
            UUID member = role == OrgRole.owner ? owner : fixtures.user(role.name());
            if (role != OrgRole.owner) {
                fixtures.member(org, member, role.name());
            }
            fixtures.signIn(member);
            for (OrgPermission permission : OrgPermission.values()) {
                boolean database = can(org, permission);
                if (database != permission.heldBy(role)) {
                    disagreements.add(permission + " for " + role + ": Java " + permission.heldBy(role) + ", database "
                            + database);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void outsidersHoldNothingAndALapsedOrganizationKeepsOnlyWhatNeedsNoLiveSubscription() {
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Lapsed", owner);
        fixtures.owner()
                .update(
                        "update org_subscriptions set status = 'canceled', current_period_end = now() - interval '30 days' "
                                + "where org_id = ?",
                        org);
        fixtures.signIn(owner);
        for (OrgPermission permission : OrgPermission.values()) {
            boolean live = permission == OrgPermission.EDIT_DATA
                    || permission == OrgPermission.INVITE_COLLABORATORS
                    || permission == OrgPermission.MANAGE_MEMBERS
                    || permission == OrgPermission.MANAGE_TEMPLATES
                    || permission == OrgPermission.DELETE_ADVANCES
                    || permission == OrgPermission.MANAGE_BIN
                    || permission == OrgPermission.DELETE_SHOWS
                    || permission == OrgPermission.MANAGE_SETTINGS
                    || permission == OrgPermission.SWITCH_PARSING_MODEL;
            assertThat(can(org, permission)).as(permission + " in a lapsed org").isEqualTo(!live);
        }
        fixtures.signIn(fixtures.user("Outsider"));
        for (OrgPermission permission : OrgPermission.values()) {
            assertThat(can(org, permission)).as(permission + " for an outsider").isFalse();
        }
    }

    private boolean can(UUID org, OrgPermission permission) {
        return Boolean.TRUE.equals(transactions.execute(s -> access.can(org, permission)));
    }

    @Test
    void onlyThoseWhoManageOwnersHandOutTheOwnerRole() {
        assertThat(OrgPermission.assignableBy(OrgRole.owner)).containsExactly(OrgRole.values());
        assertThat(OrgPermission.assignableBy(OrgRole.admin))
                .doesNotContain(OrgRole.owner)
                .contains(OrgRole.admin, OrgRole.editor);
        assertThat(OrgPermission.assignableBy(OrgRole.editor)).isEmpty();
        assertThat(OrgPermission.mayManage(OrgRole.admin, OrgRole.owner)).isFalse();
        assertThat(OrgPermission.mayManage(OrgRole.owner, OrgRole.owner)).isTrue();
        assertThat(OrgPermission.mayManage(OrgRole.editor, OrgRole.viewer)).isFalse();
    }
}
