package app.roadbook.contacts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything the contact page shows. */
public record ContactDetails(
        UUID id, int version, ContactDraft draft, List<VenueLink> venues, List<Commission> commissions) {

    public record VenueLink(UUID id, UUID venueId, String venueName, String city, boolean primary, String notes) {}

    public record Commission(
            UUID id,
            UUID showId,
            String showLabel,
            BigDecimal amount,
            String currency,
            String status,
            java.time.LocalDate paidOn,
            String description) {}

    /** Totals per status and currency, e.g. {"pending" → {"USD" → 150.00}}. */
    public Map<String, Map<String, BigDecimal>> totals() {
        Map<String, Map<String, BigDecimal>> totals = new java.util.TreeMap<>();
        for (Commission c : commissions) {
            totals.computeIfAbsent(c.status(), s -> new java.util.TreeMap<>())
                    .merge(c.currency(), c.amount(), BigDecimal::add);
        }
        return totals;
    }
}
