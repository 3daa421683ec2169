package app.roadbook.shows;

/** The database enum; constants are spelled exactly as PostgreSQL stores them. */
public enum ShowStatus {
    draft,
    confirmed,
    cancelled
}
