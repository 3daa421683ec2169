package app.roadbook.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The figures of the latest Gatling run, as docs/performance.md records them: per request type the count, failures
 * and the 50th/95th/99th percentile and maximum of the server's response time, then the heap per session from two
 * {@code jcmd GC.heap_info} outputs taken after a full GC, before the run and with every user's session still open.
 * Arguments: users, the heap report before, the heap report after, the load average line.
 */
public final class LoadTestReport {

    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]+)<");
    private static final Pattern COLUMN = Pattern.compile("col-(\\d+)\">([^<]*)<");
    private static final Pattern HISTO_LINE =
            Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws IOException {
        int users = Integer.parseInt(args[0]);
        Path run;
        try (Stream<Path> runs = Files.list(Path.of("target/gatling"))) {
            run = runs.filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("No Gatling report under target/gatling"));
        }
        String html = Files.readString(run.resolve("index.html"));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n## Roadbook UI load test: %d users (%s)%n%n", users, run.getFileName()));
        out.append("| request | count | failed | p50 ms | p95 ms | p99 ms | max ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        long requests = 0;
        double throughput = 0;
        // Gatling 3.14 writes its statistics only into the report's table: one <tr id="ROOT"|"req_…"> per request
        // type, the name in its "ellipsed-name" span, then the columns col-2 (count) … col-14.
        for (String tr : html.split("<tr id=\"")) {
            Matcher name = NAME.matcher(tr);
            if (!tr.startsWith("ROOT") && !tr.startsWith("req_") || !name.find()) {
                continue;
            }
            String[] cols = new String[15];
            Matcher col = COLUMN.matcher(tr);
            while (col.find()) {
                cols[Integer.parseInt(col.group(1))] = col.group(2).strip();
            }
            if (tr.startsWith("ROOT")) {
                requests = Long.parseLong(cols[2].replace(",", ""));
                throughput = Double.parseDouble(cols[6].replace(",", ""));
            }
            // count, KO, 50th, 95th, 99th percentile, max
            out.append(String.format(
                    "| %s | %s | %s | %s | %s | %s | %s |%n",
                    tr.startsWith("ROOT") ? "all requests" : name.group(1),
                    cols[2],
                    cols[4],
                    cols[8],
                    cols[10],
                    cols[11],
                    cols[12]));
        }
        if (args.length >= 3) {
            long before = usedKib(Files.readString(Path.of(args[1])));
            long after = usedKib(Files.readString(Path.of(args[2])));
            out.append(String.format(
                    Locale.ROOT,
                    "%nHeap after a full GC: %.1f MB before the run, %.1f MB with %d sessions open: %.2f MB per"
                            + " session.%n",
                    before / 1024.0,
                    after / 1024.0,
                    users,
                    (after - before) / 1024.0 / users));
        }
        if (args.length >= 4) {
            out.append("Load average at the end of the run (the whole machine): ").append(args[3].strip()).append('\n');
        }
        if (args.length >= 8 && requests > 0) {
            double cpuSeconds = Double.parseDouble(args[7]) - Double.parseDouble(args[6]);
            double perRequest = cpuSeconds * 1000 / requests;
            out.append(String.format(
                    Locale.ROOT,
                    "Server CPU (app JVM + PostgreSQL) during the run: %.1f s for %d requests, %.1f ms per request;"
                            + " %.1f requests/s offered. Two idle cores would serve at most about %.0f requests/s of"
                            + " this mix.%n",
                    cpuSeconds,
                    requests,
                    perRequest,
                    throughput,
                    2000 / perRequest));
        }
        if (args.length >= 6) {
            out.append(String.format("%nWhat grew on the heap with the sessions (jcmd GC.class_histogram, after - before):%n%n"));
            out.append("| class | instances | MB | bytes per session |\n|---|---:|---:|---:|\n");
            Map<String, long[]> before = histogram(Files.readString(Path.of(args[4])));
            Map<String, long[]> after = histogram(Files.readString(Path.of(args[5])));
            after.entrySet().stream()
                    .map(e -> {
                        long[] b = before.getOrDefault(e.getKey(), new long[2]);
                        return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
                    })
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                    .limit(15)
                    .forEach(e -> out.append(String.format(
                            Locale.ROOT,
                            "| %s | %d | %.1f | %d |%n",
                            e.getKey(),
                            e.getValue()[0],
                            e.getValue()[1] / 1024.0 / 1024.0,
                            e.getValue()[1] / users)));
        }
        out.append("Gatling's full report: ").append(run.resolve("index.html").toAbsolutePath()).append('\n');
        System.out.print(out);
    }

    /** "  12:   3456   789012  java.lang.String (java.base@25)" → class → {instances, bytes}. */
    private static Map<String, long[]> histogram(String histo) {
        Map<String, long[]> classes = new HashMap<>();
        Matcher m = HISTO_LINE.matcher(histo);
        while (m.find()) {
            classes.merge(
                    m.group(3),
                    new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return classes;
    }

    private static long usedKib(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        if (!m.find()) {
            throw new IllegalArgumentException("No heap figure in: " + heapInfo);
        }
        return Long.parseLong(m.group(1));
    }
}
