package app.roadbook.parsing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money as written in offers: {@code EUR 3.500,00}, {@code €3,500}, {@code USD 12k}, {@code NOK 40 000},
 * {@code 3.500 Euro}, {@code NOK 40.000,-}, {@code 2 500 kr}. The decimal separator is told from the thousands
 * separator by position: the last of two different ones is the decimal one; a single one followed by exactly three
 * digits groups thousands. "kr" takes its currency from the document ({@code NOK}/{@code SEK}/{@code DKK} named
 * elsewhere, else the venue's country, else NOK).
 */
final class MoneyRules {

    record Amount(String currency, BigDecimal value, int start, int end) {
        String normalised() {
            return currency + " " + value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }

    private static final String CURRENCY =
            "EUR|USD|GBP|NOK|SEK|DKK|CHF|PLN|CZK|€|\\$|£|Euros?|euros?|kroner|kronor|NKR|SKR|DKR|kr\\.?|Kr\\.?";
    private static final String AMOUNT =
            "\\d{1,3}(?:(?:[.,'’\\u202F]|\\s(?=\\d{3}(?!\\d)))\\d{3})+(?:[.,]\\d{1,2})?" + "|\\d+(?:[.,]\\d{1,2})?";
    private static final Pattern MONEY = Pattern.compile("(?<![\\w.,])(?:(?<c1>" + CURRENCY + ")\\s?(?<a1>" + AMOUNT
            + ")(?<k1>\\s?[kK](?![\\p{L}]))?(?:,-|\\.-|,–)?|(?<a2>" + AMOUNT + ")(?<k2>\\s?[kK])?\\s?(?<c2>" + CURRENCY
            + "))(?![\\p{L}\\d])");

    private MoneyRules() {}

    static List<Amount> find(String text, String kronerCurrency) {
        List<Amount> found = new ArrayList<>();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            String currencyText = m.group("c1") != null ? m.group("c1") : m.group("c2");
            String amountText = m.group("a1") != null ? m.group("a1") : m.group("a2");
            boolean thousands = (m.group("k1") != null) || (m.group("k2") != null);
            BigDecimal value = parse(amountText);
            if (value == null) {
                continue;
            }
            if (thousands) {
                value = value.multiply(BigDecimal.valueOf(1000));
            }
            if (value.signum() <= 0) {
                continue;
            }
            int end = m.end();
            while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            found.add(new Amount(currency(currencyText, kronerCurrency), value, m.start(), end));
        }
        return found;
    }

    static String currency(String text, String kronerCurrency) {
        String t = text.replace(".", "").strip();
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "€", "euro", "euros", "eur" -> "EUR";
            case "$", "usd" -> "USD";
            case "£", "gbp" -> "GBP";
            case "nkr", "nok" -> "NOK";
            case "skr", "sek", "kronor" -> "SEK";
            case "dkr", "dkk" -> "DKK";
            case "kr", "kroner" -> kronerCurrency;
            default -> t.toUpperCase(Locale.ROOT);
        };
    }

    /** {@code 3.500,00} → 3500.00; {@code 3,500} → 3500; {@code 3,5} → 3.5; {@code 40 000} → 40000. */
    static BigDecimal parse(String amount) {
        String a = amount.replaceAll("[\\s'’\\u202F]", "");
        int lastDot = a.lastIndexOf('.');
        int lastComma = a.lastIndexOf(',');
        String plain;
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            plain = a.replace(String.valueOf(group), "").replace(decimal, '.');
        } else if (lastDot >= 0 || lastComma >= 0) {
            char sep = lastDot >= 0 ? '.' : ',';
            int last = Math.max(lastDot, lastComma);
            int digitsAfter = a.length() - last - 1;
            boolean several = a.indexOf(sep) != last;
            if (digitsAfter == 3 || several) {
                plain = a.replace(String.valueOf(sep), "");
            } else {
                plain = a.replace(sep, '.');
            }
        } else {
            plain = a;
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
