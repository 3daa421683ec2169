package app.roadbook.base;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every text a person types must be: within its length, free of control characters and broken
 * Unicode, and, for names and titles, free of markup. Notes and comments may hold anything printable,
 * markup included, because they are always shown as text. SQL is never refused: nothing is ever pasted
 * into a statement, so "O'Brien; DROP TABLE" is just a name.
 */
public final class TextInput {

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");

    private TextInput() {}

    /** A name, title, city or other one-line text; null is fine (required-ness is the caller's rule). */
    public static Optional<String> singleLineProblem(String label, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of(label + " is longer than " + max + " characters.");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            return Optional.of(label + " contains line breaks or control characters; write it on one line.");
        }
        if (brokenUnicode(value)) {
            return Optional.of(label + " contains characters that are not valid text.");
        }
        if (MARKUP.matcher(value).find()) {
            return Optional.of(label + " cannot contain markup such as <b> or <script>; write plain text.");
        }
        return Optional.empty();
    }

    /** Notes, comments and long answers: line breaks and tabs are fine, other control characters are not. */
    public static Optional<String> multiLineProblem(String label, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of(label + " is longer than " + String.format("%,d", max) + " characters.");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of(label + " contains control characters that cannot be shown.");
        }
        if (brokenUnicode(value)) {
            return Optional.of(label + " contains characters that are not valid text.");
        }
        return Optional.empty();
    }

    /** Search text for LIKE/ILIKE, with its wildcards taken literally (PostgreSQL's default escape is the backslash). */
    public static String likeLiteral(String search) {
        return (search == null ? "" : search.strip())
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }

    /** The input in quotes for a message, or "This" when it is too long or too strange to repeat back. */
    public static String quotable(String value) {
        return value != null
                        && value.length() <= 80
                        && singleLineProblem("", value, 80).isEmpty()
                ? "\"" + value + "\""
                : "This";
    }

    public static void requireSingleLine(String label, String value, int max) {
        singleLineProblem(label, value, max).ifPresent(TextInput::refuse);
    }

    public static void requireMultiLine(String label, String value, int max) {
        multiLineProblem(label, value, max).ifPresent(TextInput::refuse);
    }

    private static void refuse(String problem) {
        throw new Refusal(problem);
    }

    /** A lone surrogate cannot be stored as UTF-8; PostgreSQL would see a replacement character or refuse it. */
    private static boolean brokenUnicode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
