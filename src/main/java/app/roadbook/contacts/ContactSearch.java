package app.roadbook.contacts;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;

/**
 * The directory's filtered reads (grid rows, their count, the export), for {@link ContactRepository}: the filter
 * decides which conditions the query has, so it is put together from fixed pieces in {@link ContactSearchImpl}.
 */
interface ContactSearch {

    List<ContactRow> findRows(UUID orgId, ContactFilter filter, Pageable page);

    long countRows(UUID orgId, ContactFilter filter);

    /** The number of matching contacts, counting no further than {@code limit}. */
    long countRowsUpTo(UUID orgId, ContactFilter filter, int limit);

    /** The full facts of every matching contact, in directory order. */
    List<ContactDraft> findDrafts(UUID orgId, ContactFilter filter);
}
