package app.roadbook.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.springframework.stereotype.Component;

/**
 * What a file is, from its first bytes, by Apache Tika's maintained magic database. The file name may only refine
 * the bytes' answer within its own family (an OOXML container named {@code .docx} is a Word document); it never
 * overrides it: HTML named {@code rider.pdf} is HTML. The type a browser claims is not consulted at all.
 */
@Component
public class ContentDetector {

    /** How many leading bytes detection reads; the longest magic Tika checks fits in it. */
    public static final int HEAD_BYTES = 64 * 1024;

    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    /** The detected type without parameters ("application/pdf", "text/html"). */
    public String detect(byte[] head, int length, String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (TikaInputStream in = TikaInputStream.get(Arrays.copyOf(head, length), metadata)) {
            MediaType type = detector.detect(in, metadata, new ParseContext());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
