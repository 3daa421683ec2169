package app.roadbook.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParseCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsEachDocumentsProposalsAsJsonWithSpansAndSourceTextAndRefusalsAsErrors() throws Exception {
        Path offer = dir.resolve("offer.txt");
        Files.writeString(
                offer,
                "Nordic Drift at Rockefeller Music Hall, Oslo on 15.01.2027.\nFee: EUR 3,500 flat\n" + "Doors 19:00\n");
        Path scan = dir.resolve("scan.pdf");
        Files.write(scan, TestDocuments.pdf(null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ParseCommand.run(
                new String[] {
                    "--catalog",
                    BookingEvaluationTest.EVAL
                            .resolve("catalog.json")
                            .toAbsolutePath()
                            .toString(),
                    "--reference",
                    "2026-11-20",
                    offer.toString(),
                    scan.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        JsonNode result = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode document = result.get(0).get("documents").get(0);
        assertThat(document.get("kind").asString()).isEqualTo("PASTED_TEXT");
        JsonNode date = null;
        for (JsonNode proposal : document.get("proposals")) {
            if (proposal.get("field").asString().equals("SHOW_DATE")) {
                date = proposal;
            }
        }
        assertThat(date).isNotNull();
        assertThat(date.get("value").asString()).isEqualTo("2027-01-15");
        assertThat(date.get("source").asString()).isEqualTo("15.01.2027");
        assertThat(date.get("start").asInt()).isEqualTo(48);
        assertThat(date.get("extractor").asString()).isEqualTo("rules");
        assertThat(date.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get(1).get("error").asString()).contains("No text was found in this PDF");
    }

    @Test
    void withoutFilesItPrintsUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ParseCommand.run(new String[0], System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: ./roadbook parse");
    }
}
