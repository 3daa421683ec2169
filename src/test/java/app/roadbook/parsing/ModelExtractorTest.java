package app.roadbook.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The model extractor against a local stub of an OpenAI-compatible endpoint (JDK HttpServer): no network. */
class ModelExtractorTest {

    static final String TEXT =
            "Hi Sara,\nNordic Drift at Rockefeller on Friday 15 January 2027.\nFee: EUR 3,500 flat.\n";

    private HttpServer server;
    private final AtomicReference<String> request = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ModelExtractor answering(int status, String content, long delayMillis, Duration timeout)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            request.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                    + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(content) + "}}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the client gave up (timeout test)
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new ModelExtractor(ModelExtractor.Settings.from(Map.of(
                "ROADBOOK_PARSER_MODEL_URL",
                url,
                "ROADBOOK_PARSER_MODEL_NAME",
                "stub-model",
                "ROADBOOK_PARSER_MODEL_KEY",
                "secret-key",
                "ROADBOOK_PARSER_MODEL_TIMEOUT",
                String.valueOf(timeout.toSeconds()))::get));
    }

    @Test
    void proposalsKeepTheSpanOfTheirQuoteAndValuesWithoutAQuoteInTheDocumentAreDropped() throws Exception {
        Catalog catalog = new Catalog(
                List.of(new Catalog.Venue(UUID.randomUUID(), "Rockefeller", "Oslo", "NO")), List.of(), List.of());
        ModelExtractor model = answering(200, """
                ```json
                {"proposals": [
                  {"field": "SHOW_DATE", "value": "2027-01-15", "quote": "Friday 15 January 2027"},
                  {"field": "FEE", "value": "EUR 3500", "quote": "EUR 3,500"},
                  {"field": "VENUE", "value": "Rockefeller", "quote": "rockefeller"},
                  {"field": "CAPACITY", "value": "1350", "quote": "capacity 1350"},
                  {"field": "DOORS", "value": "7pm", "quote": "Friday"},
                  {"field": "GUESTLIST", "value": "10", "quote": "Hi"}
                ]}
                ```""", 0, Duration.ofSeconds(5));
        SourceDocument document = SourceDocument.pasted(TEXT);

        List<Proposal> proposals = model.extract(document, catalog);

        assertThat(proposals)
                .extracting(Proposal::field, Proposal::value, p -> p.sourceSpan(document))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ParsedField.SHOW_DATE, "2027-01-15", "Friday 15 January 2027"),
                        org.assertj.core.groups.Tuple.tuple(ParsedField.FEE, "EUR 3500.00", "EUR 3,500"),
                        org.assertj.core.groups.Tuple.tuple(ParsedField.VENUE, "Rockefeller", "Rockefeller"));
        assertThat(proposals).allSatisfy(p -> {
            assertThat(p.extractor()).isEqualTo("model");
            assertThat(p.confidence()).isEqualTo(0.6);
        });
        assertThat(proposals.get(2).matchId()).isEqualTo(catalog.venues().get(0).id());
        assertThat(authorization.get()).isEqualTo("Bearer secret-key");
        assertThat(request.get()).contains("\"model\":\"stub-model\"").contains("Nordic Drift at Rockefeller");
    }

    @Test
    void anErrorStatusOrUnreadableAnswerGivesNoProposals() throws Exception {
        assertThat(answering(500, "{}", 0, Duration.ofSeconds(5)).extract(SourceDocument.pasted(TEXT), Catalog.empty()))
                .isEmpty();
        stop();
        assertThat(answering(200, "not json at all", 0, Duration.ofSeconds(5))
                        .extract(SourceDocument.pasted(TEXT), Catalog.empty()))
                .isEmpty();
    }

    @Test
    void aSlowModelTimesOutAndGivesNoProposals() throws Exception {
        ModelExtractor model = answering(200, "{\"proposals\": []}", 3_000, Duration.ofSeconds(1));
        assertThat(model.extract(SourceDocument.pasted(TEXT), Catalog.empty())).isEmpty();
    }

    @Test
    void withoutConfigurationTheModelIsOffAndTheRulesAnswerAlone() {
        ModelExtractor off = new ModelExtractor(ModelExtractor.Settings.from(name -> null));
        assertThat(off.configured()).isFalse();
        assertThat(off.extract(SourceDocument.pasted(TEXT), Catalog.empty())).isEmpty();
        CombinedExtraction combined = new CombinedExtraction(new RulesExtractor(Clock.systemUTC()), off);
        assertThat(combined.extract(SourceDocument.pasted(TEXT), Catalog.empty(), true))
                .singleElement()
                .satisfies(part ->
                        assertThat(part.proposals()).allMatch(p -> p.extractor().equals("rules")));
    }

    @Test
    void theEndpointIsTheBaseUrlPlusChatCompletions() {
        assertThat(ModelExtractor.Settings.from(Map.of(
                                "ROADBOOK_PARSER_MODEL_URL",
                                "https://api.example/v1/",
                                "ROADBOOK_PARSER_MODEL_NAME",
                                "m")::get)
                        .endpoint())
                .isEqualTo(URI.create("https://api.example/v1/chat/completions"));
    }

    @Test
    void mergingKeepsTheRulesProposalForAValueBothFoundAndAddsWhatOnlyTheModelFound() {
        Proposal rulesFee = new Proposal(ParsedField.FEE, "EUR 3500.00", 10, 19, 0.85, "rules", null);
        Proposal modelFee = new Proposal(ParsedField.FEE, "EUR 3500.00", 10, 19, 0.6, "model", null);
        Proposal modelCapacity = new Proposal(ParsedField.CAPACITY, "1350", 30, 34, 0.6, "model", null);
        assertThat(CombinedExtraction.merge(List.of(rulesFee), List.of(modelFee, modelCapacity)))
                .containsExactly(rulesFee, modelCapacity);
    }
}
