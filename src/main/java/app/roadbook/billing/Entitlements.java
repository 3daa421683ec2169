package app.roadbook.billing;

import java.util.Map;

/** Names of the plan entitlements as people read them; the keys stay what the database stores. */
public final class Entitlements {

    private static final Map<String, String> NAMES = Map.of(
            "advancing", "Advancing with promoters",
            "mobile", "Mobile access",
            "editing", "Editing",
            "team_management", "Team management",
            "reporting", "Reports",
            "custom_integrations", "Custom integrations",
            "max_members", "Members",
            "max_collaborators", "Collaborators",
            "max_artists", "Artists");

    private Entitlements() {}

    /** "Team management" for {@code team_management}; an unknown key in words. */
    public static String name(String key) {
        return NAMES.getOrDefault(key, app.roadbook.base.Formats.label(key));
    }

    /** "Included", "Not included", "Unlimited" or the number. */
    public static String value(String value) {
        if (value == null || "unlimited".equals(value)) {
            return "Unlimited";
        }
        return switch (value) {
            case "true" -> "Included";
            case "false" -> "Not included";
            default -> value;
        };
    }
}
