package app.roadbook.contacts;

import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A new commission as the contact page hands it to {@link ContactCommissions}. */
public record CommissionDraft(
        UUID showId, BigDecimal amount, String currency, String status, LocalDate paidOn, String description) {

    static final Set<String> STATUSES = Set.of("pending", "paid", "cancelled");

    void validate() {
        TextInput.requireMultiLine("The description", description, 1000);
        if (amount == null || amount.signum() < 0 || amount.compareTo(new BigDecimal("99999999.99")) > 0) {
            throw new Refusal("Enter an amount between 0 and 99,999,999.99.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new Refusal("Amounts take at most two decimals.");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new Refusal("Currency is a three-letter code such as USD or EUR.");
        }
        if (!STATUSES.contains(status)) {
            throw new Refusal("Status is pending, paid or cancelled.");
        }
        if (description != null && description.length() > ContactRules.MAX_TEXT) {
            throw new Refusal("Keep the description to " + ContactRules.MAX_TEXT + " characters.");
        }
    }
}
