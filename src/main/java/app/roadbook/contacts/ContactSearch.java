package app.roadbook.contacts;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The directory's filtered reads (grid rows, their count, the export), for {@link ContactRepository}: the filter
 * decides which conditions the query has, so it is put together from fixed pieces in {@link ContactSearchImpl}.
 */
interface ContactSearch {

    List<ContactRow> findRows(UUID orgId, ContactFilter filter, Pageable page);

    /**
     * A page after the contact {@code afterId} (keyset), {@code skip} rows further, in the order {@code sort}; where
     * that contact is gone or the order is not one contact_page_ids pages by key (V30), the page at {@code offset}.
     */
    List<ContactRow> findRowsAfter(
            UUID orgId, ContactFilter filter, Sort sort, UUID afterId, long skip, int size, long offset);

    long countRows(UUID orgId, ContactFilter filter);

    /** The number of matching contacts, counting no further than {@code limit}. */
    long countRowsUpTo(UUID orgId, ContactFilter filter, int limit);

    /** The full facts of every matching contact, in directory order. */
    List<ContactDraft> findDrafts(UUID orgId, ContactFilter filter);
}
