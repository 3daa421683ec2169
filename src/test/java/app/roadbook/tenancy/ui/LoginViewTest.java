package app.roadbook.tenancy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RoadbookTest
class LoginViewTest extends SpringBrowserlessTest {

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
    void aFreshVisitSeesNoErrorAndTheDemoAccounts() {
        navigate(LoginView.class);
        assertThat($(LoginForm.class).single().isError()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Div.class)
                        .withClassName("login-demo-hint")
                        .single()
                        .getText())
                .contains("owner@roadbook.demo");
    }
}
