package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingBoard.ArtistOption;
import app.roadbook.advancing.AdvancingBoard.Filter;
import app.roadbook.advancing.AdvancingBoard.Line;
import app.roadbook.advancing.AdvancingBoard.Progress;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The board of open advancing and the promoter's "My shows", a fragment of {@link AdvancingSessionRepository}: each
 * advance with its progress and whom it waits on, counted in the statement that lists it.
 */
interface AdvancingBoardQueries {

    /** One page of the organization's advances in show-date order; {@code today} tells upcoming from past. */
    List<Line> findBoardPage(UUID orgId, Filter filter, LocalDate today, long offset, int limit);

    /** How many advances the board lists with this filter. */
    long countBoard(UUID orgId, Filter filter, LocalDate today);

    /** The artists of the organization's advanced shows, by name (the board's artist filter). */
    List<ArtistOption> findBoardArtists(UUID orgId);

    /**
     * The acting user's granted shows with their advances, by show date: one row per advance, or one row with no
     * advance for a show that has none yet.
     */
    List<GrantedAdvance> findMyShowAdvances();

    /** A granted show's public facts (my_granted_shows(), V11) and one of its advances, if it has any. */
    record GrantedAdvance(
            UUID showId,
            String orgName,
            String showTitle,
            LocalDate date,
            OffsetDateTime doorsAt,
            String venueName,
            String venueCity,
            String venueTimezone,
            String artistName,
            String role,
            UUID sessionId,
            String title,
            boolean closed,
            Progress progress) {}
}
