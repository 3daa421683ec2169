package app.roadbook.demo;

import app.roadbook.base.db.EmbeddedDatabaseEnvironment;
import app.roadbook.tenancy.SignInHint;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this instance seeds and advertises the demo accounts: on by default for the embedded
 * database, off for an external one unless {@code ROADBOOK_DEMO=true}.
 */
@Component
public class DemoData implements SignInHint {

    public static final String PASSWORD = "roadbook-demo";

    private final boolean enabled;

    DemoData(Environment env) {
        boolean embedded = env.getProperty(EmbeddedDatabaseEnvironment.EMBEDDED_FLAG, Boolean.class, false);
        this.enabled = env.getProperty("roadbook.demo", Boolean.class, embedded);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The demo accounts, on the sign-in page, while the demo data is on. */
    @Override
    public Optional<String> text() {
        return enabled
                ? Optional.of("Demo accounts: owner@roadbook.demo, admin@, editor@, viewer@, other@, "
                        + "platform@ and promoter@roadbook.demo, password " + PASSWORD + ".")
                : Optional.empty();
    }
}
