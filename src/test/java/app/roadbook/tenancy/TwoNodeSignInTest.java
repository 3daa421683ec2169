package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.RoadbookApplication;
import app.roadbook.base.db.EmbeddedDatabase;
import app.roadbook.support.Fixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two Roadbook nodes on one database, as behind a load balancer (decision 0030): a browser signed in on node A that
 * lands on node B (A was lost) is signed in there from its sign-in record, on the page it asked for; signing a member
 * out everywhere on one node ends their sign-in on both; and the idle limit holds across nodes by the application's
 * clock (one clock bean shared by both nodes, moved by the test).
 * <p>
 * Runs in the own-context execution (decision 0010). Both contexts live in this one JVM, so before each request the
 * test makes the node's own security-context holder the JVM's (as each node would have in its own JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeSignInTest {

    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    @TempDir
    Path dataDir;

    final MovableClock clock = new MovableClock();
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    EmbeddedDatabase db;
    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;

    @BeforeAll
    void twoNodes() {
        db = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.DEFAULT_APP_ROLE);
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    void stop() throws java.io.IOException {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void now() {
        clock.set(Instant.now());
    }

    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(RoadbookApplication.class)
                .profiles("test")
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("twoNodeClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)))
                .run(
                        "--server.port=0",
                        "--roadbook.demo=false",
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + EmbeddedDatabase.DEFAULT_APP_ROLE,
                        "--spring.datasource.password=" + db.appPassword(),
                        "--spring.flyway.user=" + EmbeddedDatabase.OWNER_ROLE,
                        "--spring.flyway.password=" + db.ownerPassword());
    }

    @Test
    void losingANodeCostsAReloadAndSigningOutEverywhereReachesEveryNode() throws Exception {
        Fixtures fixtures = use(nodeA).getBean(Fixtures.class);
        UUID owner = fixtures.user("Nora");
        UUID org = fixtures.organization("Two Node Org", owner);
        UUID member = fixtures.user("Nils");
        fixtures.member(org, member, "editor");
        Map<String, String> browser = signIn(nodeA, fixtures.account(member).getEmail());
        assertThat(browser).containsKeys("JSESSIONID", SignInRecords.COOKIE);
        String sessionOnA = browser.get("JSESSIONID");
        assertThat(get(nodeA, "/shows", browser).statusCode()).isEqualTo(200);

        // Node A is lost: the browser's next request reaches node B, which never saw its session.
        HttpResponse<String> onB = get(nodeB, "/shows", browser);
        assertThat(onB.statusCode())
                .as("signed in on node B, on the page asked for")
                .isEqualTo(200);
        assertThat(browser.get("JSESSIONID")).as("a session of node B's own").isNotEqualTo(sessionOnA);
        assertThat(get(nodeB, "/shows", browser).statusCode()).isEqualTo(200);
        Map<String, String> onlyTheRecord =
                new LinkedHashMap<>(Map.of(SignInRecords.COOKIE, browser.get(SignInRecords.COOKIE)));
        assertThat(get(nodeB, "/shows", onlyTheRecord).statusCode())
                .as("only the sign-in cookie")
                .isEqualTo(200);
        Map<String, String> backOnA = new LinkedHashMap<>(browser);
        backOnA.put("JSESSIONID", sessionOnA);

        // The owner signs the member out everywhere on node A; node B's session ends on its next request.
        use(nodeA);
        Fixtures.signIn(fixtures.account(owner));
        try {
            nodeA.getBean(MemberAdmin.class).signOutEverywhere(org, member);
        } finally {
            Fixtures.signOut();
        }
        assertEnded(get(nodeB, "/shows", browser));
        assertEnded(get(nodeA, "/shows", backOnA));
        Map<String, String> stale = new LinkedHashMap<>(onlyTheRecord);
        assertEnded(get(nodeA, "/shows", stale));
        assertThat(stale).as("the dead record's cookie is cleared").doesNotContainKey(SignInRecords.COOKIE);
    }

    @Test
    void theIdleLimitCountsUseOnEitherNodeByTheApplicationsClock() throws Exception {
        Fixtures fixtures = use(nodeA).getBean(Fixtures.class);
        UUID person = fixtures.user("Ines");
        fixtures.organization("Idle Two Node Org", person);
        Map<String, String> browser = signIn(nodeA, fixtures.account(person).getEmail());

        clock.pass(Duration.ofMinutes(20));
        assertThat(get(nodeA, "/shows", browser).statusCode())
                .as("use on node A")
                .isEqualTo(200);
        clock.pass(Duration.ofMinutes(20));
        Map<String, String> onB = new LinkedHashMap<>(Map.of(SignInRecords.COOKIE, browser.get(SignInRecords.COOKIE)));
        assertThat(get(nodeB, "/shows", onB).statusCode())
                .as("40 minutes after signing in, 20 after the last use on node A")
                .isEqualTo(200);

        clock.pass(Duration.ofMinutes(31));
        assertEnded(get(nodeA, "/shows", browser));
        assertEnded(get(nodeB, "/shows", onB));
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() throws Exception {
        Fixtures fixtures = use(nodeA).getBean(Fixtures.class);
        UUID person = fixtures.user("Omar");
        fixtures.organization("Sign Out Org", person);
        Map<String, String> browser = signIn(nodeA, fixtures.account(person).getEmail());
        Map<String, String> onB = new LinkedHashMap<>(Map.of(SignInRecords.COOKIE, browser.get(SignInRecords.COOKIE)));
        assertThat(get(nodeB, "/shows", onB).statusCode()).isEqualTo(200);

        // Signing out on node A (what the menu's "Sign out" runs there).
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/logout");
        request.setCookies(new jakarta.servlet.http.Cookie(SignInRecords.COOKIE, browser.get(SignInRecords.COOKIE)));
        new SignOutEndsRecord(use(nodeA).getBean(SignInRecords.class))
                .logout(request, new org.springframework.mock.web.MockHttpServletResponse(), null);

        assertEnded(get(nodeB, "/shows", onB));
    }

    private void assertEnded(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?ended");
    }

    /** Makes the node's security-context holder the JVM's, as it is in the node's own JVM. */
    private ConfigurableApplicationContext use(ConfigurableApplicationContext node) {
        SecurityContextHolder.setContextHolderStrategy(node.getBean(SecurityContextHolderStrategy.class));
        return node;
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Signs in through the sign-in form of the node; the browser's cookies afterwards. */
    private Map<String, String> signIn(ConfigurableApplicationContext node, String email) throws Exception {
        Map<String, String> browser = new LinkedHashMap<>();
        HttpResponse<String> page = get(node, "/login", browser);
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]*)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        use(node);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookieHeader(browser))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + url(email) + "&password=test-password-1&_csrf=" + url(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        keep(browser, signedIn);
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .as("signed in")
                .doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, Map<String, String> browser)
            throws Exception {
        use(node);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
                .header("Accept", "text/html");
        if (!browser.isEmpty()) {
            request.header("Cookie", cookieHeader(browser));
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        keep(browser, response);
        return response;
    }

    private static String cookieHeader(Map<String, String> browser) {
        return browser.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** What a browser does with Set-Cookie: keeps new values, forgets cleared ones. */
    private static void keep(Map<String, String> browser, HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                browser.remove(name);
            } else {
                browser.put(name, value);
            }
        }
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
