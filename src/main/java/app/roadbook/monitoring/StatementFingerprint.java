package app.roadbook.monitoring;

import java.util.regex.Pattern;

/**
 * A statement's shape without its values: string and number literals become {@code ?}, whitespace is folded and the
 * text is cut to {@value #MAX} characters. Bound parameters never reach it (the driver gets them separately), and
 * literals written into the SQL are removed, since values can be personal data (decision 0026).
 */
final class StatementFingerprint {

    static final int MAX = 500;

    private static final Pattern STRINGS = Pattern.compile("'[^']*+(?:''[^']*+)*+'?");
    private static final Pattern DOLLAR_QUOTED =
            Pattern.compile("\\$([A-Za-z_]*)\\$.*?(?:\\$\\1\\$|$)", Pattern.DOTALL);
    private static final Pattern NUMBERS = Pattern.compile("(?<![A-Za-z_0-9$])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private StatementFingerprint() {}

    static String of(String sql) {
        if (sql == null || sql.isBlank()) {
            return null;
        }
        // Only on the slow path: a statement over the threshold may spend these microseconds.
        String text = sql.length() > 20 * MAX ? sql.substring(0, 20 * MAX) : sql;
        text = DOLLAR_QUOTED.matcher(text).replaceAll("?");
        text = STRINGS.matcher(text).replaceAll("?");
        text = NUMBERS.matcher(text).replaceAll("?");
        text = SPACE.matcher(text).replaceAll(" ").strip();
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }
}
