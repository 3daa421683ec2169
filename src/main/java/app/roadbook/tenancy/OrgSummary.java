package app.roadbook.tenancy;

import java.util.UUID;

/** One organization the signed-in user belongs to, with their role in it. */
public record OrgSummary(UUID id, String name, OrgRole role) {}
