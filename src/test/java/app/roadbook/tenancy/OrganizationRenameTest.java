package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 18, item 5: owners and admins rename their organization; nobody else can, in Java or in the database. */
@RoadbookTest
class OrganizationRenameTest {

    @Autowired
    OrganizationService organizations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    UUID owner, admin, editor, org;

    @BeforeEach
    void anOrganization() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        org = fixtures.organization("Northern Lights", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
    }

    @Test
    void ownersAndAdminsRenameTheOrganizationAndTheLogSaysSo() {
        fixtures.signIn(admin);
        assertThat(organizations.canRename(org)).isTrue();
        organizations.rename(org, "  Nordlys Touring ");
        assertThat(organizations.myOrganizations())
                .filteredOn(o -> o.id().equals(org))
                .extracting(OrgSummary::name)
                .containsExactly("Nordlys Touring");
        fixtures.signIn(owner);
        organizations.rename(org, "Nordlys Touring AS");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select details->>'name' from activity_log where org_id = ?"
                                        + " and action = 'organization.renamed' order by created_at",
                                String.class,
                                org))
                .containsExactly("Nordlys Touring", "Nordlys Touring AS");
    }

    @Test
    void badNamesGetASentence() {
        fixtures.signIn(owner);
        assertThatThrownBy(() -> organizations.rename(org, "  "))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give the organization a name.");
        assertThatThrownBy(() -> organizations.rename(org, "x".repeat(121)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("120 characters");
        assertThatThrownBy(() -> organizations.rename(org, "Two\nlines")).isInstanceOf(Refusal.class);
    }

    @Test
    void editorsAndOutsidersCannotAndTheDatabaseRefusesThemToo() {
        fixtures.signIn(editor);
        assertThat(organizations.canRename(org)).isFalse();
        assertThatThrownBy(() -> organizations.rename(org, "Taken over"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only owners and admins change the organization's name.");
        UUID otto = fixtures.user("Otto");
        fixtures.organization("Other Co", otto);
        fixtures.signIn(otto);
        assertThatThrownBy(() -> organizations.rename(org, "Taken over")).isInstanceOf(Refusal.class);
        Fixtures.signOut();
        for (UUID who : new UUID[] {editor, otto}) {
            int renamed = ActingUser.callAs(
                    who,
                    () -> transactions.execute(status -> {
                        status.setRollbackOnly();
                        return new JdbcTemplate(dataSource)
                                .update("update organizations set name = 'Taken over' where id = ?", org);
                    }));
            assertThat(renamed).isZero();
        }
        assertThat(fixtures.owner().queryForObject("select name from organizations where id = ?", String.class, org))
                .isEqualTo("Northern Lights");
    }
}
