package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The outside attack's HTTP findings, replayed against the running app: each of these worked on the commit
 * before the fix (decision 0014).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttackFindingsHttpTest {

    static final String PASSWORD = "test-password-1";
    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Finding 1: a stranger read every invitation link in the development outbox. */
    @Test
    void theDevelopmentMailboxIsClosedToStrangers() throws Exception {
        HttpResponse<String> page = get("/dev/outbox", null, Map.of());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(page.body()).doesNotContain("/invite/");
    }

    /** Finding 4: another site's form signed the visitor into the attacker's account. */
    @Test
    void aSignInPostedFromAnotherSiteOrWithoutTheFormsTokenSignsNobodyIn() throws Exception {
        String email = email();
        String form = "username=" + url(email) + "&password=" + url(PASSWORD);

        HttpResponse<String> foreign = post("/login", form, null, Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(302);
        assertThat(foreign.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(signedIn(cookie(foreign)))
                .as("signed in from another site's form")
                .isFalse();

        HttpResponse<String> tokenless = post("/login", form, null, Map.of());
        assertThat(signedIn(cookie(tokenless)))
                .as("signed in without the form's token")
                .isFalse();

        // The real form: the page carries the token in its meta tags, and vaadin-login-form posts it.
        SignInForm page = signInForm(Map.of());
        HttpResponse<String> real = post(
                "/login", form + "&" + page.tokenField(), page.cookie(), Map.of("Origin", "http://localhost:" + port));
        assertThat(real.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(signedIn(cookie(real))).as("the real form signs in").isTrue();
    }

    /** Finding 7: one client tried 25 emails unhindered, and an attacker's guesses locked the real owner out. */
    @Test
    void aSprayingClientIsSlowedWhileTheOwnerSignsInFromTheirOwnClient() throws Exception {
        Map<String, String> attacker = Map.of("X-Forwarded-For", "203.0.113.66");
        SignInForm attackerForm = signInForm(attacker);
        int throttled = 0;
        for (int i = 0; i < 25; i++) {
            String form =
                    "username=" + url("spray-" + i + "@test.roadbook") + "&password=wrong&" + attackerForm.tokenField();
            HttpResponse<String> answer = post("/login", form, attackerForm.cookie(), attacker);
            if (answer.headers().firstValue("Location").orElse("").contains("error=throttled")) {
                throttled++;
            }
        }
        assertThat(throttled)
                .as("of 25 attempts from one client, turned away unchecked")
                .isGreaterThanOrEqualTo(10);

        String owner = email();
        for (int i = 0; i < 6; i++) {
            post(
                    "/login",
                    "username=" + url(owner) + "&password=wrong&" + attackerForm.tokenField(),
                    attackerForm.cookie(),
                    attacker);
        }
        Map<String, String> ownersLaptop = Map.of("X-Forwarded-For", "198.51.100.66");
        SignInForm ownerForm = signInForm(ownersLaptop);
        HttpResponse<String> owners = post(
                "/login",
                "username=" + url(owner) + "&password=" + url(PASSWORD) + "&" + ownerForm.tokenField(),
                ownerForm.cookie(),
                ownersLaptop);
        assertThat(signedIn(cookie(owners)))
                .as("the owner, from their own client")
                .isTrue();
    }

    /** Finding 12: the container's own 400, 404 and 405 answers carried none of the security headers. */
    @Test
    void theContainersOwnErrorAnswersCarryTheSecurityHeaders() throws Exception {
        for (String request : List.of(
                "GET /% HTTP/1.1",
                "GET /<x> HTTP/1.1",
                "GET //x HTTP/1.1",
                "GET /x;jsessionid=1 HTTP/1.1",
                "GET /WEB-INF/web.xml HTTP/1.1",
                "TRACE / HTTP/1.1",
                "GET /a%2fb HTTP/1.1")) {
            Map<String, String> headers = rawHeaders(request);
            assertThat(headers.get(":status")).as(request).matches("4\\d\\d");
            assertThat(headers.get("content-security-policy")).as(request).contains("frame-ancestors 'none'");
            assertThat(headers.get("x-content-type-options")).as(request).isEqualTo("nosniff");
            assertThat(headers.get("x-frame-options")).as(request).isEqualTo("DENY");
            assertThat(headers.get("referrer-policy")).as(request).isEqualTo("same-origin");
        }
    }

    private String email() {
        return fixtures.owner()
                .queryForObject(
                        "select email::text from app_users where id = ?", String.class, fixtures.user("Attacked"));
    }

    private record SignInForm(String cookie, String parameter, String token) {
        String tokenField() {
            return url(parameter) + "=" + url(token);
        }
    }

    private SignInForm signInForm(Map<String, String> headers) throws Exception {
        HttpResponse<String> page = get("/login", null, headers);
        Map<String, String> meta = new LinkedHashMap<>();
        Matcher m = META.matcher(page.body());
        while (m.find()) {
            meta.put(m.group(1), m.group(2));
        }
        assertThat(meta).as("the sign-in page's CSRF meta tags").containsKeys("_csrf", "_csrf_parameter");
        return new SignInForm(cookie(page), meta.get("_csrf_parameter"), meta.get("_csrf"));
    }

    /** Whether a request with this session cookie reaches the start page instead of the sign-in page. */
    private boolean signedIn(String cookie) throws Exception {
        if (cookie == null) {
            return false;
        }
        HttpResponse<String> home = get("/", cookie, Map.of());
        return home.statusCode() == 200;
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<String> get(String path, String cookie, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Requests Java's HTTP client refuses to send, written to the socket as they are; the status under ":status". */
    private Map<String, String> rawHeaders(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = raw.contains("\r\n\r\n") ? raw.substring(0, raw.indexOf("\r\n\r\n")) : raw;
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            headers.put(":status", lines[0].length() >= 12 ? lines[0].substring(9, 12) : lines[0]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return headers;
        }
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
