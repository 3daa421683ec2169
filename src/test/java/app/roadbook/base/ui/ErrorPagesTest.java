package app.roadbook.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Nothing the server knows about itself reaches the page when something cannot be opened. */
@RoadbookTest
class ErrorPagesTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void anUnknownAddressShowsOnePlainPageWithoutTheRouteList() {
        UUID owner = fixtures.user("Owner");
        UUID org = fixtures.organization("Error Pages Org", owner);
        UUID editor = fixtures.user("Editor");
        fixtures.member(org, editor, "editor");
        fixtures.signIn(editor);
        navigate("no/such/" + UUID.randomUUID(), Component.class);
        String text = page();
        assertThat(text)
                .contains(NotFoundView.TITLE)
                .doesNotContain("Available routes", "contacts/:contactId", "Exception");
        navigate("billing", Component.class);
        assertThat(page()).as("a refused view looks like a missing one").isEqualTo(text);
    }

    private String page() {
        Component view = (Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }

    @Test
    void anUnexpectedFailureShowsAReferenceAndARefusalLooksLikeNotFound() {
        UnexpectedErrorView view = new UnexpectedErrorView();
        BeforeEnterEvent event = Mockito.mock(BeforeEnterEvent.class, Mockito.RETURNS_DEEP_STUBS);
        Mockito.when(event.getLocation().getPath()).thenReturn("shows/x");
        int status = view.setErrorParameter(
                event,
                new ErrorParameter<>(
                        Exception.class,
                        new IllegalStateException(
                                "connection to 10.0.0.7:5432 refused; password authentication failed for user roadbook_app")));
        String text = view.getElement().getTextRecursively();
        assertThat(status).isEqualTo(500);
        assertThat(text)
                .containsPattern("quote reference [0-9a-f]{8}\\.")
                .doesNotContain("10.0.0.7", "roadbook_app", "IllegalState");

        UnexpectedErrorView refused = new UnexpectedErrorView();
        assertThat(refused.setErrorParameter(
                        event, new ErrorParameter<>(Exception.class, new AccessDeniedException("viewer"))))
                .isEqualTo(404);
        assertThat(refused.getElement().getTextRecursively())
                .contains(NotFoundView.TITLE)
                .doesNotContain("viewer");
    }
}
