package app.roadbook.schedule;

/**
 * Who may see a schedule item. The select policy on {@code schedule_items} decides it (V19, decision 0020): the
 * promoter team never reads a crew-only or named item, whatever the query.
 */
public enum Audience {
    /** The org's members and the show's promoter team. */
    all("Everyone on the show"),
    /** The org's members only. */
    crew("Crew only"),
    /** Meant for the promoter team; the org's members see it too. */
    promoter_team("Promoter team"),
    /** The named people assigned to the show, and the org's editors who plan the day. */
    named("Named people");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
