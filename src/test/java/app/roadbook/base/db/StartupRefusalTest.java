package app.roadbook.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.RoadbookApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Starting the whole app against an unsafe or unreachable database fails with one clear sentence. */
class StartupRefusalTest {

    EmbeddedDatabase db = EmbeddedDatabase.start(null, EmbeddedDatabase.DEFAULT_APP_ROLE);
    MockEnvironment env = new MockEnvironment();

    @Test
    void theAppRefusesToStartAsASuperuserWithOneClearSentence() {
        assertThatThrownBy(() -> start(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=" + db.superuserPassword(),
                        "--spring.flyway.user=" + EmbeddedDatabase.OWNER_ROLE,
                        "--spring.flyway.password=" + db.ownerPassword()))
                .satisfies(failure -> {
                    FailureAnalysis analysis = new DatabaseFailureAnalyzer(env).analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .startsWith(
                                    "Roadbook refuses to start because the application role 'postgres' is a superuser");
                });
    }

    @Test
    void theAppRefusesToStartWhenTheDatabaseIsUnreachable() {
        MockEnvironment unreachable =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/roadbook");
        assertThatThrownBy(() -> start(
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/roadbook",
                        "--spring.datasource.username=roadbook_app",
                        "--spring.datasource.password=x",
                        "--spring.datasource.hikari.connection-timeout=2000"))
                .satisfies(failure -> {
                    FailureAnalysis analysis = new DatabaseFailureAnalyzer(unreachable).analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .startsWith("Roadbook cannot reach its database at jdbc:postgresql://127.0.0.1:1/roadbook");
                    assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
                });
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(RoadbookApplication.class)
                .profiles("test")
                .properties("spring.main.web-application-type=none", "roadbook.demo=false")
                .run(args)
                .close();
    }
}
