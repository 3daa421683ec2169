package app.roadbook.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.MainLayout;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgSummary;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void theOwnerSeesTheirOrganizationInTheLayout() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Home Touring", owner);
        for (String role : new String[] {"admin", "editor", "viewer"}) {
            fixtures.member(org, fixtures.user(role), role);
        }
        fixtures.signIn(owner);
        navigate(HomeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Home Touring");
        MainLayout layout = $(MainLayout.class).single();
        Span orgName = $(Span.class, layout).withClassName("current-org").single();
        assertThat(orgName.getText()).isEqualTo("Home Touring");
        assertThat(orgName.isVisible()).isTrue();
        assertThat($(Select.class, layout).all())
                .as("no visible switcher with one org")
                .isEmpty();
        // Its members have their own page now (MembersViewTest), reached from the menu.
        assertThat($(SideNavItem.class, layout).all().stream()
                        .filter(i -> "Members".equals(i.getLabel()))
                        .findFirst()
                        .orElseThrow()
                        .isVisible())
                .isTrue();
    }

    @Test
    void anotherOrganizationsOwnerSeesOnlyTheirOwn() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Home Touring", owner);
        fixtures.member(org, fixtures.user("editor"), "editor");
        UUID other = fixtures.user("Otto");
        fixtures.organization("Elsewhere Artists", other);
        fixtures.signIn(other);
        navigate(HomeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Elsewhere Artists");
    }

    @Test
    void aUserWithoutAnOrganizationCreatesOneAndBecomesItsOwner() {
        UUID user = fixtures.user("Newcomer");
        fixtures.signIn(user);
        navigate(HomeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Welcome to Roadbook");

        Button create = $(Button.class).withText("Create organization").single();
        test(create).click();
        TextField name = $(TextField.class).single();
        assertThat(name.isInvalid())
                .as("empty name is refused next to the field")
                .isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the organization a name.");

        test(name).setValue("Newcomer Live");
        test(create).click();
        assertThat($(H2.class).single().getText()).isEqualTo("Newcomer Live");
        assertThat($(Span.class).withClassName("current-org").single().getText())
                .isEqualTo("Newcomer Live");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members m join organizations o on o.id = m.org_id where m.user_id = ? and o.name = ?",
                                String.class,
                                user,
                                "Newcomer Live"))
                .isEqualTo("owner");
    }

    @Test
    void aUserInSeveralOrganizationsSwitchesBetweenThem() {
        UUID user = fixtures.user("Juggler");
        UUID first = fixtures.organization("Alpha Agency", user);
        UUID second = fixtures.organization("Beta Bookings", user);
        fixtures.signIn(user);
        navigate(HomeView.class);

        @SuppressWarnings("unchecked")
        Select<OrgSummary> switcher =
                $(Select.class, $(MainLayout.class).single()).single();
        assertThat(switcher.isVisible()).isTrue();
        assertThat(switcher.getValue().id()).isEqualTo(first);
        assertThat($(H2.class).single().getText()).isEqualTo("Alpha Agency");

        test(switcher).selectItem("Beta Bookings");
        assertThat($(H2.class).single().getText()).isEqualTo("Beta Bookings");
        assertThat(switcher.getValue().id()).isEqualTo(second);
    }
}
