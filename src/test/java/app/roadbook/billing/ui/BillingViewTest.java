package app.roadbook.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The billing pages on the test's own organization (Team Manager, active): its owner, admin, editor and a promoter. */
@RoadbookTest
class BillingViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    UUID owner, admin, editor, org;

    @BeforeEach
    void anOrgOnTeamManager() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        org = fixtures.organization("Billing Views", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, fixtures.user("Viewer"), "viewer");
    }

    @Test
    void theOwnerSeesPlanUsageAndMayRequestAChange() {
        fixtures.signIn(owner);
        BillingView view = navigate(BillingView.class);
        assertThat(view.planName.getText()).startsWith("Team Manager");
        assertThat(view.status.getText()).isEqualTo("Active");
        assertThat(view.seats.getElement().getTextRecursively())
                .contains("Members: 4 of 10")
                .contains("Artists: ")
                .contains("unlimited");
        assertThat(view.newPlan.isVisible()).isTrue();
        assertThat(view.requestChange.isVisible()).isTrue();
        assertThat(navigation()).contains("Billing");
    }

    @Test
    void anAdminReadsBillingButOnlyOwnersRequestChanges() {
        fixtures.signIn(admin);
        BillingView view = navigate(BillingView.class);
        assertThat(view.planName.getText()).startsWith("Team Manager");
        assertThat(view.newPlan.isVisible()).isFalse();
    }

    @Test
    void editorsViewersAndCollaboratorsHaveNoRouteToBilling() {
        fixtures.signIn(editor);
        navigate("billing", Component.class);
        assertThat($(BillingView.class).exists()).isFalse();
        assertThat(navigation()).doesNotContain("Billing");
        navigate("admin/billing", Component.class);
        assertThat($(PlatformBillingView.class).exists()).isFalse();
    }

    @Test
    void aCollaboratorHasNoRouteToBilling() {
        UUID promoter = fixtures.user("Promoter");
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, current_date) returning id", UUID.class, org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                        show,
                        promoter,
                        org);
        fixtures.signIn(promoter);
        navigate("billing", Component.class);
        assertThat($(BillingView.class).exists()).isFalse();
    }

    @Test
    void thePlatformAdminManagesPlansAndOrgs() {
        fixtures.organization("Billing Views Two", fixtures.user("Other"));
        fixtures.signIn(fixtures.platformAdmin());
        PlatformBillingView view = navigate(PlatformBillingView.class);
        assertThat(test(view.plans).size()).isGreaterThanOrEqualTo(4);
        assertThat(test(view.orgs).size()).isGreaterThanOrEqualTo(2);
        assertThat(navigation()).contains("Platform billing");
    }

    private java.util.List<String> navigation() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void aLapsedOrgShowsABannerSayingWhyAndWhatToDo() {
        UUID lapsedOwner = fixtures.user("Lapsed");
        UUID lapsed = fixtures.organization("Lapsed Co", lapsedOwner);
        fixtures.accounts().subscription(lapsed, "solo_artist", "canceled", -3);
        fixtures.signIn(lapsedOwner);
        navigate(BillingView.class);
        Div banner = $(Div.class).withClassName("lapse-banner").single();
        assertThat(banner.getText()).contains("read-only").contains("Billing");
    }
}
