package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@RoadbookTest
class OrganizationServiceTest {

    @Autowired
    OrganizationService organizations;

    @Autowired
    Fixtures fixtures;

    @Test
    void anOwnerSeesTheirOrganizationAndItsMembersByRole() {
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Members Touring", owner);
        UUID viewer = fixtures.user("Viewer");
        UUID admin = fixtures.user("Admin");
        fixtures.member(org, viewer, "viewer");
        fixtures.member(org, admin, "admin");
        fixtures.signIn(owner);
        assertThat(organizations.myOrganizations())
                .extracting(OrgSummary::name, OrgSummary::role)
                .containsExactly(tuple("Members Touring", OrgRole.owner));
        assertThat(organizations.members(org, Pageable.unpaged()))
                .extracting(MemberRow::userId, MemberRow::role)
                .containsExactly(
                        tuple(owner, OrgRole.owner), tuple(admin, OrgRole.admin), tuple(viewer, OrgRole.viewer));
    }

    @Test
    void anotherOrganizationsMembersAreInvisibleEvenByItsId() {
        UUID otherOwner = fixtures.user("Other");
        UUID elsewhere = fixtures.organization("Elsewhere", otherOwner);
        UUID owner = fixtures.user("Owner");
        fixtures.organization("Mine", owner);
        fixtures.signIn(owner);
        assertThat(organizations.members(elsewhere, Pageable.unpaged())).isEmpty();
        assertThat(organizations.myOrganizations()).extracting(OrgSummary::id).doesNotContain(elsewhere);
    }

    @Test
    void creatingAnOrganizationMakesTheCreatorItsOwner() {
        UUID user = fixtures.user("Founder");
        fixtures.signIn(user);
        UUID created = organizations.createOrganization("  Founder Touring  ");
        assertThat(organizations.myOrganizations())
                .containsExactly(new OrgSummary(created, "Founder Touring", OrgRole.owner));
        assertThat(fixtures.owner()
                        .queryForObject("select slug from organizations where id = ?", String.class, created))
                .startsWith("founder-touring");
        // The same name again gets its own slug.
        UUID again = organizations.createOrganization("Founder Touring");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(distinct slug) from organizations where id in (?, ?)",
                                Integer.class,
                                created,
                                again))
                .isEqualTo(2);
    }

    @Test
    void badNamesAreRefusedWithAClearMessageAndNothingIsWritten() {
        UUID user = fixtures.user("Careless");
        fixtures.signIn(user);
        assertThatThrownBy(() -> organizations.createOrganization("   ")).hasMessage("Give the organization a name.");
        assertThatThrownBy(() -> organizations.createOrganization("x".repeat(121)))
                .hasMessage("Keep the name to 120 characters or fewer.");
        assertThatThrownBy(() -> organizations.createOrganization("Tab\tName")).hasMessageContaining("characters");
        assertThat(organizations.myOrganizations()).isEmpty();
    }

    @Test
    void nobodySignedInIsRefused() {
        // Spring Security refuses before the method runs: no authentication at all.
        assertThatThrownBy(() -> organizations.myOrganizations())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> organizations.createOrganization("Ghost Org"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
