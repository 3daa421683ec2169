package app.roadbook.base.ui;

import app.roadbook.base.Keyset;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a lazy grid remembers to ask for its pages by key instead of by offset. Vaadin's grids ask for rows by offset
 * and limit; an offset page at row 100,000 walks 100,000 rows in the database. Here each page's last row is
 * remembered with its position, and a request for rows from offset {@code n} becomes "after the key at the nearest
 * remembered position at or before {@code n}, skipping the difference": scrolling on costs one page, a jump by the
 * scrollbar costs the distance from the nearest page seen (decision 0018, fourth round). Forgotten when the list's
 * filter or order changes ({@link #forget}); at most {@link #MOST} positions are kept per grid.
 */
public final class KeysetAnchors<T, K> {

    static final int MOST = 1_000;

    private final Function<T, K> keyOf;
    /** Position p maps to the key of row p - 1 (so a page starting at p comes after it). */
    private final NavigableMap<Long, K> anchors = new TreeMap<>();

    public KeysetAnchors(Function<T, K> keyOf) {
        this.keyOf = keyOf;
    }

    /** Rows {@code offset} to {@code offset + limit - 1}, fetched from the nearest remembered key. */
    public synchronized List<T> page(long offset, int limit, Function<Keyset<K>, List<T>> fetch) {
        var anchor = anchors.floorEntry(offset);
        Keyset<K> start = anchor == null || anchor.getKey() == 0
                ? Keyset.offset(offset, limit)
                : new Keyset<>(anchor.getValue(), offset - anchor.getKey(), limit, offset);
        List<T> rows = fetch.apply(start);
        if (!rows.isEmpty()) {
            if (anchors.size() >= MOST) {
                anchors.clear();
            }
            anchors.put(offset + rows.size(), keyOf.apply(rows.getLast()));
        }
        return rows;
    }

    /** The list changed (filter, order, rows added or removed by this user): positions no longer hold. */
    public synchronized void forget() {
        anchors.clear();
    }

    /** Positions remembered (for tests). */
    synchronized int remembered() {
        return anchors.size();
    }
}
