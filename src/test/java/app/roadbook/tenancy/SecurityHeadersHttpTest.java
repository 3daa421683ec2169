package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Every response carries the hardening headers; the session cookie and HSTS follow TLS at the proxy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyKindOfResponseCarriesTheHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(
                get("/login", Map.of()),
                get("/", Map.of()),
                get("/shows/" + UUID.randomUUID(), Map.of()),
                get("/VAADIN/no-such-file.js", Map.of()),
                post("/login", "username=nobody%40example.com&password=x"))) {
            String where = response.request().method() + " "
                    + response.request().uri().getPath() + " -> " + response.statusCode();
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(where)
                    .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "default-src 'self'")
                    .doesNotContain("*", "http:", "https:");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(where)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(where)
                    .hasValue("same-origin");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(where)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as(where + ": no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureOnlyBehindTls() throws Exception {
        String plain = sessionCookie(get("/login", Map.of()));
        assertThat(plain)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");

        HttpResponse<String> tls = get("/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(sessionCookie(tls)).contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax");
        assertThat(tls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "includeSubDomains"));
    }

    @Test
    void vaadinsCsrfProtectionStaysOnAndFailedRequestsShowNoInternals() throws Exception {
        assertThat(ApplicationConfiguration.get(new VaadinServletContext(servletContext))
                        .isXsrfProtectionEnabled())
                .isTrue();

        // A UIDL request of no real UI: Vaadin refuses it without telling how the server works inside.
        HttpResponse<String> uidl = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"csrfToken\":\"forged\",\"rpc\":[],\"syncId\":0,\"clientId\":0}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uidl.body()).doesNotContain("Exception", "at com.", "at org.", "at app.");

        for (String path : List.of(
                "/%", "/VAADIN/../../etc/passwd", "/shows/%00", "/login?error=%3Cscript%3Ealert(1)%3C/script%3E")) {
            HttpResponse<String> response = getRaw(path);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain(
                            "Exception", "at com.", "at org.", "at app.", "Tomcat/", "<script>alert(1)</script>");
        }
    }

    private String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie on " + response.uri()));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Paths the URI class would refuse to build, sent as they are. */
    private HttpResponse<String> getRaw(String path) throws Exception {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            String body = raw.contains("\r\n\r\n") ? raw.substring(raw.indexOf("\r\n\r\n") + 4) : "";
            return new RawResponse(status, body, path);
        }
    }

    private record RawResponse(int statusCode, String body, String path) implements HttpResponse<String> {
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public URI uri() {
            return URI.create("http://localhost/");
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
