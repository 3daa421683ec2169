package app.roadbook.parsing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people write them in booking mail: {@code 15.01.2027}, {@code 15/1/27}, {@code 2027-01-15},
 * {@code 15 January 2027}, {@code 15. Januar}, {@code Jan 15th, 2027}, {@code fredag 15. januar}, with English, German,
 * Norwegian, Swedish and Danish month and weekday names. A missing year is the first year in which the date is no
 * more than 30 days before the reference date (and, when a weekday is named, falls on that weekday).
 */
final class DateRules {

    record Found(LocalDate date, int start, int end, boolean yearGiven) {}

    static final Map<String, Integer> MONTHS = new LinkedHashMap<>();
    static final Map<String, DayOfWeek> WEEKDAYS = new LinkedHashMap<>();

    static {
        String[][] months = {
            {"january", "januar", "januari", "jänner", "jan"},
            {"february", "februar", "februari", "feb", "febr"},
            {"march", "märz", "maerz", "mars", "marts", "mar", "mär", "mrz"},
            {"april", "apr"},
            {"may", "mai", "maj"},
            {"june", "juni", "jun"},
            {"july", "juli", "jul"},
            {"august", "augusti", "aug"},
            {"september", "sept", "sep"},
            {"october", "oktober", "oct", "okt"},
            {"november", "nov"},
            {"december", "dezember", "desember", "dec", "dez", "des"}
        };
        for (int m = 0; m < months.length; m++) {
            for (String name : months[m]) {
                MONTHS.put(name, m + 1);
            }
        }
        String[][] days = {
            {"monday", "montag", "mandag", "måndag", "mon", "mo", "man", "mån"},
            {"tuesday", "dienstag", "tirsdag", "tisdag", "tue", "tues", "di", "tir", "tis"},
            {"wednesday", "mittwoch", "onsdag", "wed", "mi", "ons"},
            {"thursday", "donnerstag", "torsdag", "thu", "thur", "thurs", "do", "tor", "tors"},
            {"friday", "freitag", "fredag", "fri", "fr", "fre"},
            {"saturday", "samstag", "sonnabend", "lørdag", "lördag", "sat", "sa", "lør", "lör"},
            {"sunday", "sonntag", "søndag", "söndag", "sun", "so", "søn", "sön"}
        };
        for (int d = 0; d < days.length; d++) {
            for (String name : days[d]) {
                WEEKDAYS.put(name, DayOfWeek.of(d + 1));
            }
        }
    }

    private static String alternation(Iterable<String> words) {
        List<String> sorted = new ArrayList<>();
        words.forEach(sorted::add);
        sorted.sort((a, b) -> b.length() - a.length());
        return String.join("|", sorted.stream().map(Pattern::quote).toList());
    }

    private static final String MONTH = "(?<month>" + alternation(MONTHS.keySet()) + ")\\.?";
    private static final String WEEKDAY =
            "(?:(?<weekday>" + alternation(WEEKDAYS.keySet()) + ")\\.?,?\\s+(?:den\\s+|the\\s+)?)?";
    private static final String YEAR_TAIL = "(?:,?\\s*(?<year>(?:19|20)\\d{2})(?!\\d))?";

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d.])" + WEEKDAY.replace("weekday", "w1") + "(?<y>20\\d{2})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.:/])" + WEEKDAY.replace("weekday", "w2")
                    + "(?<d>\\d{1,2})\\s?(?<sep>[./])\\s?(?<m>\\d{1,2})\\k<sep>(?<y>(?:20)?\\d{2})(?![\\d:]|\\.\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** {@code Fr. 15.01.} — without a year only after a weekday or "am"/"den", since "20.10." may be a time. */
    private static final Pattern NUMERIC_NO_YEAR = Pattern.compile(
            "(?<![\\d.:/])(?:(?<w3>" + alternation(WEEKDAYS.keySet()) + ")\\.?,?\\s+(?:den\\s+)?|\\b(?:am|den)\\s+)"
                    + "(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\d.:/])" + WEEKDAY + "(?<day>\\d{1,2})(?:st|nd|rd|th|\\.)?\\s*(?:of\\s+)?" + MONTH + "(?![\\p{L}])"
                    + YEAR_TAIL,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}])" + WEEKDAY + MONTH + "\\s+(?:the\\s+)?(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.]\\d|\\d)"
                    + YEAR_TAIL,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private DateRules() {}

    /** Every date in {@code text}, earliest first, overlapping readings resolved in favour of the longest. */
    static List<Found> find(String text, LocalDate reference) {
        List<Found> all = new ArrayList<>();
        collect(ISO, text, reference, all, "w1");
        collect(NUMERIC, text, reference, all, "w2");
        collect(NUMERIC_NO_YEAR, text, reference, all, "w3");
        collect(DAY_MONTH, text, reference, all, "weekday");
        collect(MONTH_DAY, text, reference, all, "weekday");
        all.sort((a, b) ->
                a.start() != b.start() ? a.start() - b.start() : (b.end() - b.start()) - (a.end() - a.start()));
        List<Found> kept = new ArrayList<>();
        for (Found found : all) {
            Found last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && found.start() < last.end()) {
                if (found.end() - found.start() > last.end() - last.start()) {
                    kept.set(kept.size() - 1, found);
                }
                continue;
            }
            kept.add(found);
        }
        return kept;
    }

    private static void collect(
            Pattern pattern, String text, LocalDate reference, List<Found> out, String weekdayGroup) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            try {
                int day;
                int month;
                String yearText;
                if (pattern == DAY_MONTH || pattern == MONTH_DAY) {
                    day = Integer.parseInt(m.group("day"));
                    month = MONTHS.get(m.group("month").toLowerCase(Locale.ROOT));
                    yearText = m.group("year");
                    if (pattern == MONTH_DAY
                            && m.group("month").length() <= 3
                            && !Character.isUpperCase(m.group("month").charAt(0))) {
                        continue; // "mar 3" in running lower-case text is rarely a date; "Mar 3" is
                    }
                    if (m.group("month").equalsIgnoreCase("may")
                            && !m.group("month").equals("May")) {
                        continue; // "may" the verb
                    }
                } else {
                    day = Integer.parseInt(m.group("d"));
                    month = Integer.parseInt(m.group("m"));
                    yearText = pattern == NUMERIC_NO_YEAR ? null : m.group("y");
                    if (pattern == NUMERIC && "/".equals(m.group("sep")) && month > 12 && day <= 12) {
                        int swap = day; // 1/15/2027, the American order, when it cannot be the European one
                        day = month;
                        month = swap;
                    }
                }
                String weekdayText = m.group(weekdayGroup);
                DayOfWeek weekday = weekdayText == null ? null : WEEKDAYS.get(weekdayText.toLowerCase(Locale.ROOT));
                LocalDate date;
                boolean yearGiven = yearText != null;
                if (yearGiven) {
                    int year = Integer.parseInt(yearText);
                    date = LocalDate.of(year < 100 ? 2000 + year : year, month, day);
                } else {
                    date = inferYear(month, day, weekday, reference);
                    if (date == null) {
                        continue;
                    }
                }
                int start = weekdayText == null ? m.start() : m.start();
                out.add(new Found(date, start, trimEnd(text, start, m.end()), yearGiven));
            } catch (DateTimeException | NumberFormatException | NullPointerException e) {
                // not a real date (31 February, month 13): not a date at all
            }
        }
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && (text.charAt(end - 1) == ',' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return end;
    }

    static LocalDate inferYear(int month, int day, DayOfWeek weekday, LocalDate reference) {
        LocalDate earliest = reference.minusDays(30);
        LocalDate fallback = null;
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 2; year++) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                continue;
            }
            if (candidate.isBefore(earliest)) {
                continue;
            }
            if (fallback == null) {
                fallback = candidate;
            }
            if (weekday == null || candidate.getDayOfWeek() == weekday) {
                return weekday == null ? fallback : candidate;
            }
        }
        return fallback;
    }
}
