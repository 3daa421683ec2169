package app.roadbook.base;

/**
 * How many rows a list has, as its heading says it: exactly, or "10,000+" when there are more than {@link #CAP}.
 * An exact count walks every row (an org's 200,000 shows, a million audit entries); a capped count stops after
 * {@link #LIMIT} rows ({@code select count(*) from (select 1 ... limit 10001)}), so its cost has a ceiling whatever
 * the org's size. The views show "10,000+" with a "Count exactly" action that asks the service for the exact figure
 * (decision 0018).
 */
public record RowCount(long rows, boolean more) {

    /** Above this many rows a heading says "10,000+". */
    public static final int CAP = 10_000;

    /** The limit of a capped count's sub-select: one more than {@link #CAP}, to tell "exactly 10,000" from "more". */
    public static final int LIMIT = CAP + 1;

    /** A count taken over at most {@link #LIMIT} rows. */
    public static RowCount capped(long countedUpToLimit) {
        return countedUpToLimit > CAP ? new RowCount(CAP, true) : new RowCount(countedUpToLimit, false);
    }

    public static RowCount exact(long rows) {
        return new RowCount(rows, false);
    }

    public boolean isZero() {
        return rows == 0 && !more;
    }

    /** "1 show", "2,345 shows", "10,000+ shows". */
    public String describe(String one, String many) {
        if (more) {
            return String.format("%,d+ %s", rows, many);
        }
        return rows == 1 ? "1 " + one : String.format("%,d %s", rows, many);
    }
}
