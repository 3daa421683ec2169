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
            "max_artists", "Artists",
            "max_storage_mb", "File storage");

    private Entitlements() {}

    /** "Team management" for {@code team_management}; an unknown key in words. */
    public static String name(String key) {
        return NAMES.getOrDefault(key, app.roadbook.base.Formats.label(key));
    }

    /** As {@link #value(String)}, with the unit the key counts in: "500 MB", "2 GB" for {@code max_storage_mb}. */
    public static String value(String key, String value) {
        if ("max_storage_mb".equals(key) && value != null && value.matches("\\d+")) {
            long mb = Long.parseLong(value);
            return mb >= 1024 && mb % 1024 == 0 ? (mb / 1024) + " GB" : mb + " MB";
        }
        return value(value);
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
