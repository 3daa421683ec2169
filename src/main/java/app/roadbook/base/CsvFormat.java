package app.roadbook.base;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV for the imports and exports of every capability (contacts, crew). Just enough RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, any one-char delimiter.
 */
public final class CsvFormat {

    private CsvFormat() {}

    /** The delimiter the header line uses most: comma, semicolon or tab. */
    public static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    public static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (any || row.size() > 1 || !row.getFirst().isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * One exported line, following OWASP's rule against CSV injection whatever delimiter the spreadsheet assumes:
     * every cell is quoted (so a ';' or a tab inside a cell never starts a new cell in another locale), quotes
     * are doubled, and a cell that would start with =, +, -, @, a tab or a carriage return (after any spaces)
     * gets a leading apostrophe, so it is text, never a formula.
     */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            String trimmed = f.stripLeading();
            if (!trimmed.isEmpty() && FORMULA_START.indexOf(trimmed.charAt(0)) >= 0
                    || !f.isEmpty() && (f.charAt(0) == '\t' || f.charAt(0) == '\r')) {
                f = "'" + f;
            }
            out.append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return out.append("\r\n").toString();
    }

    /** Reverses {@link #line}'s apostrophe when a file we exported comes back in. */
    public static String undefused(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'') {
            String rest = cell.substring(1);
            String trimmed = rest.stripLeading();
            if (!trimmed.isEmpty() && FORMULA_START.indexOf(trimmed.charAt(0)) >= 0
                    || rest.charAt(0) == '\t'
                    || rest.charAt(0) == '\r') {
                return rest;
            }
        }
        return cell;
    }

    private static final String FORMULA_START = "=+-@";
}
