package app.roadbook.advancing;

import java.util.List;
import java.util.UUID;

/** The sections and fields an advance starts with. The default one is built in; orgs add their own. */
public record AdvancingTemplate(UUID id, String name, List<Field> fields) {

    public enum FieldType {
        text,
        textarea,
        date,
        time,
        number
    }

    public record Field(String section, String name, FieldType type) {}

    private static Field f(String section, String name, FieldType type) {
        return new Field(section, name, type);
    }

    /** What a touring professional expects to agree with a promoter, section by section. */
    public static final AdvancingTemplate DEFAULT = new AdvancingTemplate(
            null,
            "Standard show advance",
            List.of(
                    f("Schedule", "Load-in", FieldType.time),
                    f("Schedule", "Soundcheck", FieldType.time),
                    f("Schedule", "Doors", FieldType.time),
                    f("Schedule", "Set time", FieldType.time),
                    f("Schedule", "Curfew", FieldType.time),
                    f("Production", "Stage dimensions", FieldType.text),
                    f("Production", "Power", FieldType.text),
                    f("Production", "PA and lights", FieldType.textarea),
                    f("Production", "Backline", FieldType.textarea),
                    f("Hospitality", "Dressing rooms", FieldType.text),
                    f("Hospitality", "Catering", FieldType.textarea),
                    f("Hospitality", "Rider", FieldType.textarea),
                    f("Travel and accommodation", "Hotel", FieldType.text),
                    f("Travel and accommodation", "Check-in date", FieldType.date),
                    f("Travel and accommodation", "Parking", FieldType.text),
                    f("Guest list and credentials", "Guest list spots", FieldType.number),
                    f("Guest list and credentials", "Credentials", FieldType.textarea),
                    f("Settlement", "Deal", FieldType.textarea),
                    f("Settlement", "Payment terms", FieldType.text)));

    /** Schedule fields whose confirmed times become day-sheet items, and the item type each becomes. */
    public static String scheduleItemType(String section, String fieldName) {
        if (!"Schedule".equals(section)) {
            return null;
        }
        return switch (fieldName) {
            case "Load-in" -> "load_in";
            case "Soundcheck" -> "soundcheck";
            case "Doors" -> "doors";
            case "Set time" -> "set_time";
            default -> "custom";
        };
    }
}
