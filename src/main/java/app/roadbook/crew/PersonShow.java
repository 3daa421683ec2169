package app.roadbook.crew;

import java.util.UUID;

/** A show a person works, as their page lists it. */
public record PersonShow(UUID assignmentId, ShowRef show, String duty, int version) {}
