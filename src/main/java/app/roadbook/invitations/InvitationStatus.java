package app.roadbook.invitations;

/** The database enum; constants are spelled exactly as PostgreSQL stores them. */
public enum InvitationStatus {
    pending,
    accepted,
    revoked,
    expired
}
