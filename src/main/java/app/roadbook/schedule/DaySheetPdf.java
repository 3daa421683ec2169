package app.roadbook.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders day sheets as a PDF with Apache PDFBox: one sheet after another, each starting on a new page, laid out for
 * A4 or Letter. Text only, in the standard Helvetica (characters it cannot encode become their nearest plain form).
 */
final class DaySheetPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final float MARGIN = 50;

    private final PDDocument document = new PDDocument();
    private final PDRectangle size;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;

    private DaySheetPdf(DaySheets.Paper paper) {
        this.size = paper == DaySheets.Paper.LETTER ? PDRectangle.LETTER : PDRectangle.A4;
    }

    static byte[] render(List<DaySheet> sheets, DaySheets.Paper paper, String cover) {
        DaySheetPdf pdf = new DaySheetPdf(paper);
        try (PDDocument doc = pdf.document) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(
                    cover != null
                            ? cover
                            : sheets.isEmpty()
                                    ? "Day sheet"
                                    : "Day sheet · " + sheets.getFirst().heading());
            info.setProducer("Roadbook");
            doc.setDocumentInformation(info);
            if (cover != null) {
                pdf.newPage();
                pdf.line(pdf.bold, 20, cover);
                pdf.gap(10);
                for (DaySheet s : sheets) {
                    pdf.line(
                            pdf.regular,
                            11,
                            s.date() + "  " + s.heading() + (s.venueLine().isBlank() ? "" : " · " + s.venueLine()));
                }
            }
            for (DaySheet s : sheets) {
                pdf.newPage();
                pdf.sheet(s);
            }
            pdf.closePage();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(DaySheet s) throws IOException {
        line(bold, 9, "DAY SHEET" + (s.orgName() == null ? "" : " · " + s.orgName()));
        line(bold, 18, s.heading().isBlank() ? "Show" : s.heading());
        line(regular, 12, DAY.format(s.date()));
        gap(6);
        if (!s.venueLine().isBlank()) {
            line(bold, 11, "Venue");
            line(regular, 10, s.venueLine());
            if (s.mapLink() != null) {
                line(regular, 8, "Map: " + s.mapLink());
            }
        }
        line(regular, 9, "All times are local to the venue (" + s.timezone() + ") unless a zone is given.");
        heading("Schedule");
        if (s.schedule().isEmpty()) {
            line(regular, 10, "Nothing scheduled yet.");
        }
        for (ScheduleEntry e : s.schedule()) {
            entry(e);
        }
        if (!s.hotelAndTravel().isEmpty()) {
            heading("Hotel and travel");
            for (ScheduleEntry e : s.hotelAndTravel()) {
                line(bold, 10, e.title() + " · " + e.when());
                detail(e.location());
                detail(e.notes());
            }
        }
        if (s.member()) {
            heading("Crew");
            if (s.crew().isEmpty()) {
                line(regular, 10, "Nobody is assigned to this show yet.");
            }
            for (DaySheet.Crew c : s.crew()) {
                line(regular, 10, join(c.name(), c.duty(), c.phone(), c.email()));
            }
        }
        heading("Promoter team");
        if (s.promoterTeam().isEmpty()) {
            line(regular, 10, "No promoter has joined this show yet.");
        }
        for (DaySheet.Contact c : s.promoterTeam()) {
            line(regular, 10, join(c.name(), c.role(), c.email(), c.phone()));
        }
        if (!s.venueContacts().isEmpty()) {
            heading("Venue contacts");
            for (DaySheet.Contact c : s.venueContacts()) {
                line(regular, 10, join(c.name(), c.role(), c.phone(), c.email()));
            }
        }
    }

    private void entry(ScheduleEntry e) throws IOException {
        line(bold, 10, e.when() + "   " + e.title());
        List<String> facts = new ArrayList<>();
        facts.add(e.type().label());
        if (e.audience() != Audience.all) {
            facts.add(e.audienceText());
        }
        if (!e.agreement().isBlank()) {
            facts.add(e.agreement());
        }
        detail(String.join(" · ", facts));
        detail(e.location() == null ? null : "At " + e.location());
        detail(e.notes());
    }

    private void detail(String text) throws IOException {
        if (text != null && !text.isBlank()) {
            for (String paragraph : text.split("\\R")) {
                wrapped(regular, 9, "    " + paragraph);
            }
        }
    }

    private void heading(String text) throws IOException {
        gap(8);
        line(bold, 13, text);
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return String.join(" · ", present);
    }

    // Layout ----------------------------------------------------------------------------------------------------

    private void line(PDFont font, float fontSize, String text) throws IOException {
        wrapped(font, fontSize, text);
    }

    /** Writes {@code text}, broken into lines that fit the page, starting a new page when the page is full. */
    private void wrapped(PDFont font, float fontSize, String text) throws IOException {
        String safe = encodable(font, text);
        float width = size.getWidth() - 2 * MARGIN;
        StringBuilder current = new StringBuilder();
        for (String word : safe.split(" ", -1)) {
            String tryLine = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(tryLine) / 1000 * fontSize > width) {
                show(font, fontSize, current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(tryLine);
            }
        }
        show(font, fontSize, current.toString());
    }

    private void show(PDFont font, float fontSize, String text) throws IOException {
        float leading = fontSize * 1.35f;
        if (y - leading < MARGIN) {
            newPage();
        }
        y -= leading;
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(MARGIN, y);
        out.showText(text);
        out.endText();
    }

    private void gap(float points) {
        y -= points;
    }

    private void newPage() throws IOException {
        closePage();
        PDPage page = new PDPage(size);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    private void closePage() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** The text with what the standard font cannot encode replaced: arrows and dashes by plain ones, the rest by '?'. */
    private static String encodable(PDFont font, String text) {
        String plain = text.replace('→', '>').replace("\t", "    ").replace('\u00a0', ' ');
        plain = plain.replace(" > ", " -> ");
        StringBuilder s = new StringBuilder();
        plain.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                s.append(c);
            } catch (IOException | IllegalArgumentException e) {
                s.append('?');
            }
        });
        return s.toString();
    }
}
