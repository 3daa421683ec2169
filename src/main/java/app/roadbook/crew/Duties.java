package app.roadbook.crew;

import java.util.List;

/**
 * The duties a crew member usually has on a show, as the assignment form suggests them. A duty is free text (the
 * column is text, and crews name their jobs in many ways); these are the words the suggestions use.
 */
public final class Duties {

    public static final List<String> SUGGESTED = List.of(
            "Tour manager",
            "Production manager",
            "FOH engineer",
            "Monitor engineer",
            "Lighting designer",
            "Backline tech",
            "Stage manager",
            "Driver",
            "Merch",
            "Other");

    private Duties() {}
}
