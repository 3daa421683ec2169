package app.roadbook.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ui.LoginView;
import app.roadbook.waitlist.WaitlistRow;
import app.roadbook.waitlist.WaitlistStatus;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public sign-up page and the platform admins' Waitlist page, without a browser. */
@RoadbookTest
class WaitlistViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void theSignInPageLinksToTheWaitlist() {
        navigate(LoginView.class);
        assertThat($(Anchor.class).all()).anySatisfy(a -> {
            assertThat(a.getText()).isEqualTo("Join the waitlist");
            assertThat(a.getHref()).isEqualTo("waitlist");
        });
    }

    @Test
    void aVisitorSignsUpAndIsThankedAndAnIncompleteFormSaysWhatIsMissing() {
        JoinWaitlistView view = navigate(JoinWaitlistView.class);
        test(view.join).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Give your name.");
        assertThat(view.role.isInvalid()).isTrue();
        assertThat(view.thanks.isVisible()).isFalse();

        String email = Fixtures.unique("view").toLowerCase() + "@waitlist.test";
        test(view.name).setValue("Kofi Mensah");
        test(view.email).setValue(email);
        test(view.role).selectItem("Booking agent");
        test(view.company).setValue("Mensah Booking");
        test(view.join).click();

        assertThat(view.form.isVisible()).isFalse();
        assertThat(view.thanks.isVisible()).isTrue();
        assertThat(view.thanks.getElement().getTextRecursively()).contains("Thank you, you're on the list", email);
        Map<String, Object> row = fixtures.owner().queryForMap("select * from waitlist where email = ?", email);
        assertThat(row).containsEntry("role", "agent").containsEntry("company", "Mensah Booking");
    }

    @Test
    void aPlatformAdminFiltersAndInvitesAfterConfirming() {
        String email = Fixtures.unique("grid").toLowerCase() + "@waitlist.test";
        fixtures.owner()
                .update(
                        "insert into waitlist (email, name, role, status) values (?, 'Léa Fontaine', 'venue', 'pending')",
                        email);
        fixtures.signIn(fixtures.platformAdmin());
        WaitlistView view = navigate(WaitlistView.class);
        test(view.status).selectItem("Waiting");
        test(view.search).setValue(email);
        assertThat(test(view.grid).size()).isEqualTo(1);
        WaitlistRow row = test(view.grid).getRow(0);
        assertThat(row.status()).isEqualTo(WaitlistStatus.pending);
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("Venue");
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("Waiting");
        assertThat(view.count.getText()).isEqualTo("1 entry");

        HorizontalLayout actions = (HorizontalLayout) test(view.grid).getCellComponent(0, 7);
        Button invite = (Button) actions.getComponentAt(0);
        assertThat(invite.getText()).isEqualTo("Invite");
        test(invite).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Invite Léa Fontaine (" + email + ")?");
        test(confirm).confirm();
        assertThat(fixtures.owner().queryForObject("select status from waitlist where email = ?", String.class, email))
                .isEqualTo("invited");

        test(view.status).selectItem("Invited");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 6)).startsWith("Invited ").endsWith(" by Platform Admin");
    }
}
