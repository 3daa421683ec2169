package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.ui.NotFoundView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.MemberRow;
import app.roadbook.tenancy.OrgRole;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class MembersAndAccountsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    @SuppressWarnings("unchecked")
    void anOwnerChangesARoleAndSignsAMemberOutEverywhere() {
        UUID owner = fixtures.user("Orla");
        UUID org = fixtures.organization("Members View Org", owner);
        UUID editor = fixtures.user("Ezra");
        fixtures.member(org, editor, "editor");
        fixtures.signIn(owner);
        navigate(MembersView.class);

        Grid<MemberRow> members = $(Grid.class).withClassName("members-grid").single();
        int row = 0;
        while (!test(members).getRow(row).userId().equals(editor)) {
            row++;
        }
        assertThat(
                        test(members)
                                        .getCellComponent(
                                                test(members).getRow(0).userId().equals(owner) ? 0 : 1, 2)
                                instanceof Select)
                .as("nobody changes their own role")
                .isFalse();
        Select<OrgRole> role = (Select<OrgRole>) test(members).getCellComponent(row, 2);
        test(role).selectItem("Viewer");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members where org_id = ? and user_id = ?",
                                String.class,
                                org,
                                editor))
                .isEqualTo("viewer");

        HorizontalLayout actions = (HorizontalLayout) test(members).getCellComponent(row, 3);
        Button signOut = (Button) actions.getComponentAt(0);
        assertThat(signOut.getText()).isEqualTo("Sign out everywhere");
        Instant before = Instant.now().minusSeconds(1);
        test(signOut).click();
        test($(ConfirmDialog.class).single()).confirm();
        Instant validFrom = fixtures.owner()
                .queryForObject("select sessions_valid_from from app_users where id = ?", Instant.class, editor);
        assertThat(validFrom).isAfter(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlatformAdminFindsAndDisablesAnAccountAndOwnersHaveNoSuchPage() {
        UUID target = fixtures.user("Dora");
        String email = fixtures.account(target).getEmail();
        fixtures.signIn(fixtures.platformAdmin());
        AccountsView view = navigate(AccountsView.class);
        test(view.search).setValue(email);
        assertThat(test(view.grid).size()).isEqualTo(1);
        Button disable = (Button) test(view.grid).getCellComponent(0, 4);
        assertThat(disable.getText()).isEqualTo("Disable");
        test(disable).click();
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select disabled_at is not null from app_users where id = ?", Boolean.class, target))
                .isTrue();
        assertThat(test(view.grid).getRow(0).disabled()).isTrue();

        UUID owner = fixtures.user("Owner");
        fixtures.organization("Accounts Org", owner);
        fixtures.signIn(owner);
        navigate("admin/accounts", Component.class);
        assertThat($(AccountsView.class).exists()).isFalse();
        assertThat($(NotFoundView.class).exists()).isTrue();
    }
}
