package app.roadbook.invitations;

/** The database enum; constants are spelled exactly as PostgreSQL stores them. */
public enum ShowCollabRole {
    promoter_editor,
    promoter_viewer
}
