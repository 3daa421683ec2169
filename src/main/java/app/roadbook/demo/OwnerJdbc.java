package app.roadbook.demo;

import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A connection as the schema owner, which row-level security does not restrict. Only for writing
 * demo data and test fixtures; the application itself never uses it.
 */
public final class OwnerJdbc {

    private OwnerJdbc() {}

    public static JdbcTemplate from(Environment env) {
        return new JdbcTemplate(dataSource(env));
    }

    public static DataSource dataSource(Environment env) {
        String url = env.getProperty("spring.flyway.url", env.getRequiredProperty("spring.datasource.url"));
        String user = env.getProperty("spring.flyway.user");
        if (user == null) {
            throw new IllegalStateException(
                    "Demo data needs the owner's credentials: set SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD.");
        }
        return new DriverManagerDataSource(url, user, env.getProperty("spring.flyway.password", ""));
    }
}
