package app.roadbook.parsing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional external model (decision 0028): an OpenAI-compatible chat-completions endpoint, configured by
 * {@code ROADBOOK_PARSER_MODEL_URL} (the API's base, e.g. {@code https://api.example/v1}, or the full
 * {@code …/chat/completions} address), {@code ROADBOOK_PARSER_MODEL_NAME}, optionally {@code ROADBOOK_PARSER_MODEL_KEY}
 * (sent as a bearer token) and {@code ROADBOOK_PARSER_MODEL_TIMEOUT} (seconds, default 30). Without URL and name it is
 * off and proposes nothing.
 *
 * <p>The model is asked for each value with the exact text it was read from; the quote is then looked up in the
 * document and becomes the proposal's span. A value whose quote is not in the document, or which is not in the field's
 * normalised form, is dropped. Any failure (no answer, timeout, an error status, unreadable JSON) is logged and gives
 * no proposals, so the rules extractor answers alone. Model proposals have confidence {@value #CONFIDENCE}: the
 * model's own certainty is not calibrated, and a person reviews every value anyway.
 */
@Component
public class ModelExtractor implements Extractor {

    public static final String NAME = "model";
    static final double CONFIDENCE = 0.6;
    private static final int MAX_CHARS = 30_000;

    private static final Logger log = LoggerFactory.getLogger(ModelExtractor.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where and how to reach the model; null fields mean "not configured". */
    public record Settings(URI endpoint, String model, String apiKey, Duration timeout) {

        public static Settings from(Function<String, String> environment) {
            String url = blankToNull(environment.apply("ROADBOOK_PARSER_MODEL_URL"));
            String model = blankToNull(environment.apply("ROADBOOK_PARSER_MODEL_NAME"));
            String key = blankToNull(environment.apply("ROADBOOK_PARSER_MODEL_KEY"));
            String timeout = blankToNull(environment.apply("ROADBOOK_PARSER_MODEL_TIMEOUT"));
            URI endpoint = null;
            if (url != null) {
                String trimmed = url.replaceAll("/+$", "");
                endpoint = URI.create(trimmed.endsWith("/chat/completions") ? trimmed : trimmed + "/chat/completions");
            }
            Duration wait = Duration.ofSeconds(30);
            if (timeout != null) {
                try {
                    wait = Duration.ofSeconds(Math.max(1, Long.parseLong(timeout.strip())));
                } catch (NumberFormatException e) {
                    log.warn("ROADBOOK_PARSER_MODEL_TIMEOUT is not a number of seconds ({}); using 30", timeout);
                }
            }
            return new Settings(endpoint, model, key, wait);
        }

        public boolean configured() {
            return endpoint != null && model != null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final Settings settings;
    private final HttpClient http;

    @Autowired
    public ModelExtractor(Environment environment) {
        this(Settings.from(environment::getProperty));
    }

    public ModelExtractor(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether a model endpoint is configured at all (the per-org switch is the inbox's). */
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public List<Proposal> extract(SourceDocument document, Catalog catalog) {
        if (!configured() || document.text() == null || document.text().isBlank()) {
            return List.of();
        }
        try {
            String content = ask(document.text());
            return proposals(content, document.text(), catalog);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("The parser model was interrupted; the rules extractor answers alone");
            return List.of();
        } catch (Exception e) {
            log.warn(
                    "The parser model at {} gave no usable answer ({}); the rules extractor answers alone",
                    settings.endpoint().getHost(),
                    e.toString());
            return List.of();
        }
    }

    private String ask(String text) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        body.putObject("response_format").put("type", "json_object");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", PROMPT);
        String excerpt = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        messages.addObject().put("role", "user").put("content", excerpt);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isString()) {
            throw new IllegalStateException("no message content in the answer");
        }
        return content.asString();
    }

    static List<Proposal> proposals(String content, String text, Catalog catalog) {
        String json = content.strip();
        if (json.startsWith("```")) {
            json = json.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode root = JSON.readTree(json);
        JsonNode list = root.isArray() ? root : root.path("proposals");
        List<Proposal> out = new ArrayList<>();
        for (JsonNode item : list) {
            ParsedField field;
            try {
                field = ParsedField.valueOf(
                        item.path("field").asString("").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue;
            }
            String value = normalised(field, item.path("value").asString("").strip());
            String quote = item.path("quote").asString("");
            if (value == null || quote.isBlank()) {
                continue;
            }
            int[] span = locate(text, quote);
            if (span == null) {
                continue; // a value the document does not show is not proposed
            }
            out.add(new Proposal(field, value, span[0], span[1], CONFIDENCE, NAME, match(field, value, catalog)));
        }
        return out;
    }

    /** The quote's exact place in the text, else its place ignoring case and differences in white space. */
    static int[] locate(String text, String quote) {
        String q = quote.strip();
        int at = text.indexOf(q);
        if (at >= 0) {
            return new int[] {at, at + q.length()};
        }
        String[] words = q.split("\\s+");
        StringBuilder regex = new StringBuilder();
        for (String word : words) {
            if (!regex.isEmpty()) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(word));
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    /** The value in the field's normalised form ({@link ParsedField}), or null if it is not in that form. */
    static String normalised(ParsedField field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        switch (field) {
            case SHOW_DATE -> {
                try {
                    return LocalDate.parse(value).toString();
                } catch (DateTimeException e) {
                    return null;
                }
            }
            case LOAD_IN, SOUNDCHECK, DOORS, SET_TIME, CURFEW -> {
                Matcher m = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)").matcher(value);
                return m.matches()
                        ? String.format(Locale.ROOT, "%02d:%s", Integer.parseInt(m.group(1)), m.group(2))
                        : null;
            }
            case FEE, TICKET_PRICE -> {
                Matcher m =
                        Pattern.compile("([A-Z]{3}) (\\d+)(?:\\.(\\d{1,2}))?").matcher(value);
                if (!m.matches()) {
                    return null;
                }
                String cents = m.group(3) == null ? "00" : (m.group(3) + "0").substring(0, 2);
                return m.group(1) + " " + Long.parseLong(m.group(2)) + "." + cents;
            }
            case DEAL_TYPE -> {
                String v = value.toLowerCase(Locale.ROOT);
                return List.of("flat", "versus", "door").contains(v) ? v : null;
            }
            case BOOKING_STATUS -> {
                String v = value.toLowerCase(Locale.ROOT);
                return List.of("hold", "confirmed").contains(v) ? v : null;
            }
            case CAPACITY -> {
                return value.matches("\\d{1,6}") ? String.valueOf(Integer.parseInt(value)) : null;
            }
            case VENUE_COUNTRY -> {
                return value.matches("[A-Za-z]{2}") ? value.toUpperCase(Locale.ROOT) : null;
            }
            case PROMOTER_EMAIL -> {
                return value.matches("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}") ? value.toLowerCase(Locale.ROOT) : null;
            }
            default -> {
                return value.length() <= 120 ? value : null;
            }
        }
    }

    private static UUID match(ParsedField field, String value, Catalog catalog) {
        String folded = NormalisedText.fold(value);
        return switch (field) {
            case VENUE ->
                catalog.venues().stream()
                        .filter(v -> NormalisedText.fold(v.name()).equals(folded))
                        .map(Catalog.Venue::id)
                        .findFirst()
                        .orElse(null);
            case ARTIST ->
                catalog.artists().stream()
                        .filter(a -> NormalisedText.fold(a.name()).equals(folded))
                        .map(Catalog.Artist::id)
                        .findFirst()
                        .orElse(null);
            case PROMOTER_EMAIL ->
                catalog.contacts().stream()
                        .filter(c -> c.email() != null && c.email().equalsIgnoreCase(value))
                        .map(Catalog.Contact::id)
                        .findFirst()
                        .orElse(null);
            default -> null;
        };
    }

    static final String PROMPT = """
            You read booking mails and contracts for concert tours and extract the booking's values.
            Answer with one JSON object: {"proposals": [{"field": "...", "value": "...", "quote": "..."}]}.
            "quote" is the exact text of the document the value was read from, copied character for character
            (a few words, not a whole line). Leave out anything the document does not say. No booking: {"proposals": []}.
            Fields and value formats:
            SHOW_DATE: ISO date 2027-01-15 (one proposal per show date; not deadlines, not the mail's own date)
            LOAD_IN, SOUNDCHECK, DOORS, SET_TIME, CURFEW: 24-hour time HH:mm
            VENUE: the venue's name as written; VENUE_CITY: the city; VENUE_COUNTRY: ISO 3166-1 alpha-2 code
            ARTIST: the performing artist
            PROMOTER_COMPANY, PROMOTER_PERSON: the promoter's company and contact person (not the artist's agent)
            PROMOTER_EMAIL: lower-case e-mail; PROMOTER_PHONE: as written
            FEE: the artist's fee, currency code, a space and the amount with two decimals: EUR 3500.00
            DEAL_TYPE: flat, versus or door
            CAPACITY: whole number of tickets
            TICKET_PRICE: like FEE, one proposal per price
            BOOKING_STATUS: hold or confirmed
            """;
}
