package app.roadbook.parsing;

import app.roadbook.base.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Proposed values in words, for the review screen and the inbox list: "Fri 15 Jan 2027" for {@code 2027-01-15},
 * "€3,500.00" for {@code EUR 3500.00}, "Norway" for {@code NO}, "Flat guarantee" for {@code flat}. A value that is not
 * in its field's normal form is shown as written.
 */
public final class ValueText {

    private ValueText() {}

    public static String readable(ParsedField field, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return switch (field) {
                case SHOW_DATE -> Formats.date(LocalDate.parse(value));
                case LOAD_IN, SOUNDCHECK, DOORS, SET_TIME, CURFEW -> Formats.time(LocalTime.parse(value));
                case VENUE_COUNTRY -> country(value);
                case FEE, TICKET_PRICE -> money(value);
                case DEAL_TYPE ->
                    switch (value) {
                        case "flat" -> "Flat guarantee";
                        case "versus" -> "Guarantee versus percentage";
                        case "door" -> "Door deal";
                        default -> value;
                    };
                case BOOKING_STATUS ->
                    switch (value) {
                        case "hold" -> "Hold";
                        case "confirmed" -> "Confirmed";
                        default -> value;
                    };
                case CAPACITY -> String.format(Formats.LOCALE, "%,d", Long.parseLong(value));
                default -> value;
            };
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException notNormal) {
            return value;
        }
    }

    /** {@code EUR 3500.00} as money in words; anything else as written. */
    static String money(String value) {
        Amount amount = amount(value);
        return amount == null ? value : Formats.money(amount.value(), amount.currency());
    }

    /** A {@code FEE}/{@code TICKET_PRICE} value's currency and amount, or null if it is not in that form. */
    static Amount amount(String value) {
        String[] parts = value.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return new Amount(parts[0], new BigDecimal(parts[1]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    record Amount(String currency, BigDecimal value) {}

    static String country(String code) {
        if (!code.matches("[A-Z]{2}")) {
            return code;
        }
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** Confidence in words: high from 0.8, medium from 0.5, low below. */
    public static String confidence(double confidence) {
        return confidence >= 0.8 ? "High" : confidence >= 0.5 ? "Medium" : "Low";
    }
}
