package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvanceMails;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.base.ui.NotFoundView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The page behind a notice mail's "stop" link: it stops the mails, says so, and turns them back on. */
@RoadbookTest
class AdvanceMailsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    AdvanceMails mails;

    UUID promoter, session;

    @BeforeEach
    void anAdvanceWithAPromoter() {
        UUID editor = fixtures.user("Editor");
        promoter = fixtures.user("Promoter");
        UUID org = fixtures.organization("Stop Co", editor);
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, current_date) returning id", UUID.class, org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, "
                                + "'promoter_viewer', ?)",
                        show,
                        promoter,
                        org);
        fixtures.signIn(editor);
        session = advancing.createSession(org, show, "Malmö advance", null, null);
    }

    @Test
    void openingTheLinkStopsTheMailsAndTheButtonTurnsThemBackOn() {
        fixtures.signIn(promoter);
        AdvanceMailsView page = navigate(AdvanceMailsView.class, Map.of("sessionId", session.toString()));
        assertThat(page.heading.getText()).isEqualTo("No more mails about “Malmö advance”");
        assertThat(page.toggle.getText()).isEqualTo("Send me these mails again");
        assertThat(page.advance.getHref()).isEqualTo("advance/" + session);
        assertThat(mails.setting(session).stopped()).isTrue();

        test(page.toggle).click();
        assertThat(page.heading.getText()).isEqualTo("Mails about “Malmö advance” are on");
        assertThat(mails.setting(session).stopped()).isFalse();
        test(page.toggle).click();
        assertThat(mails.setting(session).stopped()).isTrue();
    }

    @Test
    void someoneWhoMayNotSeeTheAdvanceFindsNoSuchPage() {
        fixtures.signIn(fixtures.user("Stranger"));
        navigate("advance/" + session + "/mails", Component.class);
        assertThat($(NotFoundView.class).exists()).isTrue();
        navigate("advance/not-an-id/mails", Component.class);
        assertThat($(NotFoundView.class).exists()).isTrue();
    }
}
