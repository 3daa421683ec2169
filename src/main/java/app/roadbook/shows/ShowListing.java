package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.ShowFilter;
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

    long countLines(UUID orgId, ShowFilter filter);

    /** The number of matching shows, counting no further than {@code limit}. */
    long countLinesUpTo(UUID orgId, ShowFilter filter, int limit);
}
