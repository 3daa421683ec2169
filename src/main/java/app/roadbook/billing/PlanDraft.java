package app.roadbook.billing;

import app.roadbook.base.Refusal;
import java.util.Map;

/** A plan as the platform admin edits it; limits null mean unlimited. */
public record PlanDraft(
        String id,
        String name,
        String description,
        int priceCents,
        String currency,
        Integer maxArtists,
        Integer maxMembers,
        Integer maxCollaborators,
        Map<String, Boolean> features) {

    /** The feature flags the product knows; a plan turns each on or off. */
    public static final java.util.List<String> FEATURES =
            java.util.List.of("advancing", "mobile", "editing", "team_management", "reporting", "custom_integrations");

    void validate() {
        if (id == null || !id.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new Refusal(
                    "The plan id is 2 to 40 lower-case letters, digits or underscores, starting with a letter.");
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new Refusal("Give the plan a name of up to 80 characters.");
        }
        app.roadbook.base.TextInput.requireSingleLine("The plan name", name.strip(), 80);
        app.roadbook.base.TextInput.requireMultiLine("The description", description, 1000);
        if (priceCents < 0 || priceCents > 10_000_000) {
            throw new Refusal("The price must be between 0 and 100,000.");
        }
        if (currency == null || !currency.matches("[a-z]{3}")) {
            throw new Refusal("The currency is a three-letter code such as usd.");
        }
        for (Integer limit : new Integer[] {maxArtists, maxMembers, maxCollaborators}) {
            if (limit != null && (limit < 0 || limit > 100_000)) {
                throw new Refusal("Limits are between 0 and 100,000, or empty for unlimited.");
            }
        }
        if (maxMembers != null && maxMembers < 1) {
            throw new Refusal("A plan must allow at least one member (the owner).");
        }
    }
}
