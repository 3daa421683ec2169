package app.roadbook.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/**
 * Bytes to text when the encoding is declared wrongly or not at all: the declared charset if Java knows it, else
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what most Western European mail clients wrote before UTF-8),
 * with a note for the reviewer whenever it had to guess.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {}

    /** Decodes {@code bytes}; {@code declared} may be null. Adds a sentence to {@code notes} when it guessed. */
    static String decode(byte[] bytes, String declared, String what, List<String> notes) {
        if (declared != null && !declared.isBlank()) {
            Charset charset = known(declared.trim());
            if (charset != null) {
                return stripBom(new String(bytes, charset));
            }
            String guessed = strictUtf8(bytes);
            String used = guessed != null ? "UTF-8" : "Windows-1252 (Western European)";
            notes.add(what + " declared the character set \"" + declared.trim()
                    + "\", which is unknown; it was read as " + used + ". Check letters such as æ, ø, å, ä, ö and ü.");
            return stripBom(guessed != null ? guessed : new String(bytes, WINDOWS_1252));
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return stripBom(utf8);
        }
        notes.add(what + " is not valid UTF-8 and names no character set; it was read as Windows-1252 (Western"
                + " European). Check letters such as æ, ø, å, ä, ö and ü.");
        return new String(bytes, WINDOWS_1252);
    }

    static Charset known(String name) {
        try {
            return Charset.forName(name.replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Line ends as {@code \n} and no other control characters but tab, so spans mean the same everywhere. */
    static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        StringBuilder out = new StringBuilder(unified.length());
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == '\n' || c == '\t' || c >= ' ' && c != '\u007F') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
