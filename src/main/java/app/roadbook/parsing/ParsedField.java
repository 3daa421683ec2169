package app.roadbook.parsing;

/**
 * What the booking parser can propose. Each proposal's value is normalised as the javadoc of the field says, so the
 * review screen and the evaluation compare like with like; the label is what people read.
 */
public enum ParsedField {
    /** ISO date, {@code 2027-01-15}; several proposals when a mail names several shows. */
    SHOW_DATE("Show date"),
    /** 24-hour local time at the venue, {@code HH:mm}. */
    LOAD_IN("Load-in"),
    SOUNDCHECK("Soundcheck"),
    DOORS("Doors"),
    SET_TIME("Set time"),
    CURFEW("Curfew"),
    /** The venue's name as written (matched: the matched venue's id in {@link Proposal#matchId()}). */
    VENUE("Venue"),
    VENUE_CITY("City"),
    /** ISO 3166-1 alpha-2 country code, {@code NO}. */
    VENUE_COUNTRY("Country"),
    /** The artist's name (matched: the artist's id in {@link Proposal#matchId()}). */
    ARTIST("Artist"),
    PROMOTER_COMPANY("Promoter company"),
    PROMOTER_PERSON("Promoter contact"),
    /** Lower-case e-mail address. */
    PROMOTER_EMAIL("Promoter e-mail"),
    /** Phone number as written, spaces kept, e.g. {@code +47 22 00 00 00}. */
    PROMOTER_PHONE("Promoter phone"),
    /** Currency code, a space and the amount with a dot and two decimals: {@code EUR 3500.00}. */
    FEE("Fee"),
    /** One of {@code flat}, {@code versus}, {@code door}. */
    DEAL_TYPE("Deal"),
    /** Whole number of tickets, {@code 1200}. */
    CAPACITY("Capacity"),
    /** Same form as {@link #FEE}; one proposal per price. */
    TICKET_PRICE("Ticket price"),
    /** {@code hold} or {@code confirmed}. */
    BOOKING_STATUS("Hold or confirmed");

    private final String label;

    ParsedField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
