package app.roadbook.crew;

import java.util.UUID;

/** A row of the roster grid; {@code account} is the member account's display name, if the person is one. */
public record PersonRow(UUID id, String name, String roleTitle, String email, String phone, String account) {}
