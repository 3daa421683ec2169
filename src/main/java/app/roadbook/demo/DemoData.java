package app.roadbook.demo;

import app.roadbook.base.db.EmbeddedDatabaseEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this instance seeds and advertises the demo accounts: on by default for the embedded
 * database, off for an external one unless {@code ROADBOOK_DEMO=true}.
 */
@Component
public class DemoData {

    public static final String PASSWORD = "roadbook-demo";

    private final boolean enabled;

    DemoData(Environment env) {
        boolean embedded = env.getProperty(EmbeddedDatabaseEnvironment.EMBEDDED_FLAG, Boolean.class, false);
        this.enabled = env.getProperty("roadbook.demo", Boolean.class, embedded);
    }

    public boolean isEnabled() {
        return enabled;
    }
}
