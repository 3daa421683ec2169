package app.roadbook.base;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An uploaded CSV file read for an import, checked the same way for every capability: UTF-8 (with or without a byte
 * order mark), comma, semicolon or tab, a first line naming the columns (in any order, with the capability's own
 * spellings), size and row limits. What cannot be read is a sentence for the person who uploaded it
 * ({@link Unreadable}), never an exception trace.
 */
public final class CsvSheet {

    /**
     * What an import expects: its columns in export order, the ones that must be there, the limits, and how a header
     * spelled differently ("E-mail", "Role title") maps to a column.
     */
    public record Spec(
            List<String> columns, List<String> required, int maxBytes, int maxRows, UnaryOperator<String> aliases) {

        public String columnsSentence() {
            return "The first line must name the columns: " + String.join(", ", columns) + ".";
        }
    }

    /** The file as a whole cannot be imported; the message says why and what to do. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** One data line: its line number in the file (the header is line 1) and its cells. */
    public record Line(int number, List<String> cells, Map<String, Integer> header) {

        /** The cell of {@code column}, spreadsheet-formula defusing undone; empty when the column or cell is absent. */
        public String cell(String column) {
            Integer index = header.get(column);
            return index == null || index >= cells.size() ? "" : CsvFormat.undefused(cells.get(index));
        }

        /** The cell stripped, or null when blank. */
        public String optional(String column) {
            String value = cell(column);
            return value.isBlank() ? null : value.strip();
        }
    }

    private final List<Line> lines;

    private CsvSheet(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    public static CsvSheet read(byte[] bytes, Spec spec) throws Unreadable {
        if (bytes.length > spec.maxBytes()) {
            throw new Unreadable(
                    "The file is larger than " + spec.maxBytes() / (1024 * 1024) + " MB. Split it into smaller files.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = CsvFormat.parse(text, CsvFormat.detectDelimiter(text));
        if (rows.isEmpty()) {
            throw new Unreadable("The file is empty. " + spec.columnsSentence());
        }
        List<String> first = rows.getFirst();
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            header.putIfAbsent(spec.aliases().apply(normalized(first.get(i))), i);
        }
        List<String> missing =
                spec.required().stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            String hint = first.size() == 1 && first.getFirst().matches(".*[|:].*")
                    ? " The columns seem to be separated by something other than a comma, semicolon or tab."
                    : "";
            throw new Unreadable("The file has no " + String.join(" or ", missing) + " column." + hint + " "
                    + spec.columnsSentence());
        }
        if (rows.size() - 1 > spec.maxRows()) {
            throw new Unreadable(String.format(
                    Locale.ENGLISH,
                    "The file has %,d rows; import at most %,d at a time.",
                    rows.size() - 1,
                    spec.maxRows()));
        }
        if (rows.size() == 1) {
            throw new Unreadable("The file names its columns but has no rows.");
        }
        Map<String, Integer> columns = Map.copyOf(header);
        List<Line> lines = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            lines.add(new Line(i + 1, rows.get(i), columns));
        }
        return new CsvSheet(lines);
    }

    /** A header as written, lower case with underscores for spaces: "Role Title" becomes {@code role_title}. */
    private static String normalized(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
