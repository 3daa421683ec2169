package app.roadbook.base.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code spring.datasource.url}, starts the embedded PostgreSQL and points the app at it:
 * the datasource as the application role, Flyway as the owner. Everything downstream is identical
 * for embedded and external databases.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "roadbookEmbeddedDatabase";
    public static final String EMBEDDED_FLAG = "roadbook.database.embedded";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")
                || env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        boolean ephemeral = env.getProperty("roadbook.embedded.ephemeral", Boolean.class, false);
        Path dataDir = ephemeral ? null : Path.of(env.getRequiredProperty("roadbook.data-dir"));
        String appRole = env.getProperty("spring.flyway.placeholders.app_role", EmbeddedDatabase.DEFAULT_APP_ROLE);
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, appRole);

        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", db.jdbcUrl());
        props.put("spring.datasource.username", db.appRole());
        props.put("spring.datasource.password", db.appPassword());
        props.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
        props.put("spring.flyway.password", db.ownerPassword());
        props.put(EMBEDDED_FLAG, true);
        env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, props));
    }

    @Override
    public int getOrder() {
        // After the config files are read, so application.properties and env variables can name a database.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
