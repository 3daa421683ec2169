package app.roadbook.advancing;

/** The database enum; constants are spelled exactly as PostgreSQL stores them. */
public enum Party {
    from_us,
    from_you
}
