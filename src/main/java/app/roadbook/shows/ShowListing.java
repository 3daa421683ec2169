package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.ShowFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;

/**
 * The shows list, a fragment of {@link ShowRepository}: its filters are optional, which neither a derived nor an
 * annotated query can express without binding untyped nulls (PostgreSQL cannot type {@code ? is null}).
 */
interface ShowListing {

    /** One page of rows: upcoming shows first (soonest first), then past ones (latest first), unless sorted. */
    List<ShowLine> findLines(UUID orgId, ShowFilter filter, Pageable page);

    /**
     * A page in the default order (upcoming first), starting after the show {@code (afterDate, afterId)} and
     * {@code skip} rows further: keyset paging, so a deep page walks only its own rows (decision 0018). Without a
     * show to start after (null date or id), {@code skip} is an offset from the first row.
     */
    List<ShowLine> findLinesAfter(
            UUID orgId, ShowFilter filter, LocalDate afterDate, UUID afterId, long skip, int size);

    long countLines(UUID orgId, ShowFilter filter);

    /** The number of matching shows, counting no further than {@code limit}. */
    long countLinesUpTo(UUID orgId, ShowFilter filter, int limit);
}
