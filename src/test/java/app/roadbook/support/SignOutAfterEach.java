package app.roadbook.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Every {@link RoadbookTest} ends signed out, so no test inherits another's sign-in on a reused thread. */
public class SignOutAfterEach implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        Fixtures.signOut();
    }
}
