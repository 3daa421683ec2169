package app.roadbook.base;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How Roadbook shows values to people, in one place: money with its currency's symbol and grouping, dates as
 * "Fri 15 Jan 2027", times on the 24-hour clock, a zone named when it is not the reader's, and names for the
 * constants the database stores ({@code past_due} reads "Past due"). Views and mails use these; nothing on screen
 * is formatted by hand.
 */
public final class Formats {

    /** The language of every text on screen (Roadbook speaks English); numbers group as 1,250.00. */
    public static final Locale LOCALE = Locale.UK;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", LOCALE);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);

    private Formats() {}

    // Money ------------------------------------------------------------------------------------------------------

    /** An amount in major units ("1250.5", "EUR") as "€1,250.50"; a code Java does not know as "XYZ 1,250.50". */
    public static String money(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        Currency currency = currency(currencyCode);
        if (currency == null) {
            NumberFormat plain = NumberFormat.getNumberInstance(Locale.US);
            plain.setMinimumFractionDigits(2);
            plain.setMaximumFractionDigits(2);
            return (currencyCode == null ? "" : currencyCode.toUpperCase(Locale.ROOT) + " ") + plain.format(amount);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        String text = format.format(amount.setScale(digits, RoundingMode.HALF_UP));
        // Locale.US writes other currencies' codes glued to the number ("NOK12,500.00").
        String code = currency.getCurrencyCode();
        return text.startsWith(code) ? code + " " + text.substring(code.length()) : text;
    }

    /** An amount stored in minor units (cents): {@code moneyMinor(9900, "usd")} is "$99.00". */
    public static String moneyMinor(long minorUnits, String currencyCode) {
        return money(fromMinor(minorUnits, currencyCode), currencyCode);
    }

    /** Minor units (cents) as the major-unit amount a person types: 10900 USD is 109.00. */
    public static BigDecimal fromMinor(long minorUnits, String currencyCode) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currencyCode));
    }

    /** What a person typed in major units (109 dollars) as the stored minor units (10900); refuses sub-cent input. */
    public static long toMinor(BigDecimal major, String currencyCode) {
        int digits = fractionDigits(currencyCode);
        if (major.stripTrailingZeros().scale() > digits) {
            throw new Refusal("Enter the amount with at most " + digits + " decimal places.");
        }
        return major.movePointRight(digits).longValueExact();
    }

    private static int fractionDigits(String currencyCode) {
        Currency currency = currency(currencyCode);
        return currency == null ? 2 : Math.max(0, currency.getDefaultFractionDigits());
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    // Dates and times --------------------------------------------------------------------------------------------

    /** "Fri 15 Jan 2027". */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "15 Jan 2027", where the weekday is noise (periods, expiry dates). */
    public static String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    /** "18:00". */
    public static String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** "Fri 15 Jan 2027, 18:00". */
    public static String dateTime(LocalDateTime at) {
        return at == null ? "" : date(at.toLocalDate()) + ", " + time(at.toLocalTime());
    }

    /**
     * A moment as it reads where it happens: "Fri 15 Jan 2027, 18:00 (Tokyo time)"; the zone is named unless it is
     * {@code readerZone}, the zone the reader already assumes.
     */
    public static String dateTime(Instant at, ZoneId zone, ZoneId readerZone) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        String text = dateTime(local.toLocalDateTime());
        return zone.normalized().equals(readerZone == null ? null : readerZone.normalized())
                ? text
                : text + " (" + zoneName(zone) + ")";
    }

    /** A moment of the app's own records (audit, billing, mail) in UTC, named: "Fri 15 Jan 2027, 18:00 UTC". */
    public static String utc(OffsetDateTime at) {
        return at == null
                ? ""
                : dateTime(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
    }

    public static String utc(Instant at) {
        return at == null ? "" : utc(at.atOffset(ZoneOffset.UTC));
    }

    /** "Tokyo time" for Asia/Tokyo, "UTC" for UTC; a zone's city as people say it. */
    public static String zoneName(ZoneId zone) {
        if (zone == null) {
            return "";
        }
        if (zone.normalized() instanceof ZoneOffset offset) {
            return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        }
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        return slash < 0
                ? zone.getDisplayName(TextStyle.SHORT, LOCALE)
                : id.substring(slash + 1).replace('_', ' ') + " time";
    }

    // Names for stored constants ---------------------------------------------------------------------------------

    /** A stored constant as words: {@code past_due} and {@code PAST_DUE} read "Past due". */
    public static String label(String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        String words = constant.strip().replace('_', ' ').replace('.', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static String label(Enum<?> constant) {
        return constant == null ? "" : label(constant.name());
    }
}
