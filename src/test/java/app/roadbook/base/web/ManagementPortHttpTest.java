package app.roadbook.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Health for load balancers (decision 0030): liveness and readiness on the management port, answered without a
 * sign-in; nothing else of the actuator there, and none of it on the public port. A node refusing traffic (draining)
 * says so on readiness.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ManagementPortHttpTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment env;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void livenessAndReadinessAnswerOnTheManagementPortWithoutASignIn() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String probe :
                new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            HttpResponse<String> response = get(managementPort, probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components");
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as(probe + ": no session")
                    .isEmpty();
        }
    }

    @Test
    void nothingElseOfTheActuatorIsServed() throws Exception {
        for (String other :
                new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator", "/login", "/"}) {
            HttpResponse<String> response = get(managementPort, other);
            assertThat(response.statusCode()).as(other).isIn(403, 404);
            assertThat(response.body()).as(other).doesNotContain("_links", "\"status\"", "propertySources");
        }
    }

    @Test
    void thePublicPortServesNoneOfIt() throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/env"}) {
            HttpResponse<String> response = get(port, probe);
            assertThat(response.body()).as(probe).doesNotContain("\"status\"");
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(probe)
                    .doesNotContain("json");
        }
    }

    @Test
    void theManagementPortListensOnLoopbackUnlessConfigured() {
        assertThat(env.getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
    }

    @Test
    void aDrainingNodeIsOutOfServiceOnReadinessButAlive() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(get(managementPort, "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
