package app.roadbook.people;

/** The database enum; constants are spelled exactly as PostgreSQL stores them. */
public enum MemberType {
    Artist, Crew, Agent, Manager
}
