package app.roadbook.parsing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text folded for matching names (lower case, accents off, ø/æ/ß spelled out, every run of other characters one
 * space) that remembers, for each folded character, where it came from, so a match maps back to an exact span of the
 * original.
 */
final class NormalisedText {

    final String folded;
    private final int[] origin;
    private final int length;

    NormalisedText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] map = new int[text.length() * 2 + 2];
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            String piece = fold(text.charAt(i));
            if (piece.isEmpty()) {
                if (!space) {
                    map[out.length()] = i;
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            for (int k = 0; k < piece.length(); k++) {
                if (out.length() + 1 >= map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[out.length()] = i;
                out.append(piece.charAt(k));
            }
            space = false;
        }
        map[out.length()] = text.length();
        this.folded = out.toString();
        this.origin = map;
        this.length = text.length();
    }

    static String fold(String text) {
        return new NormalisedText(text).folded.strip();
    }

    private static String fold(char c) {
        char lower = Character.toLowerCase(c);
        switch (lower) {
            case 'ø':
                return "o";
            case 'æ':
                return "ae";
            case 'ß':
                return "ss";
            case 'đ':
                return "d";
            case 'ł':
                return "l";
            default:
                break;
        }
        if (Character.isLetterOrDigit(lower)) {
            if (lower < 128) {
                return String.valueOf(lower);
            }
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            for (int i = 0; i < decomposed.length(); i++) {
                char d = decomposed.charAt(i);
                if (Character.getType(d) != Character.NON_SPACING_MARK) {
                    base.append(d);
                }
            }
            return base.toString().toLowerCase(Locale.ROOT);
        }
        if (lower == '&' || lower == '\'' || lower == '’') {
            return lower == '&' ? "&" : "";
        }
        return "";
    }

    /** Every whole-word occurrence of {@code name} (folded) as spans {@code [start, end)} of the original text. */
    List<int[]> find(String name) {
        String needle = fold(name);
        List<int[]> spans = new ArrayList<>();
        if (needle.isEmpty()) {
            return spans;
        }
        int from = 0;
        while (true) {
            int at = folded.indexOf(needle, from);
            if (at < 0) {
                break;
            }
            int end = at + needle.length();
            boolean startsWord = at == 0 || folded.charAt(at - 1) == ' ';
            boolean endsWord = end == folded.length() || folded.charAt(end) == ' ';
            if (startsWord && endsWord) {
                int start = origin[at];
                int stop = end == folded.length() ? length : origin[end - 1] + 1;
                spans.add(new int[] {start, stop});
            }
            from = at + 1;
        }
        return spans;
    }
}
