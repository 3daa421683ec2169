package app.roadbook.tenancy;

import java.util.UUID;

/** A grid row of an organization's member list. */
public record MemberRow(UUID userId, String displayName, String email, OrgRole role) {}
