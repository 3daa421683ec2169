package app.roadbook.parsing;

import app.roadbook.base.Refusal;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./roadbook parse [--catalog FILE] [--reference YYYY-MM-DD] [--model] FILE...}: prints, as JSON, what the
 * booking parser reads from each file (decision 0028) — per document (the mail and each attachment), every proposal's
 * field, value, span, the source text of the span, confidence and extractor, and the document's notes. {@code -} reads
 * pasted text from standard input. No Spring context and no database: an empty catalog unless {@code --catalog} names
 * a JSON file ({@link CatalogFile}); the model only with {@code --model} and {@code ROADBOOK_PARSER_MODEL_*} set. Exits
 * with 1 when a file was refused (its entry says why), 2 on bad arguments.
 */
public final class ParseCommand {

    private ParseCommand() {}

    public static void main(String[] args) throws IOException {
        quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path base = Paths.get(System.getProperty("roadbook.cwd", "."));
        Catalog catalog = Catalog.empty();
        LocalDate reference = null;
        boolean useModel = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--catalog" -> {
                    if (i + 1 >= args.length) {
                        return usage(err);
                    }
                    catalog = CatalogFile.parse(Files.readString(base.resolve(args[++i])));
                }
                case "--reference" -> {
                    if (i + 1 >= args.length) {
                        return usage(err);
                    }
                    reference = LocalDate.parse(args[++i]);
                }
                case "--model" -> useModel = true;
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                default -> files.add(args[i]);
            }
        }
        if (files.isEmpty()) {
            return usage(err);
        }
        Clock clock = reference == null
                ? Clock.systemDefaultZone()
                : Clock.fixed(reference.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        ModelExtractor model = new ModelExtractor(ModelExtractor.Settings.from(System::getenv));
        if (useModel && !model.configured()) {
            err.println(
                    "--model: no model is configured (set ROADBOOK_PARSER_MODEL_URL and ROADBOOK_PARSER_MODEL_NAME);"
                            + " the rules extractor answers alone.");
        }
        CombinedExtraction extraction = new CombinedExtraction(new RulesExtractor(clock), model);
        MimeDocumentReader reader = new MimeDocumentReader();
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ArrayNode result = json.createArrayNode();
        int status = 0;
        for (String file : files) {
            ObjectNode entry = result.addObject();
            entry.put("file", file);
            try {
                SourceDocument document;
                if (file.equals("-")) {
                    document = reader.pasted(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    Path path = base.resolve(file);
                    if (!Files.isRegularFile(path)) {
                        throw new Refusal(file + " is not a file.");
                    }
                    document = reader.read(path.getFileName().toString(), Files.readAllBytes(path));
                }
                ArrayNode documents = entry.putArray("documents");
                for (CombinedExtraction.DocumentProposals part : extraction.extract(document, catalog, useModel)) {
                    write(documents.addObject(), part);
                }
            } catch (Refusal refusal) {
                entry.put("error", refusal.getMessage());
                status = 1;
            }
        }
        out.println(json.writeValueAsString(result));
        return status;
    }

    private static void write(ObjectNode node, CombinedExtraction.DocumentProposals part) {
        SourceDocument document = part.document();
        node.put("document", document.filename() == null ? "(pasted text)" : document.filename());
        node.put("kind", document.kind().name());
        if (document.subject() != null) {
            node.put("subject", document.subject());
        }
        if (document.from() != null) {
            node.put("from", document.from());
        }
        ArrayNode notes = node.putArray("notes");
        document.notes().forEach(notes::add);
        ArrayNode proposals = node.putArray("proposals");
        for (Proposal p : part.proposals()) {
            ObjectNode o = proposals.addObject();
            o.put("field", p.field().name());
            o.put("label", p.field().label());
            o.put("value", p.value());
            o.put("start", p.start());
            o.put("end", p.end());
            o.put("source", p.sourceSpan(document));
            o.put("confidence", p.confidence());
            o.put("extractor", p.extractor());
            if (p.matchId() != null) {
                o.put("matchId", p.matchId().toString());
            }
        }
    }

    private static int usage(PrintStream stream) {
        stream.println("usage: ./roadbook parse [--catalog catalog.json] [--reference YYYY-MM-DD] [--model] FILE... "
                + "(.eml, .pdf, .docx, .txt; - reads text from standard input)");
        return 2;
    }

    /** Warnings and errors to standard error only, so standard output is exactly the JSON. */
    private static void quietLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
    }
}
