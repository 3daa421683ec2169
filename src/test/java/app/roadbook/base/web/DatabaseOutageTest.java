package app.roadbook.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.RoadbookApplication;
import app.roadbook.base.db.EmbeddedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Finding 10: with PostgreSQL down a page hung about 30 s and then showed Spring's "Whitelabel Error Page".
 * The whole app on a PostgreSQL of its own, which the test stops and starts again on the same port.
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageSaysTheDatabaseCannotBeReachedAndWorksAgainWhenItIsBack() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.DEFAULT_APP_ROLE);
        int dbPort = db.port();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RoadbookApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--roadbook.demo=false",
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + EmbeddedDatabase.DEFAULT_APP_ROLE,
                        "--spring.datasource.password=" + db.appPassword(),
                        "--spring.flyway.user=" + EmbeddedDatabase.OWNER_ROLE,
                        "--spring.flyway.password=" + db.ownerPassword())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // No request waits on the pool longer than this when the database is gone (no clock in the test).
            assertThat(app.getBean(DataSource.class)
                            .unwrap(HikariDataSource.class)
                            .getConnectionTimeout())
                    .isLessThanOrEqualTo(3_000);

            DataSource owner =
                    new DriverManagerDataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER_ROLE, db.ownerPassword());
            new JdbcTemplate(owner)
                    .update(
                            "insert into app_users (email, display_name, password_hash) values (?, 'Outage', ?)",
                            "outage@test.roadbook",
                            new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode("outage-password"));
            String session = signIn(port, "outage@test.roadbook", "outage-password");
            assertThat(get(port, "/", session).statusCode())
                    .as("signed in, database up")
                    .isEqualTo(200);

            db.close();
            HttpResponse<String> down = get(port, "/", session);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body())
                    .contains("Roadbook cannot reach its database")
                    .doesNotContain("Whitelabel", "Exception");
            assertThat(down.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(down.headers().firstValue("Retry-After")).hasValue("30");

            db = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.DEFAULT_APP_ROLE, dbPort);
            int status = 0;
            // The pool drops its dead connections on their next use; give it a few requests, not a deadline.
            for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
                status = get(port, "/", session).statusCode();
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            assertThat(status)
                    .as("the same session works again once the database is back")
                    .isEqualTo(200);
        } finally {
            db.close();
        }
    }

    private String signIn(int port, String email, String password) throws Exception {
        HttpResponse<String> page = get(port, "/login", null);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]*)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + url(email) + "&password="
                                + url(password) + "&_csrf=" + url(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
