package app.roadbook.billing.ui;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.support.WithDemoUser;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@RoadbookTest
class BillingViewTest extends SpringBrowserlessTest {

    @Autowired Fixtures fixtures;

    @Test
    @WithDemoUser("owner@roadbook.demo")
    void theOwnerSeesPlanUsageAndMayRequestAChange() {
        BillingView view = navigate(BillingView.class);
        assertThat(view.planName.getText()).startsWith("Team Manager");
        assertThat(view.status.getText()).isEqualTo("Active");
        assertThat(view.seats.getElement().getTextRecursively()).contains("Members: 4 of 10").contains("Artists: ").contains("unlimited");
        assertThat(view.newPlan.isVisible()).isTrue();
        assertThat(view.requestChange.isVisible()).isTrue();
        assertThat(navigation()).contains("Billing");
    }

    @Test
    @WithDemoUser("admin@roadbook.demo")
    void anAdminReadsBillingButOnlyOwnersRequestChanges() {
        BillingView view = navigate(BillingView.class);
        assertThat(view.planName.getText()).startsWith("Team Manager");
        assertThat(view.newPlan.isVisible()).isFalse();
    }

    @Test
    @WithDemoUser("editor@roadbook.demo")
    void editorsViewersAndCollaboratorsHaveNoRouteToBilling() {
        navigate("billing", Component.class);
        assertThat($(BillingView.class).exists()).isFalse();
        assertThat(navigation()).doesNotContain("Billing");
        navigate("admin/billing", Component.class);
        assertThat($(PlatformBillingView.class).exists()).isFalse();
    }

    @Test
    @WithDemoUser("promoter@roadbook.demo")
    void aCollaboratorHasNoRouteToBilling() {
        navigate("billing", Component.class);
        assertThat($(BillingView.class).exists()).isFalse();
    }

    @Test
    @WithDemoUser("platform@roadbook.demo")
    void thePlatformAdminManagesPlansAndOrgs() {
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
        UUID owner = fixtures.user("Lapsed");
        UUID org = fixtures.organization("Lapsed Co", owner);
        fixtures.accounts().subscription(org, "solo_artist", "canceled", -3);
        fixtures.signIn(owner);
        navigate(BillingView.class);
        Div banner = $(Div.class).withClassName("lapse-banner").single();
        assertThat(banner.getText()).contains("read-only").contains("Billing");
    }
}
