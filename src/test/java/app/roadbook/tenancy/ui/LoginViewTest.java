package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.demo.DemoData;
import app.roadbook.demo.DemoSwitch;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.SignInHint;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class LoginViewTest extends SpringBrowserlessTest {

    @Autowired
    AuthenticationContext authentication;

    @Autowired
    List<SignInHint> hints;

    @Test
    void aFailedSignInShowsOneMessageForUnknownEmailAndWrongPassword() {
        LoginView view = navigateWithQuery(Map.of("error", List.of("")));
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(view.errorMessage()).isEqualTo(LoginView.BAD_CREDENTIALS);
        assertThat(form.getAction()).isEqualTo("login");
    }

    @Test
    void aThrottledSignInSaysHowLongToWait() {
        LoginView view = navigateWithQuery(Map.of("error", List.of("throttled"), "retry", List.of("8")));
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.errorMessage()).contains("Wait 8 seconds");
    }

    @Test
    void aSignInRefusedBecauseTooManyPasswordsWereBeingHashedSaysToTryAgainNotThatThePasswordWasWrong() {
        LoginView view = navigateWithQuery(Map.of("error", List.of("busy")));
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.errorMessage()).contains("Try again in a minute").isNotEqualTo(LoginView.BAD_CREDENTIALS);
    }

    @Test
    void aSignInWithoutTheFormsValidTokenSaysTheFormExpired() {
        LoginView view = navigateWithQuery(Map.of("error", List.of("expired")));
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.errorMessage()).isEqualTo(LoginView.EXPIRED);
    }

    private LoginView navigateWithQuery(Map<String, List<String>> query) {
        UI.getCurrent().navigate("login", new QueryParameters(query));
        return $(LoginView.class).single();
    }

    @Test
    void aFreshVisitSeesNoErrorAndNoDemoAccountsWhileTheDemoIsOff() {
        // The suite's instance runs without demo data (roadbook.demo=false), so it advertises no demo accounts.
        navigate(LoginView.class);
        assertThat($(LoginForm.class).single().isError()).isFalse();
        assertThat($(Div.class).withClassName("login-demo-hint").all()).isEmpty();
    }

    @Test
    void aFreshVisitSeesNoErrorAndTheDemoAccountsWhileTheDemoIsOn() {
        // The sign-in page gets its hints from the context, the demo data's among them; here it is the demo data
        // as an instance with the demo on has it.
        assertThat(hints).hasAtLeastOneElementOfType(DemoData.class);
        LoginView view = new LoginView(authentication, List.of(DemoSwitch.on()));
        UI.getCurrent().add(view);
        assertThat($(LoginForm.class, view).single().isError()).isFalse();
        assertThat($(Div.class, view).withClassName("login-demo-hint").single().getText())
                .contains("owner@roadbook.demo")
                .contains(DemoData.PASSWORD);
    }
}
