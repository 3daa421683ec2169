package app.roadbook.crew;

import java.util.UUID;

/** A person on a show's crew, as the show page lists them. */
public record ShowCrewMember(
        UUID assignmentId,
        UUID personId,
        String name,
        String roleTitle,
        String phone,
        String email,
        String duty,
        int version) {}
