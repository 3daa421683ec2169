package app.roadbook.crew;

import java.util.List;
import java.util.UUID;

/** Everything a person's page shows: their facts, the member account they are (if any) and their shows by date. */
public record PersonDetails(UUID id, int version, PersonDraft draft, Account account, List<PersonShow> shows) {}
