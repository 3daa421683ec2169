package app.roadbook.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the rules over one document. How each field is found:
 *
 * <ul>
 *   <li>Lines are classified first: quoted ({@code >} or below an "Original message"/"wrote:" line), mail headers
 *       (From/To/Sent/Date in any of the supported languages), signature blocks (after a closing such as "Best
 *       regards"/"Mit freundlichen Grüßen"/"Vennlig hilsen"/"Med vänliga hälsningar"). A value found only in quoted
 *       text is kept with lower confidence; found also in the new text, the quoted one is dropped.
 *   <li>Dates ({@link DateRules}) except in mail headers, deadlines ("by", "until", "bis", "innen", "senast"),
 *       ranges ("10–12 July") and "City, date" letter lines.
 *   <li>Times after (or, in schedule tables, before) a label: load-in/get-in, soundcheck, doors/Einlass/dørene,
 *       set/show/stage/Beginn/konsertstart, curfew/Sperrstunde.
 *   <li>Venue: the org's venues by folded name anywhere; else a labelled line ("Venue:", "Spielort:", "Sted:",
 *       "Spelplats:") or "at NAME, CITY"; city and country from the same line (known cities, postal codes,
 *       country names).
 *   <li>Artist: the org's artists by folded name; else a labelled line ("Artist:", "Künstler:").
 *   <li>Promoter: a catalog contact by e-mail first; else the labelled promoter block of a contract, the original
 *       sender of a forwarded or quoted mail, or the sender; person, company and phone from the same block,
 *       signature or From line.
 *   <li>Money ({@link MoneyRules}) by its nearest label: fee/guarantee/Gage/gasje/arvode → fee; tickets/VVK/billett/
 *       biljett → ticket price; deposits, costs, buy-outs are not fees. Deal: "vs"/"versus" + % → versus, "door
 *       deal"/"% of the door" → door, else flat (said: high confidence; only implied by a fee: low).
 *   <li>Capacity by label or "1,200 cap"; hold ("hold", "option", "pencil", "reserviert") or confirmed
 *       ("confirmed", "bestätigt", "bekreftet", "bekräftad"; a contract document).
 * </ul>
 *
 * A document gives proposals only if it looks like a booking: a show date or venue, and at least two of fee, deal,
 * a labelled time, venue, artist, capacity, ticket price, hold/confirmed.
 */
final class RulePass {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A mail header line in any supported language, with its name in group 1. */
    private static final Pattern HEADER = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(From|To|Cc|Bcc|Sent|Date|Subject|Reply-To|Von|An|Gesendet|Datum|Betreff|Fra|Til"
                    + "|Sendt|Dato|Emne|Från|Till|Skickat|Ämne|Kopie|Kopi|Kopia)[ \\t]*:",
            CI);

    private static final Pattern QUOTE_START = Pattern.compile(
            "^[ \\t]*(?:-{2,}[ \\t]*(?:Original Message|Ursprüngliche Nachricht|Opprinnelig melding|Ursprungligt"
                    + " meddelande|Oprindelig meddelelse)[ \\t]*-{2,}|(?:On|Am|Den|På|Le)\\b.{4,160}"
                    + "(?:wrote|schrieb|skrev|skrev följande|a écrit)[ \\t]*:)[ \\t]*$",
            CI);
    private static final Pattern CLOSING = Pattern.compile(
            "^[ \\t]*(?:best(?: regards| wishes)?|kind regards|regards|warm regards|cheers|all the best|thanks|thank"
                    + " you|many thanks|mit freundlichen grüßen|mit freundlichen gruessen|freundliche grüße|viele grüße"
                    + "|beste grüße|liebe grüße|lg|mfg|gruß|gruss|grüße|grüsse|herzliche grüße|herzliche grüsse|freundliche grüsse|liebe grüsse|beste grüsse|viele grüsse|schöne grüße|vennlig hilsen|med vennlig hilsen|beste hilsen|hilsen|mvh"
                    + "|vh|med vänliga hälsningar|vänliga hälsningar|bästa hälsningar|hälsningar|mvh|med venlig hilsen"
                    + "|venlig hilsen|bedste hilsner|kh)[ \\t]*[,.!]?[ \\t]*$",
            CI);

    private static final String TIME =
            "(?:(?<h1>[01]?\\d|2[0-3])(?:[:.](?<m1>[0-5]\\d))?\\s?(?<ap>[ap])\\.?\\s?m\\b\\.?"
                    + "|(?<![\\d.:/])(?<h2>[01]?\\d|2[0-3])[:.](?<m2>[0-5]\\d)(?![.:/]?\\d)(?:\\s?(?:h|Uhr)\\b)?"
                    + "|(?<h3>[01]?\\d|2[0-3])\\s?(?:Uhr|h)\\b"
                    + "|\\bkl\\.?\\s?(?<h4>[01]?\\d|2[0-3])(?:[:.](?<m4>[0-5]\\d))?(?![.:/]?\\d)"
                    + "|(?<mid>midnight|mitternacht|midnatt|midnat))";
    private static final Pattern TIME_ONLY = Pattern.compile(TIME, CI);
    private static final String BETWEEN = "[\\s:=|,(@–—-]*(?:(?:at|from|by|ab|um|ca\\.?|approx\\.?|circa|fra|från"
            + "|klockan|is|are|will be|open|opens|åpner|öppnar|starts?|start|time|tid|ist|approximately|earliest"
            + "|latest|spätestens|frühestens)\\b[\\s:.=-]*)*";

    private static final Map<ParsedField, Pattern> TIME_LABELS = new LinkedHashMap<>();

    static {
        TIME_LABELS.put(
                ParsedField.LOAD_IN,
                Pattern.compile(
                        "\\b(?:load[\\s-]?in|get[\\s-]?in|loadin|get in|crew call|anlieferung|aufbau|ankunft"
                                + "|opprigg|rigg|innlasting|lossing|inlastning|lastning|ankomst|get-in)\\b",
                        CI));
        TIME_LABELS.put(
                ParsedField.SOUNDCHECK,
                Pattern.compile(
                        "\\b(?:sound[\\s-]?check|line[\\s-]?check|lydprøve|lydsjekk|soundtjekk|ljudprov|ljudcheck"
                                + "|ljudkoll)\\b",
                        CI));
        TIME_LABELS.put(
                ParsedField.DOORS,
                Pattern.compile(
                        "\\b(?:doors?(?:\\s?open(?:ing)?)?|door\\s?time|einlass|türöffnung|dørene|dører|døråpning"
                                + "|døråpning|dörrarna|dörrar|insläpp|dörröppning)\\b",
                        CI));
        TIME_LABELS.put(
                ParsedField.SET_TIME,
                Pattern.compile(
                        "\\b(?:set\\s?time|set|stage\\s?time|on\\s?stage|showtime|show\\s?time|show\\s?start|show"
                                + "|beginn|showbeginn|konzertbeginn|konzert|konsertstart|spilletid|scenetid|speltid"
                                + "|scene|scenen|scen|band on|act on|headliner on|headline\\s?set|main\\s?set|performance|auftritt|spielzeit|stage)\\b",
                        CI));
        TIME_LABELS.put(
                ParsedField.CURFEW,
                Pattern.compile(
                        "\\b(?:hard\\s?curfew|curfew|sperrstunde|stengetid|musikstopp|ende|slutt|slut|end of show"
                                + "|show ends?|lärmschutz)\\b",
                        CI));
    }

    private static final Pattern DEADLINE = Pattern.compile(
            "\\b(?:by|until|till|before|deadline|valid|due|expires?|bis|bis zum|spätestens|frist|innen|senest|innan"
                    + "|senast|payment|deposit|zahlbar|fällig|invoice|rechnung|faktura|signed|unterschrieben|signert"
                    + "|undertecknat|dated|datiert|on sale|onsale|announce|announcement|vvk-start|vorverkaufsstart"
                    + "|billettslipp|biljettsläpp|release|sent|wrote|schrieb|skrev|gesendet|sendt|skickat|vom|from)\\b"
                    + "[^\\n]{0,25}$",
            CI);
    private static final Pattern RANGE_BEFORE =
            Pattern.compile("\\d{1,2}(?:\\.|st|nd|rd|th)?\\s*(?:[-–—]|to|bis|til|till)\\s*$", CI);
    private static final Pattern RANGE_AFTER = Pattern.compile(
            "^\\s*(?:[-–—]|to|bis|til|till)\\s*\\d{1,2}(?:\\.|st|nd|rd|th)?\\s*(?:\\p{L}|\\d{1,2}\\.)", CI);
    private static final Pattern DATE_LABEL = Pattern.compile(
            "\\b(?:date|datum|dato|show|konzert|konsert|event|gig|spilledag|spilledato|spelning|speldatum|termin"
                    + "|engagement|performance|auftritt|concert|veranstaltung)\\b",
            CI);

    private static final Pattern VENUE_LABEL = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(?:venue|location|place|club|spielort|spielstätte|veranstaltungsort|location|ort|sted"
                    + "|spillested|scene|lokale|spelställe|spelplats|plats|lokal|arena|konsertlokale|halle?)[ \\t]*(?:[:=]|\\t)"
                    + "[ \\t]*(?<value>\\S[^\\n]*)$",
            CI | Pattern.MULTILINE);
    private static final Pattern AT_VENUE = Pattern.compile(
            "(?:\\bat|@|\\bim|\\bins|\\bin|\\bin the|\\bpå|\\bi)\\s+(?<name>(?:the\\s+)?\\p{Lu}[\\p{L}\\d'&.-]*(?:\\s+(?:\\p{Lu}|\\d)"
                    + "[\\p{L}\\d'&.-]*){0,4}),\\s*(?<city>\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?)");
    private static final Pattern ARTIST_LABEL = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(?:artist|act|band|künstler|kuenstler|artist/band|headliner|artist name|kunstner"
                    + "|artisten|the artist)[ \\t]*(?:[:=]|\\t)[ \\t]*(?<value>\\S[^\\n]*)$",
            CI | Pattern.MULTILINE);
    private static final Pattern SUPPORT =
            Pattern.compile("\\b(?:support|vorband|opener|oppvarming|förband|special guest)\\b", CI);

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+|00)\\d{1,3}(?:[ \\-/.]?\\(0\\))?(?:[ \\-/.]?\\d){6,13}(?!\\d)"
                    + "|(?<=(?:tel|phone|mobile|mob|tlf|telefon|handy|cell|mobil|fon)\\.?:?\\s{0,3})0\\d(?:[ \\-/.]?\\d){5,12}(?!\\d)",
            CI);
    private static final Pattern PROMOTER_LABEL = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(?:promoter|the promoter|local promoter|veranstalter|der veranstalter|arrangør"
                    + "|arrangor|arrangör|arrangøren|arrangören|purchaser|buyer|presenter|company|firma|selskap"
                    + "|företag|promoter company)[ \\t]*(?:\\([^)]*\\))?[ \\t]*(?:[:=]|\\t|$)[ \\t]*(?<value>[^\\n]*)$",
            CI | Pattern.MULTILINE);
    private static final Pattern OTHER_PARTY_LABEL = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(?:agent|agency|agentur|management|artist|künstler|kunstner|booking agency|byrå"
                    + "|the artist|producer|tour manager|artist management)\\b[^\\n]{0,3}[:=]?",
            CI);
    private static final Pattern PERSON_LABEL = Pattern.compile(
            "\\b(?:contact|contact person|promoter contact|kontakt|kontaktperson|ansprechpartner(?:in)?|c/o|att\\.?"
                    + "|attn\\.?|represented by|vertreten durch|representert ved|företrädd av)[ \\t]*[:=]?[ \\t]*"
                    + "(?<value>(?-i)\\p{Lu}[\\p{L}'.-]+(?:[ \\t]+(?:(?:de|van|von|der|den|af)[ \\t]+)?\\p{Lu}[\\p{L}'.-]+){1,3})",
            CI);
    private static final Pattern COMPANY_WORDS = Pattern.compile(
            "\\b(?:GmbH|AG|AS|ASA|AB|ApS|A/S|Ltd\\.?|Limited|LLC|Inc\\.?|e\\.V\\.|KG|UG|BV|Oy|Live|Concerts?|Konzerte"
                    + "|Konserter|Konsert|Productions?|Promotions?|Entertainment|Booking|Presents|Events?|Kulturhus\\p{L}*"
                    + "|Musikverein|Kultur)\\b");
    private static final Pattern NAME_LINE = Pattern.compile(
            "^[ \\t>]*(?<value>\\p{Lu}[\\p{L}'.-]+(?:[ \\t]+(?:(?:de|van|von|der|den|af|la|le|di|da|du|ten|zu)[ \\t]+)?\\p{Lu}[\\p{L}'.-]+){1,3})[ \\t]*$");
    private static final Pattern FROM_LINE = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(?:From|Von|Fra|Från)[ \\t]*:[ \\t]*(?:\"?(?<name>[^\"<\\n@]+?)\"?[ \\t]*)?(?:<|\\[mailto:)?"
                    + "(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
            CI | Pattern.MULTILINE);

    private static final Pattern FEE_LABEL = Pattern.compile(
            "\\b(?:fee|fees|guarantee|guaranteed|gage|gagen|garantie|garantiert|festgage|fixgage|honorar|gasje|artist"
                    + " fee|offer|offering|bieten|biete|anbieten|angebot|tilby|tilbyr|tilbud|erbjuda|erbjuder|arvode"
                    + "|ersättning|vergütung|pay|betale|betaler|betala|landed|all[\\s-]?in|flat|fixed|fast)\\b",
            CI);
    private static final Pattern TICKET_LABEL = Pattern.compile(
            "\\b(?:tickets?|ticket prices?|ticketprice|admission|entry|eintritt|eintrittspreis|vvk|ak|vorverkauf"
                    + "|abendkasse|billett|billetter|billettpris|billettpriser|biljett|biljetter|biljettpris|entré|entre"
                    + "|presale|pre-sale|advance|at the door|on the door|door price|inngang|inträde)\\b",
            CI);
    private static final Pattern OTHER_MONEY_LABEL = Pattern.compile(
            "\\b(?:deposit|anzahlung|depositum|forskudd|handpenger|förskott|buy[\\s-]?out|catering|hotel|hotell|travel"
                    + "|reise|resa|backline|production|produktion|produksjon|costs?|kosten|kostnader|kostnad|expenses"
                    + "|tax|steuer|vat|mva|moms|ust|merch|merchandise|bonus|break[\\s-]?even|ksk|gema|tono|stim|koda"
                    + "|rental|miete|leie|hyra|insurance|versicherung|advertising|marketing|werbung|per diem|pd|parking"
                    + "|commission|provision)\\b",
            CI);
    private static final Pattern VERSUS = Pattern.compile(
            "\\b(?:vs\\.?|versus|against|gegen|mot|mod|or|oder|eller)\\s*(?:\\d{1,3}\\s?%|\\d{1,3}\\s?(?:percent|prozent"
                    + "|prosent|procent))|whichever is (?:higher|greater)|\\bversus deal\\b|\\bvs\\.? deal\\b",
            CI);
    private static final Pattern DOOR = Pattern.compile(
            "\\bdoor[\\s-]?deal\\b|\\bdoor[\\s-]?split\\b|\\b\\d{1,3}\\s?%\\s*(?:of\\s*(?:the\\s*)?)?(?:door|doors"
                    + "|gross|box office|ticket (?:sales|income|revenue)|net box office|nbor|der abendkasse|der"
                    + " eintrittseinnahmen|av billettinntektene|av billettintäkterna|av døren|av dörren)\\b"
                    + "|\\btür[\\s-]?deal\\b|\\babendkassen[\\s-]?deal\\b|\\bdør[\\s-]?deal\\b|\\bdøravtale\\b|\\bdörr[\\s-]?deal"
                    + "\\b|\\beintrittsbeteiligung\\b|\\b\\d{2}/\\d{2}\\s?split\\b",
            CI);
    private static final Pattern FLAT = Pattern.compile(
            "\\b(?:flat(?:\\s?fee|\\s?guarantee)?|fixed fee|fix(?:ed)? guarantee|festgage|fixgage|fixe gage|fast gasje"
                    + "|fast gage|fast arvode|fast honorar|garantiegage|landed fee|all[\\s-]?in fee|buyout fee)\\b",
            CI);
    private static final Pattern CAPACITY = Pattern.compile(
            "\\b(?:capacity|cap\\.?|kapazität|kapazitaet|kapasitet|kapacitet|fassungsvermögen|publikumskapasitet"
                    + "|max(?:imum)?\\.? (?:audience|attendance|capacity)|sold out at|ausverkauft bei|plasser|platser)"
                    + "[ \\t]*[:=\\-]?[ \\t]*(?:of[ \\t]+|ca\\.?[ \\t]*|approx\\.?[ \\t]*|ist[ \\t]+|er[ \\t]+|är[ \\t]+|is[ \\t]+"
                    + "|max\\.?[ \\t]*)?(?<n1>\\d{1,3}(?:[.,  ']\\d{3})+|\\d{2,6})(?![\\d.,]\\d)"
                    + "|(?<![\\d.,])(?<n2>\\d{1,3}(?:[.,  ']\\d{3})+|\\d{2,6})[ \\t]*(?:cap(?:acity)?|pax|persons|people"
                    + "|personen|besucher|personer|plasser|platser|capacity)\\b",
            CI);
    private static final Pattern HOLD = Pattern.compile(
            "\\b(?:(?:1st|2nd|3rd|first|second|third|erste|zweite)\\s)?hold\\b|\\bon hold\\b|\\boption\\b|\\boptioniert"
                    + "|\\boptionen\\b|\\bpencil(?:led|ed|ling|ing)?\\b|\\breserviert\\b|\\breservation\\b|\\breservert\\b"
                    + "|\\breservasjon\\b|\\bpreliminary\\b|\\bvorläufig\\b|\\bforeløpig\\b|\\bpreliminär\\b|\\bpreliminært"
                    + "\\b|\\btentative\\b|\\bholde\\b|\\breserverad\\b|\\breservation\\b",
            CI);
    private static final Pattern CONFIRMED = Pattern.compile(
            "\\bconfirmed\\b|\\bwe (?:hereby |can |can now |are happy to |are pleased to )?confirm\\b|\\b(?:happy|pleased|glad|delighted) to confirm\\b|\\bconfirming\\b|\\bbooking"
                    + " confirmation\\b|\\bbestätig(?:t|en|ung)\\b|\\bbestätigen hiermit\\b|\\bfest gebucht\\b|\\bfix"
                    + " gebucht\\b|\\bfix\\b|\\bbekreft(?:et|er|else|a)\\b|\\bbekräft(?:ad|ar|else|at|a)\\b|\\bagreed\\b"
                    + "|\\bit'?s a go\\b|\\bdeal\\b is done|\\bbekræft(?:et|er|else)\\b",
            CI);
    private static final Pattern NOT_CONFIRMED = Pattern.compile(
            "(?:not|not yet|to be|noch nicht|nicht|ikke|ikkje|inte|ej|un|please|pls|can you|could you|kindly|bitte|vennligst"
                    + "|gerne|once|when|after|until|til|tbc|wenn|sobald|når|när)\\s*$",
            CI);
    private static final Pattern CONTRACT_TITLE =
            Pattern.compile("\\b\\p{L}*(?:contract|agreement|vertrag|kontrakt|avtale|avtal|engagement)\\b", CI);

    record Line(int start, int end, boolean quoted, String header, boolean signature) {}

    private record Candidate(
            ParsedField field, String value, int start, int end, double confidence, UUID match, boolean quoted) {}

    private static final Set<ParsedField> MULTI = EnumSet.of(ParsedField.SHOW_DATE, ParsedField.TICKET_PRICE);

    private final SourceDocument document;
    private final String text;
    private final Catalog catalog;
    private final LocalDate reference;
    private final List<Line> lines = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private NormalisedText folded;

    RulePass(SourceDocument document, Catalog catalog, LocalDate reference) {
        this.document = document;
        this.text = document.text();
        this.catalog = catalog;
        this.reference = reference;
    }

    List<Proposal> run() {
        classifyLines();
        folded = new NormalisedText(text);
        String country = venue();
        dates();
        times();
        artist();
        promoter();
        money(country);
        capacity();
        status();
        return finish();
    }

    // ---- lines ------------------------------------------------------------------------------------------------

    private void classifyLines() {
        boolean inQuote = false;
        boolean inSignature = false;
        int at = 0;
        List<int[]> raw = new ArrayList<>();
        while (at <= text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            raw.add(new int[] {at, end});
            at = end + 1;
        }
        for (int i = 0; i < raw.size(); i++) {
            int start = raw.get(i)[0];
            int end = raw.get(i)[1];
            String line = text.substring(start, end);
            String header = null;
            Matcher h = HEADER.matcher(line);
            if (h.find()) {
                header = h.group(1).toLowerCase(Locale.ROOT);
            }
            boolean topHeader = document.kind() == SourceDocument.Kind.MAIL && i < 2 && header != null;
            if (QUOTE_START.matcher(line).find()) {
                inQuote = true;
                inSignature = false;
            }
            // An Outlook-style reply header without a marker line: "From: …" followed by "Sent: …".
            if (!topHeader && header != null && isFromHeader(header) && i + 1 < raw.size()) {
                String next = text.substring(raw.get(i + 1)[0], raw.get(i + 1)[1]);
                Matcher n = HEADER.matcher(next);
                if (n.find()
                        && List.of("sent", "gesendet", "sendt", "skickat")
                                .contains(n.group(1).toLowerCase(Locale.ROOT))
                        && !forwardedAbove(raw, i)) {
                    inQuote = true;
                }
                inSignature = false;
            }
            if (header != null && isDateHeader(header) && !isMailHeaderBlock(raw, i)) {
                header = null; // "Date: 15 January 2027" in a body is a label, not a mail header
            }
            if (CLOSING.matcher(line).find()) {
                inSignature = true;
            } else if (line.isBlank() && inSignature && signatureLength(raw, i) > 7) {
                inSignature = false;
            }
            boolean quoted = inQuote || line.stripLeading().startsWith(">");
            lines.add(new Line(start, end, quoted, topHeader ? "top-" + header : header, inSignature));
        }
    }

    private int signatureLength(List<int[]> raw, int index) {
        int count = 0;
        for (int i = index; i >= 0 && count < 20; i--) {
            if (CLOSING.matcher(text.substring(raw.get(i)[0], raw.get(i)[1])).find()) {
                return count;
            }
            count++;
        }
        return count;
    }

    private boolean forwardedAbove(List<int[]> raw, int index) {
        for (int i = index - 1; i >= Math.max(0, index - 3); i--) {
            String line = text.substring(raw.get(i)[0], raw.get(i)[1]).toLowerCase(Locale.ROOT);
            if (line.contains("forwarded")
                    || line.contains("weitergeleitet")
                    || line.contains("videresendt")
                    || line.contains("vidarebefordrat")
                    || line.contains("videresendt")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFromHeader(String header) {
        return List.of("from", "von", "fra", "från").contains(header);
    }

    private static boolean isDateHeader(String header) {
        return List.of("date", "datum", "dato").contains(header);
    }

    private boolean isMailHeaderBlock(List<int[]> raw, int index) {
        for (int i : new int[] {index - 1, index + 1}) {
            if (i < 0 || i >= raw.size()) {
                continue;
            }
            Matcher m = HEADER.matcher(text.substring(raw.get(i)[0], raw.get(i)[1]));
            if (m.find() && !isDateHeader(m.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Line lineAt(int offset) {
        int lo = 0;
        int hi = lines.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lines.get(mid).start() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lines.get(lo);
    }

    private int lineIndex(int offset) {
        return lines.indexOf(lineAt(offset));
    }

    private String lineText(Line line) {
        return text.substring(line.start(), line.end());
    }

    private boolean isMailHeader(Line line) {
        return line.header() != null
                && !line.header().endsWith("subject")
                && !line.header().endsWith("betreff")
                && !line.header().endsWith("emne")
                && !line.header().endsWith("ämne");
    }

    private void add(ParsedField field, String value, int start, int end, double confidence, UUID match) {
        if (value == null || value.isBlank() || end <= start) {
            return;
        }
        candidates.add(new Candidate(
                field,
                value.strip(),
                start,
                end,
                Math.min(1, confidence),
                match,
                lineAt(start).quoted()));
    }

    // ---- dates ------------------------------------------------------------------------------------------------

    private void dates() {
        for (DateRules.Found found : DateRules.find(text, reference)) {
            Line line = lineAt(found.start());
            if (isMailHeader(line)) {
                continue;
            }
            String before = text.substring(line.start(), found.start());
            String after = text.substring(found.end(), line.end());
            if (DEADLINE.matcher(before).find()
                    || RANGE_BEFORE.matcher(before).find()
                    || RANGE_AFTER.matcher(after).find()) {
                continue;
            }
            if (before.matches(
                            "[ \\t>]*\\p{L}[\\p{L} .-]*(?:,[ \\t]*(?:(?:den|am|the)[ \\t]+)?|[ \\t]+(?:den|am)[ \\t]+)")
                    && after.isBlank()) {
                continue; // "Oslo, 20.11.2026": where and when a letter or contract was written
            }
            if (found.date().isBefore(reference.minusDays(180)) || found.date().isAfter(reference.plusYears(4))) {
                continue;
            }
            double confidence = found.yearGiven() ? 0.8 : 0.7;
            if (DATE_LABEL.matcher(before).find()) {
                confidence += 0.1;
            }
            if (line.header() != null) {
                confidence += 0.05;
            }
            add(ParsedField.SHOW_DATE, found.date().toString(), found.start(), found.end(), confidence, null);
        }
    }

    // ---- times ------------------------------------------------------------------------------------------------

    private void times() {
        for (Map.Entry<ParsedField, Pattern> entry : TIME_LABELS.entrySet()) {
            Matcher label = entry.getValue().matcher(text);
            while (label.find()) {
                Line line = lineAt(label.start());
                if (isMailHeader(line)) {
                    continue;
                }
                if (entry.getKey() == ParsedField.DOORS && text.regionMatches(true, label.end(), " deal", 0, 5)) {
                    continue;
                }
                Matcher after = Pattern.compile(BETWEEN + TIME, CI).matcher(text);
                after.region(label.end(), line.end());
                if (after.lookingAt()) {
                    int timeStart = timeStart(after);
                    addTime(entry.getKey(), after, timeStart, after.end(), 0.85);
                    continue;
                }
                // A schedule table: "19:00  Doors".
                String before = text.substring(line.start(), label.start());
                Matcher first = Pattern.compile("^[ \\t>|]*" + TIME + "[ \\t]*[-–—:|.]?[ \\t]*$", CI)
                        .matcher(before);
                if (first.find()) {
                    int start = line.start() + timeStart(first);
                    addTime(entry.getKey(), first, start, line.start() + trimmedEnd(before, first.end()), 0.8);
                }
            }
        }
    }

    private static int trimmedEnd(String s, int end) {
        while (end > 0 && !Character.isLetterOrDigit(s.charAt(end - 1)) && s.charAt(end - 1) != '.') {
            end--;
        }
        return end;
    }

    private static int timeStart(Matcher m) {
        for (String group : List.of("h1", "h2", "h3", "mid")) {
            if (m.group(group) != null) {
                return m.start(group);
            }
        }
        // "kl. 19": the span starts at "kl".
        int h = m.start("h4");
        int k = h;
        String s = m.group();
        int base = m.start();
        int idx = s.toLowerCase(Locale.ROOT).lastIndexOf("kl", h - base);
        return idx >= 0 ? base + idx : k;
    }

    private void addTime(ParsedField field, Matcher m, int start, int end, double confidence) {
        int hour;
        int minute = 0;
        if (m.group("h1") != null) {
            hour = Integer.parseInt(m.group("h1")) % 12;
            minute = m.group("m1") == null ? 0 : Integer.parseInt(m.group("m1"));
            if (m.group("ap").equalsIgnoreCase("p")) {
                hour += 12;
            }
        } else if (m.group("h2") != null) {
            hour = Integer.parseInt(m.group("h2"));
            minute = Integer.parseInt(m.group("m2"));
        } else if (m.group("h3") != null) {
            hour = Integer.parseInt(m.group("h3"));
        } else if (m.group("h4") != null) {
            hour = Integer.parseInt(m.group("h4"));
            minute = m.group("m4") == null ? 0 : Integer.parseInt(m.group("m4"));
        } else {
            hour = 0;
        }
        add(field, String.format(Locale.ROOT, "%02d:%02d", hour, minute), start, end, confidence, null);
    }

    // ---- venue ------------------------------------------------------------------------------------------------

    /** Finds the venue, its city and country; returns the country code if known (for "kr"). */
    private String venue() {
        String country = null;
        for (Catalog.Venue venue : catalog.venues()) {
            for (int[] span : folded.find(venue.name())) {
                Line line = lineAt(span[0]);
                if (isMailHeader(line) && !line.header().contains("from")) {
                    continue;
                }
                double confidence = VENUE_LABEL.matcher(lineText(line)).find() ? 0.95 : 0.9;
                add(ParsedField.VENUE, text.substring(span[0], span[1]), span[0], span[1], confidence, venue.id());
                if (venue.city() != null) {
                    List<int[]> city = folded.find(venue.city());
                    if (!city.isEmpty()) {
                        int[] near = nearest(city, span[0]);
                        add(ParsedField.VENUE_CITY, text.substring(near[0], near[1]), near[0], near[1], 0.85, null);
                    } else {
                        // The city under another name ("Wien" in the catalog, "Vienna" in the mail) on the same line.
                        Matcher word = Pattern.compile("\\p{Lu}[\\p{L}]+").matcher(text);
                        word.region(line.start(), line.end());
                        while (word.find()) {
                            String code = Places.CITIES.get(NormalisedText.fold(word.group()));
                            if (code != null && code.equals(venue.countryCode())) {
                                add(ParsedField.VENUE_CITY, word.group(), word.start(), word.end(), 0.7, null);
                                break;
                            }
                        }
                    }
                }
                country = country == null ? venue.countryCode() : country;
            }
        }
        Matcher labelled = VENUE_LABEL.matcher(text);
        while (labelled.find()) {
            int start = labelled.start("value");
            String value = labelled.group("value");
            String[] parts = value.split("\\s*(?:,|\\s[-–—|]\\s|\\(|\\)|/)\\s*");
            String name = parts[0].strip();
            if (name.isEmpty() || name.length() > 60) {
                continue;
            }
            add(ParsedField.VENUE, name, start, start + name.length(), 0.75, null);
            String found = place(value, start, 0.8);
            country = country == null ? found : country;
        }
        Matcher at = AT_VENUE.matcher(text);
        while (at.find()) {
            String city = NormalisedText.fold(at.group("city"));
            if (Places.CITIES.containsKey(city) && !Places.CITIES.containsKey(NormalisedText.fold(at.group("name")))) {
                String name = at.group("name");
                add(ParsedField.VENUE, name, at.start("name"), at.end("name"), 0.55, null);
                add(ParsedField.VENUE_CITY, at.group("city"), at.start("city"), at.end("city"), 0.6, null);
                String code = Places.CITIES.get(city);
                add(ParsedField.VENUE_COUNTRY, code, at.start("city"), at.end("city"), 0.5, null);
                country = country == null ? code : country;
            }
        }
        return country;
    }

    /** City and country from the rest of an address line; returns the country code or null. */
    private String place(String value, int offset, double confidence) {
        String country = null;
        int countryStart = -1;
        int countryEnd = -1;
        Matcher words =
                Pattern.compile("\\p{L}[\\p{L}.-]*(?:\\s\\p{L}[\\p{L}.-]*)?").matcher(value);
        Matcher code = Pattern.compile("\\((?<cc>[A-Z]{2})\\)|\\b(?<pc>[A-Z]{1,3})-\\d{3,5}\\b")
                .matcher(value);
        while (code.find()) {
            String cc = code.group("cc") != null ? code.group("cc") : Places.postalPrefix(code.group("pc"));
            if (cc != null && (code.group("cc") == null || Places.COUNTRIES.containsValue(cc))) {
                country = cc;
                countryStart = code.group("cc") != null ? code.start("cc") : code.start("pc");
                countryEnd = code.group("cc") != null ? code.end("cc") : code.end("pc");
            }
        }
        String city = null;
        int cityStart = -1;
        int cityEnd = -1;
        int from = value.indexOf(',') < 0 ? 0 : value.indexOf(',');
        while (words.find(from)) {
            String word = words.group();
            String fold = NormalisedText.fold(word);
            String single = NormalisedText.fold(word.split("\\s")[0]);
            int wordEnd = words.end();
            if (Places.COUNTRIES.containsKey(fold) || Places.COUNTRIES.containsKey(single)) {
                boolean whole = Places.COUNTRIES.containsKey(fold);
                country = Places.COUNTRIES.get(whole ? fold : single);
                countryStart = words.start();
                countryEnd = whole ? wordEnd : words.start() + word.split("\\s")[0].length();
            } else if (city == null && (Places.CITIES.containsKey(fold) || Places.CITIES.containsKey(single))) {
                boolean whole = Places.CITIES.containsKey(fold);
                city = whole ? word : word.split("\\s")[0];
                cityStart = words.start();
                cityEnd = cityStart + city.length();
            }
            from = wordEnd;
            if (from >= value.length()) {
                break;
            }
        }
        if (city == null) {
            Matcher postal = Pattern.compile("\\b(?:[A-Z]{1,3}-)?\\d{4,5}\\s+(?<city>\\p{Lu}[\\p{L}-]+)")
                    .matcher(value);
            if (postal.find()) {
                city = postal.group("city");
                cityStart = postal.start("city");
                cityEnd = postal.end("city");
            }
        }
        if (city != null) {
            add(ParsedField.VENUE_CITY, city, offset + cityStart, offset + cityEnd, confidence, null);
            if (country == null && Places.CITIES.containsKey(NormalisedText.fold(city))) {
                country = Places.CITIES.get(NormalisedText.fold(city));
                add(ParsedField.VENUE_COUNTRY, country, offset + cityStart, offset + cityEnd, confidence - 0.2, null);
                return country;
            }
        }
        if (country != null) {
            add(ParsedField.VENUE_COUNTRY, country, offset + countryStart, offset + countryEnd, confidence, null);
        }
        return country;
    }

    private static int[] nearest(List<int[]> spans, int offset) {
        return spans.stream()
                .min(Comparator.comparingInt(s -> Math.abs(s[0] - offset)))
                .orElseThrow();
    }

    // ---- artist -----------------------------------------------------------------------------------------------

    private void artist() {
        for (Catalog.Artist artist : catalog.artists()) {
            for (int[] span : folded.find(artist.name())) {
                Line line = lineAt(span[0]);
                if (isMailHeader(line)) {
                    continue;
                }
                String lineText = lineText(line);
                double confidence = ARTIST_LABEL.matcher(lineText).find() ? 0.95 : 0.85;
                if (SUPPORT.matcher(text.substring(line.start(), span[0])).find()) {
                    confidence = 0.5;
                }
                add(ParsedField.ARTIST, text.substring(span[0], span[1]), span[0], span[1], confidence, artist.id());
            }
        }
        Matcher labelled = ARTIST_LABEL.matcher(text);
        while (labelled.find()) {
            String value = labelled.group("value")
                    .split("\\s*(?:\\(|,|\\s[-–—]\\s)")[0]
                    .strip();
            if (!value.isEmpty() && value.length() <= 60) {
                int start = labelled.start("value");
                add(ParsedField.ARTIST, value, start, start + value.length(), 0.7, null);
            }
        }
    }

    // ---- promoter ---------------------------------------------------------------------------------------------

    private record Email(String address, int start, int end) {}

    private void promoter() {
        List<Email> emails = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            Line line = lineAt(m.start());
            String header = line.header();
            if (header != null
                    && !header.contains("from")
                    && !header.contains("von")
                    && !header.contains("fra")
                    && !header.contains("från")
                    && !header.contains("reply")) {
                continue; // To, Cc: the people written to, not the promoter
            }
            if (otherParty(m.start())) {
                continue;
            }
            emails.add(new Email(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        // A contact the org knows, by e-mail first.
        Map<String, Catalog.Contact> byEmail = new HashMap<>();
        for (Catalog.Contact contact : catalog.contacts()) {
            if (contact.email() != null) {
                byEmail.put(contact.email().toLowerCase(Locale.ROOT).strip(), contact);
            }
        }
        Email chosen = null;
        double confidence = 0;
        Catalog.Contact known = null;
        for (Email email : emails) {
            if (byEmail.containsKey(email.address())) {
                chosen = email;
                known = byEmail.get(email.address());
                confidence = 0.95;
                break;
            }
        }
        Block block = promoterBlock();
        if (chosen == null && block != null) {
            for (Email email : emails) {
                if (email.start() >= block.start() && email.start() < block.end()) {
                    chosen = email;
                    confidence = 0.9;
                    break;
                }
            }
        }
        if (chosen == null) {
            // The original sender of a forwarded or quoted mail, else the sender.
            List<Email> froms = new ArrayList<>();
            for (Email email : emails) {
                Line line = lineAt(email.start());
                if (line.header() != null && !line.header().startsWith("top-") && isFromHeader(line.header())) {
                    froms.add(email);
                }
            }
            if (!froms.isEmpty()) {
                chosen = froms.get(froms.size() - 1);
                confidence = 0.8;
            } else {
                for (Email email : emails) {
                    if (lineAt(email.start()).header() != null) {
                        chosen = email;
                        confidence = 0.8;
                        break;
                    }
                }
            }
        }
        if (chosen == null) {
            for (Email email : emails) {
                if (lineAt(email.start()).signature()) {
                    chosen = email;
                    confidence = 0.7;
                    break;
                }
            }
        }
        if (chosen == null && !emails.isEmpty()) {
            chosen = emails.get(0);
            confidence = 0.5;
        }
        if (chosen != null) {
            add(
                    ParsedField.PROMOTER_EMAIL,
                    chosen.address(),
                    chosen.start(),
                    chosen.end(),
                    confidence,
                    known == null ? null : known.id());
        }
        if (known != null) {
            nameOf(ParsedField.PROMOTER_PERSON, known.name(), chosen, 0.9, known.id());
            nameOf(ParsedField.PROMOTER_COMPANY, known.company(), chosen, 0.85, null);
        }
        // Person and company: the labelled block, the From line, the signature.
        int anchor = chosen != null ? chosen.start() : (block != null ? block.start() : -1);
        if (block != null) {
            String value = block.company();
            if (value != null && !value.isBlank()) {
                add(
                        ParsedField.PROMOTER_COMPANY,
                        value,
                        block.companyStart(),
                        block.companyStart() + value.length(),
                        0.85,
                        null);
            }
            Matcher person = PERSON_LABEL.matcher(text);
            person.region(block.start(), block.end());
            if (person.find()) {
                add(
                        ParsedField.PROMOTER_PERSON,
                        person.group("value"),
                        person.start("value"),
                        person.end("value"),
                        0.8,
                        null);
            }
        }
        if (chosen != null) {
            Line line = lineAt(chosen.start());
            Matcher from = FROM_LINE.matcher(lineText(line));
            if (from.find() && from.group("name") != null && !from.group("name").isBlank()) {
                String name = from.group("name").strip();
                int start = line.start() + from.start("name");
                if (COMPANY_WORDS.matcher(name).find()) {
                    add(ParsedField.PROMOTER_COMPANY, name, start, start + name.length(), 0.6, null);
                } else if (name.contains(" ")) {
                    add(ParsedField.PROMOTER_PERSON, name, start, start + name.length(), 0.8, null);
                }
            }
            Matcher person = PERSON_LABEL.matcher(text);
            int lo = Math.max(0, lineAt(chosen.start()).start() - 300);
            person.region(lo, Math.min(text.length(), chosen.end() + 100));
            while (person.find()) {
                add(
                        ParsedField.PROMOTER_PERSON,
                        person.group("value"),
                        person.start("value"),
                        person.end("value"),
                        0.75,
                        null);
            }
            signature(chosen.start());
        }
        phone(anchor, block);
    }

    /**
     * A known contact's name or company where the text spells it out (not inside an e-mail address), else with the
     * span of the e-mail address it was matched by, slightly less sure.
     */
    private void nameOf(ParsedField field, String name, Email email, double confidence, UUID match) {
        if (name == null || name.isBlank()) {
            return;
        }
        List<int[]> spans = new ArrayList<>();
        for (int[] span : folded.find(name)) {
            if (!insideEmail(span[0], span[1])) {
                spans.add(span);
            }
        }
        if (!spans.isEmpty()) {
            int[] span = nearest(spans, email.start());
            add(field, text.substring(span[0], span[1]), span[0], span[1], confidence, match);
        } else {
            add(field, name, email.start(), email.end(), confidence - 0.1, match);
        }
    }

    private boolean insideEmail(int start, int end) {
        Matcher m = EMAIL.matcher(text);
        m.region(Math.max(0, start - 80), Math.min(text.length(), end + 80));
        while (m.find()) {
            if (m.start() < end && start < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** The signature the e-mail stands in: the name line after the closing, and a company line below it. */
    private void signature(int emailStart) {
        int index = lineIndex(emailStart);
        int closing = -1;
        for (int i = index; i >= Math.max(0, index - 8); i--) {
            if (CLOSING.matcher(lineText(lines.get(i))).find()) {
                closing = i;
                break;
            }
        }
        if (closing < 0 && lines.get(index).header() != null) {
            // The sender's address in a (forwarded) header: their signature closes the message below it.
            for (int i = index + 1; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.header() != null && isFromHeader(line.header().replace("top-", ""))) {
                    break;
                }
                if (CLOSING.matcher(lineText(line)).find()) {
                    closing = i;
                    break;
                }
            }
        }
        if (closing < 0) {
            // No closing line: the block of lines the address stands in ("Dan Miller / Company Ltd / address").
            int first = index;
            while (first > 0
                    && index - first < 5
                    && !lineText(lines.get(first - 1)).isBlank()) {
                first--;
            }
            if (first == index || lines.get(index).header() != null) {
                return;
            }
            closing = first - 1;
        }
        boolean named = false;
        for (int i = closing + 1; i < Math.min(lines.size(), closing + 7); i++) {
            Line line = lines.get(i);
            String value = lineText(line).replaceFirst("^[ \\t>]+", "");
            int offset = line.end() - value.length();
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!named) {
                if (!NAME_LINE.matcher(trimmed).matches()
                        && !trimmed.contains("@")
                        && !COMPANY_WORDS.matcher(trimmed).find()
                        && i == closing + 1) {
                    continue; // "Let me know!" above the name
                }
                named = true;
                if (NAME_LINE.matcher(trimmed).matches()
                        && !COMPANY_WORDS.matcher(trimmed).find()) {
                    add(ParsedField.PROMOTER_PERSON, trimmed, offset, offset + trimmed.length(), 0.65, null);
                    continue;
                }
            }
            if (COMPANY_WORDS.matcher(trimmed).find()
                    && !trimmed.contains("@")
                    && trimmed.length() <= 60
                    && !PHONE.matcher(trimmed).find()) {
                String company = trimmed.split("\\s*(?:[|·•]|\\s[-–—]\\s)\\s*")[0];
                add(ParsedField.PROMOTER_COMPANY, company, offset, offset + company.length(), 0.6, null);
                break;
            }
        }
    }

    private void phone(int anchor, Block block) {
        if (anchor < 0) {
            return;
        }
        Matcher m = PHONE.matcher(text);
        int best = -1;
        int bestEnd = -1;
        int distance = Integer.MAX_VALUE;
        while (m.find()) {
            if (otherParty(m.start()) || isMailHeader(lineAt(m.start()))) {
                continue;
            }
            int d = Math.abs(m.start() - anchor);
            boolean inBlock = block != null && m.start() >= block.start() && m.start() < block.end();
            if (inBlock) {
                d = 0;
            }
            if (d < distance && d <= 400) {
                distance = d;
                best = m.start();
                bestEnd = m.end();
            }
        }
        if (best >= 0) {
            add(
                    ParsedField.PROMOTER_PHONE,
                    text.substring(best, bestEnd),
                    best,
                    bestEnd,
                    distance < 150 ? 0.8 : 0.6,
                    null);
        }
    }

    private record Block(int start, int end, String company, int companyStart) {}

    /** The lines of a contract's or offer's promoter section: the labelled line and what follows to a blank line. */
    private Block promoterBlock() {
        Matcher m = PROMOTER_LABEL.matcher(text);
        while (m.find()) {
            Line line = lineAt(m.start());
            int index = lines.indexOf(line);
            String value = m.group("value").strip();
            int valueStart = m.start("value")
                    + (m.group("value").length()
                            - m.group("value").stripLeading().length());
            String company = value
                    .split("\\s*(?:,|\\(|\\s[-–—]\\s|\\sc/o\\s|\\srepresented\\b|\\svertreten\\b"
                            + "|\\srepresentert\\b|\\s\\||;)")[0]
                    .strip();
            if (company.contains("@") || company.length() > 60) {
                company = null;
            }
            int end = line.end();
            int startIndex = index;
            if (company == null || company.isEmpty()) {
                // "Promoter:" alone on its line: the company is the next line.
                if (index + 1 < lines.size() && !lineText(lines.get(index + 1)).isBlank()) {
                    Line next = lines.get(index + 1);
                    String nextText = lineText(next);
                    company = nextText.strip();
                    valueStart = next.start() + nextText.indexOf(company);
                    if (company.contains("@")
                            || company.length() > 60
                            || !COMPANY_WORDS.matcher(company).find() && company.split("\\s+").length > 6) {
                        company = null;
                    }
                }
            }
            for (int i = startIndex + 1; i < Math.min(lines.size(), startIndex + 8); i++) {
                if (lineText(lines.get(i)).isBlank()
                        || OTHER_PARTY_LABEL.matcher(lineText(lines.get(i))).find()) {
                    break;
                }
                end = lines.get(i).end();
            }
            return new Block(line.start(), end, company, valueStart);
        }
        return null;
    }

    /** Whether an offset lies in a block about the artist's side (agent, management) rather than the promoter's. */
    private boolean otherParty(int offset) {
        int index = lineIndex(offset);
        for (int i = index; i >= Math.max(0, index - 6); i--) {
            String line = lineText(lines.get(i));
            if (i < index && line.isBlank()) {
                return false;
            }
            if (PROMOTER_LABEL.matcher(line).find() && !line.strip().isEmpty()) {
                Matcher p = PROMOTER_LABEL.matcher(line);
                if (p.find()) {
                    return false;
                }
            }
            if (OTHER_PARTY_LABEL.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    // ---- money ------------------------------------------------------------------------------------------------

    private void money(String country) {
        String upper = text.toUpperCase(Locale.ROOT);
        String kroner = upper.contains("SEK")
                ? "SEK"
                : upper.contains("DKK")
                        ? "DKK"
                        : upper.contains("NOK")
                                ? "NOK"
                                : "SE".equals(country) ? "SEK" : "DK".equals(country) ? "DKK" : "NOK";
        List<MoneyRules.Amount> amounts = MoneyRules.find(text, kroner);
        Candidate fee = null;
        for (MoneyRules.Amount amount : amounts) {
            Line line = lineAt(amount.start());
            if (isMailHeader(line)) {
                continue;
            }
            String before = text.substring(line.start(), amount.start());
            String after = text.substring(amount.end(), Math.min(line.end(), amount.end() + 25));
            if (after.matches("^\\s*%.*")) {
                continue;
            }
            int feeAt = last(FEE_LABEL, before);
            int ticketAt = last(TICKET_LABEL, before);
            int otherAt = last(OTHER_MONEY_LABEL, before);
            if (feeAt < 0 && ticketAt < 0 && otherAt < 0) {
                // "Guarantee:" on the line above, the amount on its own line.
                int index = lines.indexOf(line);
                if (index > 0 && before.isBlank()) {
                    String above = lineText(lines.get(index - 1));
                    feeAt = FEE_LABEL.matcher(above).find() && above.strip().endsWith(":") ? 0 : -1;
                    ticketAt =
                            TICKET_LABEL.matcher(above).find() && above.strip().endsWith(":") ? 0 : -1;
                }
                if (feeAt < 0
                        && ticketAt < 0
                        && OTHER_MONEY_LABEL.matcher(after).find()) {
                    continue;
                }
            }
            if (ticketAt > feeAt && ticketAt > otherAt) {
                add(ParsedField.TICKET_PRICE, amount.normalised(), amount.start(), amount.end(), 0.8, null);
                continuation(amount, line);
            } else if (feeAt >= 0 && feeAt > otherAt) {
                add(ParsedField.FEE, amount.normalised(), amount.start(), amount.end(), 0.85, null);
                if (fee == null) {
                    fee = candidates.get(candidates.size() - 1);
                }
            } else if (feeAt < 0
                    && ticketAt < 0
                    && otherAt < 0
                    && amount.value().doubleValue() >= 200) {
                add(ParsedField.FEE, amount.normalised(), amount.start(), amount.end(), 0.4, null);
                if (fee == null) {
                    fee = candidates.get(candidates.size() - 1);
                }
            }
        }
        deal(fee);
    }

    /** "Tickets: EUR 25 / 30": the second price takes the first one's currency. */
    private void continuation(MoneyRules.Amount amount, Line line) {
        Matcher more = Pattern.compile(
                        "^\\s*(?:/|and|und|og|och|or|oder|eller|,)\\s*(?:\\p{L}{2,12}\\s*)?(?<n>\\d{1,4}(?:[.,]\\d{1,2})?)"
                                + "(?!\\s*%)(?![\\d.,]*\\s*(?:EUR|USD|GBP|NOK|SEK|DKK|CHF|€|\\$|£|kr))")
                .matcher(text);
        more.region(amount.end(), line.end());
        if (more.lookingAt()) {
            java.math.BigDecimal value = MoneyRules.parse(more.group("n"));
            if (value != null && value.signum() > 0) {
                MoneyRules.Amount next =
                        new MoneyRules.Amount(amount.currency(), value, more.start("n"), more.end("n"));
                add(ParsedField.TICKET_PRICE, next.normalised(), next.start(), next.end(), 0.7, null);
            }
        }
    }

    private static int last(Pattern pattern, String s) {
        Matcher m = pattern.matcher(s);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        return at;
    }

    private void deal(Candidate fee) {
        Matcher versus = VERSUS.matcher(text);
        while (versus.find()) {
            if (!isMailHeader(lineAt(versus.start()))) {
                add(ParsedField.DEAL_TYPE, "versus", versus.start(), versus.end(), 0.85, null);
            }
        }
        Matcher door = DOOR.matcher(text);
        while (door.find()) {
            if (!isMailHeader(lineAt(door.start()))) {
                boolean versusNearby = VERSUS.matcher(
                                text.substring(lineAt(door.start()).start(), door.start()))
                        .find();
                add(ParsedField.DEAL_TYPE, "door", door.start(), door.end(), versusNearby ? 0.3 : 0.8, null);
            }
        }
        Matcher flat = FLAT.matcher(text);
        while (flat.find()) {
            if (!isMailHeader(lineAt(flat.start()))) {
                add(ParsedField.DEAL_TYPE, "flat", flat.start(), flat.end(), 0.75, null);
            }
        }
        if (fee != null) {
            add(ParsedField.DEAL_TYPE, "flat", fee.start(), fee.end(), 0.45, null);
        }
    }

    // ---- capacity and status ----------------------------------------------------------------------------------

    private void capacity() {
        Matcher m = CAPACITY.matcher(text);
        while (m.find()) {
            String group = m.group("n1") != null ? "n1" : "n2";
            String digits = m.group(group).replaceAll("[^\\d]", "");
            int value;
            try {
                value = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                continue;
            }
            if (value < 20 || value > 100_000) {
                continue;
            }
            add(
                    ParsedField.CAPACITY,
                    String.valueOf(value),
                    m.start(group),
                    m.end(group),
                    group.equals("n1") ? 0.85 : 0.75,
                    null);
        }
    }

    /**
     * Hold or confirmed: both may be said (the history of a thread); what a fresh subject says counts most, else what
     * is said first in the new text (the news comes first). A reply's subject ("Re: hold") is history.
     */
    private void status() {
        Matcher hold = HOLD.matcher(text);
        while (hold.find()) {
            Line line = lineAt(hold.start());
            if (isMailHeader(line)
                    || line.header() != null && !freshSubject(line)
                    || text.substring(line.start(), hold.start())
                            .toLowerCase(Locale.ROOT)
                            .matches(
                                    ".*\\b(?:release|released|drop|cancel|freigeben)\\w*\\s+(?:the\\s+|our\\s+|die\\s+)?$")) {
                continue;
            }
            double confidence = freshSubject(line) ? 0.9 : 0.8 - Math.min(0.3, hold.start() / 20000.0);
            add(ParsedField.BOOKING_STATUS, "hold", hold.start(), hold.end(), confidence, null);
        }
        Matcher confirmed = CONFIRMED.matcher(text);
        while (confirmed.find()) {
            Line line = lineAt(confirmed.start());
            String before = text.substring(Math.max(line.start(), confirmed.start() - 20), confirmed.start());
            if (isMailHeader(line)
                    || line.header() != null && !freshSubject(line)
                    || NOT_CONFIRMED.matcher(before).find()) {
                continue;
            }
            double confidence = freshSubject(line) ? 0.9 : 0.8 - Math.min(0.3, confirmed.start() / 20000.0);
            add(ParsedField.BOOKING_STATUS, "confirmed", confirmed.start(), confirmed.end(), confidence, null);
        }
        if (document.kind() == SourceDocument.Kind.PDF || document.kind() == SourceDocument.Kind.DOCX) {
            Matcher title = CONTRACT_TITLE.matcher(text);
            if (title.find() && title.start() < 400) {
                add(ParsedField.BOOKING_STATUS, "confirmed", title.start(), title.end(), 0.85, null);
            }
        }
    }

    // ---- result -----------------------------------------------------------------------------------------------

    private List<Proposal> finish() {
        Map<ParsedField, List<Candidate>> byField = new LinkedHashMap<>();
        for (ParsedField field : ParsedField.values()) {
            byField.put(field, new ArrayList<>());
        }
        for (Candidate c : candidates) {
            byField.get(c.field()).add(c);
        }
        List<Proposal> out = new ArrayList<>();
        for (Map.Entry<ParsedField, List<Candidate>> entry : byField.entrySet()) {
            List<Candidate> list = entry.getValue();
            boolean fresh = list.stream().anyMatch(c -> !c.quoted());
            Map<String, Candidate> best = new LinkedHashMap<>();
            for (Candidate c : list) {
                if (fresh && c.quoted()) {
                    continue;
                }
                double confidence = c.quoted() ? c.confidence() * 0.6 : c.confidence();
                Candidate scored =
                        new Candidate(c.field(), c.value(), c.start(), c.end(), confidence, c.match(), c.quoted());
                String key = c.value().toLowerCase(Locale.ROOT);
                Candidate existing = best.get(key);
                if (existing == null
                        || scored.confidence() > existing.confidence()
                        || scored.confidence() == existing.confidence() && scored.start() < existing.start()) {
                    best.put(key, scored);
                }
            }
            List<Candidate> ranked = new ArrayList<>(best.values());
            if (entry.getKey() == ParsedField.SHOW_DATE || entry.getKey() == ParsedField.TICKET_PRICE) {
                ranked.sort(Comparator.comparingInt(Candidate::start));
            } else {
                ranked.sort(Comparator.comparingDouble(Candidate::confidence)
                        .reversed()
                        .thenComparingInt(Candidate::start));
                if (ranked.size() > 3) {
                    ranked = ranked.subList(0, 3);
                }
            }
            for (Candidate c : ranked) {
                out.add(new Proposal(
                        c.field(),
                        c.value(),
                        c.start(),
                        c.end(),
                        round(c.confidence()),
                        RulesExtractor.NAME,
                        c.match()));
            }
        }
        return out;
    }

    private boolean freshSubject(Line line) {
        return line.header() != null
                && !lineText(line)
                        .matches("(?i)^\\s*(?:subject|betreff|emne|ämne)\\s*:\\s*(?:re|aw|sv|vs|fwd?|wg|fw|vb)\\s*:.*");
    }

    private static double round(double confidence) {
        return Math.round(confidence * 100) / 100.0;
    }

    static boolean looksLikeBooking(List<Proposal> proposals) {
        Set<ParsedField> fields = EnumSet.noneOf(ParsedField.class);
        proposals.forEach(p -> fields.add(p.field()));
        if (!fields.contains(ParsedField.SHOW_DATE) && !fields.contains(ParsedField.VENUE)) {
            return false;
        }
        int signals = 0;
        for (ParsedField field : List.of(
                ParsedField.FEE,
                ParsedField.VENUE,
                ParsedField.ARTIST,
                ParsedField.CAPACITY,
                ParsedField.TICKET_PRICE,
                ParsedField.BOOKING_STATUS)) {
            if (fields.contains(field)) {
                signals++;
            }
        }
        if (fields.contains(ParsedField.LOAD_IN)
                || fields.contains(ParsedField.SOUNDCHECK)
                || fields.contains(ParsedField.DOORS)
                || fields.contains(ParsedField.SET_TIME)
                || fields.contains(ParsedField.CURFEW)) {
            signals++;
        }
        return signals >= 2;
    }
}
