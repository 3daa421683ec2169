package app.roadbook.base;

/**
 * Where a page of a long list starts: after the row whose sort key is {@code after} (null: from the list's first
 * row), then {@code skip} rows further, {@code size} rows; {@code offset} is where that is from the list's start (what a
 * service falls back to if the row to start after is gone). A grid scrolled row by row asks for the page that starts
 * right after the last row it already has ({@code skip} 0), and the service's query walks its index from that key:
 * the page costs its own rows however deep it is, where an offset walks every row before it (decision 0018, fourth
 * round). A jump by the scrollbar starts from the nearest key the grid knows, skipping the rest ({@code
 * base.ui.KeysetAnchors}).
 */
public record Keyset<K>(K after, long skip, int size, long offset) {

    public Keyset {
        if (skip < 0 || size < 0 || offset < skip) {
            throw new IllegalArgumentException("skip and size are never negative, and the offset is at least skip");
        }
    }

    /** A plain offset page: from the first row, {@code offset} rows skipped. */
    public static <K> Keyset<K> offset(long offset, int size) {
        return new Keyset<>(null, offset, size, offset);
    }

    public boolean fromStart() {
        return after == null;
    }
}
