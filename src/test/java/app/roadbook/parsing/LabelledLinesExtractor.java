package app.roadbook.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A test-only extractor for the inbox's tests: it reads labelled lines ("Venue: Sentrum Scene", "Doors: 19:00",
 * "Fee: EUR 3500") and ISO dates, with exact spans, and matches venues, artists and contacts by name or e-mail. It
 * stands in for the deterministic extractor of the parsing core, so the inbox's tests do not depend on how well that
 * one reads free text; its proposals go through the same service as every extractor's.
 */
@Component
class LabelledLinesExtractor implements Extractor {

    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern LINE = Pattern.compile(
            "(?im)^(Venue|City|Country|Artist|Promoter|Contact|Phone|Load-in|Soundcheck|Doors|Set|Curfew|Fee|Deal|Capacity|Status):[ \\t]*(.+?)[ \\t]*$");

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public List<Proposal> extract(SourceDocument document, Catalog catalog) {
        String text = document.text() == null ? "" : document.text();
        List<Proposal> out = new ArrayList<>();
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            out.add(new Proposal(ParsedField.SHOW_DATE, date.group(1), date.start(1), date.end(1), 0.95, name(), null));
        }
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            String address = email.group().toLowerCase(Locale.ROOT);
            UUID match = catalog.contacts().stream()
                    .filter(c -> address.equalsIgnoreCase(c.email()))
                    .map(Catalog.Contact::id)
                    .findFirst()
                    .orElse(null);
            out.add(new Proposal(ParsedField.PROMOTER_EMAIL, address, email.start(), email.end(), 0.9, name(), match));
        }
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            String label = line.group(1).toLowerCase(Locale.ROOT);
            String value = line.group(2);
            int s = line.start(2);
            int e = line.end(2);
            switch (label) {
                case "venue" ->
                    out.add(new Proposal(
                            ParsedField.VENUE,
                            value,
                            s,
                            e,
                            0.9,
                            name(),
                            catalog.venues().stream()
                                    .filter(v -> v.name().equalsIgnoreCase(value))
                                    .map(Catalog.Venue::id)
                                    .findFirst()
                                    .orElse(null)));
                case "city" -> out.add(new Proposal(ParsedField.VENUE_CITY, value, s, e, 0.7, name(), null));
                case "country" -> out.add(new Proposal(ParsedField.VENUE_COUNTRY, value, s, e, 0.7, name(), null));
                case "artist" ->
                    out.add(new Proposal(
                            ParsedField.ARTIST,
                            value,
                            s,
                            e,
                            0.9,
                            name(),
                            catalog.artists().stream()
                                    .filter(a -> a.name().equalsIgnoreCase(value))
                                    .map(Catalog.Artist::id)
                                    .findFirst()
                                    .orElse(null)));
                case "promoter" -> out.add(new Proposal(ParsedField.PROMOTER_COMPANY, value, s, e, 0.6, name(), null));
                case "contact" -> out.add(new Proposal(ParsedField.PROMOTER_PERSON, value, s, e, 0.6, name(), null));
                case "phone" -> out.add(new Proposal(ParsedField.PROMOTER_PHONE, value, s, e, 0.6, name(), null));
                case "load-in" -> out.add(new Proposal(ParsedField.LOAD_IN, value, s, e, 0.9, name(), null));
                case "soundcheck" -> out.add(new Proposal(ParsedField.SOUNDCHECK, value, s, e, 0.9, name(), null));
                case "doors" -> out.add(new Proposal(ParsedField.DOORS, value, s, e, 0.9, name(), null));
                case "set" -> out.add(new Proposal(ParsedField.SET_TIME, value, s, e, 0.9, name(), null));
                case "curfew" -> out.add(new Proposal(ParsedField.CURFEW, value, s, e, 0.9, name(), null));
                case "deal" -> out.add(new Proposal(ParsedField.DEAL_TYPE, value, s, e, 0.5, name(), null));
                case "capacity" -> out.add(new Proposal(ParsedField.CAPACITY, value, s, e, 0.8, name(), null));
                case "status" -> out.add(new Proposal(ParsedField.BOOKING_STATUS, value, s, e, 0.4, name(), null));
                case "fee" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length == 2) {
                        String amount = new BigDecimal(parts[1].replace(",", ""))
                                .setScale(2)
                                .toPlainString();
                        out.add(new Proposal(ParsedField.FEE, parts[0] + " " + amount, s, e, 0.85, name(), null));
                    }
                }
                default -> {}
            }
        }
        return out;
    }
}
