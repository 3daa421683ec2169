package app.roadbook.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.audit.AuditTrail;
import app.roadbook.base.ui.NotFoundView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

@RoadbookTest
class AuditViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuthenticationProvider signIn;

    @Test
    void anOwnerFiltersTheLogAndAnEditorsAttemptIsRecordedAsRefused() {
        UUID owner = fixtures.user("Audra");
        UUID org = fixtures.organization("Audit View Org", owner);
        UUID editor = fixtures.user("Eddie");
        fixtures.member(org, editor, "editor");
        Fixtures.newClient();
        signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                fixtures.account(editor).getEmail(), "test-password-1"));

        fixtures.signIn(editor);
        navigate("audit", Component.class);
        assertThat($(AuditView.class).exists()).isFalse();
        assertThat($(NotFoundView.class).exists()).isTrue();

        fixtures.signIn(owner);
        AuditView view = navigate(AuditView.class);
        int all = test(view.grid).size();
        assertThat(all).isGreaterThanOrEqualTo(2);
        assertThat(view.count.getText()).isEqualTo(all + " entries");

        view.category.setValue("security");
        view.action.setValue("view_refused");
        assertThat(test(view.grid).size()).isEqualTo(1);
        AuditTrail.Entry refused = test(view.grid).getRow(0);
        assertThat(refused.actor()).isEqualTo("Eddie");
        assertThat(refused.details()).contains("/audit");

        view.action.setValue("signed_in");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).actor()).isEqualTo("Eddie");

        view.action.clear();
        view.category.setValue("billing");
        assertThat(test(view.grid).size()).isZero();
        assertThat(view.count.getText()).isEqualTo("0 entries");
    }

    /** Above 10,000 entries the heading says "10,000+" and counts exactly on request (decision 0018). */
    @Test
    void aLargeLogSaysTenThousandPlusUntilAskedToCountExactly() {
        UUID owner = fixtures.user("Lars");
        UUID org = fixtures.organization("Large Log Org", owner);
        fixtures.owner().update("""
                insert into activity_log (org_id, user_id, category, action, resource_type)
                select ?, ?, 'general', 'bulk.added', 'bulk' from generate_series(1, 10050) g""", org, owner);
        fixtures.signIn(owner);
        AuditView view = navigate(AuditView.class);
        assertThat(view.count.getText()).isEqualTo("10,000+ entries");
        assertThat(view.heading.exactly().isVisible()).isTrue();
        assertThat(test(view.grid).getRow(0).action()).isEqualTo("bulk.added");

        test(view.heading.exactly()).click();
        assertThat(view.count.getText()).matches("10,0[5-9]\\d entries");
        assertThat(view.heading.exactly().isVisible()).isFalse();

        view.action.setValue("nothing like it");
        assertThat(view.count.getText()).isEqualTo("0 entries");
        view.action.clear();
        assertThat(view.count.getText()).isEqualTo("10,000+ entries");
    }
}
