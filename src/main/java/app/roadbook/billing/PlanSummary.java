package app.roadbook.billing;

import java.util.Map;

/** A plan of the catalog. Limits are null when unlimited; {@code version} is what an edit of it was based on. */
public record PlanSummary(
        String id,
        String name,
        String description,
        int priceCents,
        String currency,
        Integer maxArtists,
        Integer maxMembers,
        Integer maxCollaborators,
        Map<String, Object> features,
        boolean retired,
        int version) {

    public String price() {
        return priceCents == 0
                ? "Custom pricing"
                : app.roadbook.base.Formats.moneyMinor(priceCents, currency) + " / month";
    }
}
