package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.MemberRow;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The members page (the home page's member list until the home page became a member's day; same assertions). */
@RoadbookTest
class MembersViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void theOwnerSeesTheirOrganizationsMembers() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Home Touring", owner);
        for (String role : new String[] {"admin", "editor", "viewer"}) {
            fixtures.member(org, fixtures.user(role), role);
        }
        fixtures.signIn(owner);
        navigate(MembersView.class);

        @SuppressWarnings("unchecked")
        Grid<MemberRow> members = $(Grid.class).withClassName("members-grid").single();
        assertThat(test(members).size()).isEqualTo(4);
        assertThat(test(members).getRow(0).userId()).isEqualTo(owner);
    }

    @Test
    void anotherOrganizationsOwnerSeesOnlyTheirOwn() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Home Touring", owner);
        fixtures.member(org, fixtures.user("editor"), "editor");
        UUID other = fixtures.user("Otto");
        fixtures.organization("Elsewhere Artists", other);
        fixtures.signIn(other);
        navigate(MembersView.class);
        @SuppressWarnings("unchecked")
        Grid<MemberRow> members = $(Grid.class).withClassName("members-grid").single();
        assertThat(test(members).size()).isEqualTo(1);
    }
}
