package app.roadbook.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The feed over real HTTP without a session: a live address answers text/calendar, a revoked or unknown one a bare
 * 404 — never the sign-in page (the endpoint is permitted in SecurityConfig; the token is the credential).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarFeedHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CalendarFeeds feeds;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLiveAddressAnswersTheCalendarAndARevokedOneA404() throws Exception {
        UUID owner = fixtures.user("Owner");
        fixtures.organization("Http Feed Co", owner);
        fixtures.signIn(owner);
        String url = feeds.issue();
        Fixtures.signOut();
        String path = URI.create(url).getPath();
        assertThat(path).startsWith("/feeds/").endsWith(".ics");

        HttpResponse<String> live = get(path);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(live.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(live.body()).startsWith("BEGIN:VCALENDAR");

        fixtures.signIn(owner);
        feeds.revoke();
        Fixtures.signOut();
        HttpResponse<String> revoked = get(path);
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(revoked.body()).isEmpty();
        HttpResponse<String> unknown = get("/feeds/" + "x".repeat(43) + ".ics");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
    }
}
