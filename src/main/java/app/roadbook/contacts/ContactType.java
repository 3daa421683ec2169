package app.roadbook.contacts;

/** The database enum; constants are spelled exactly as PostgreSQL stores them. */
public enum ContactType {
    promoter,
    agent,
    manager,
    vendor
}
