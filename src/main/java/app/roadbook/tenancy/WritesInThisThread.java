package app.roadbook.tenancy;

/**
 * Counts the read-write transactions this thread has begun or ended, so a value read earlier in the same request
 * (the user's organizations, {@link CurrentOrganization}) can tell whether a change may have happened since: any
 * read-write transaction might have added, accepted or ended a membership, so any of them makes the value old.
 */
final class WritesInThisThread {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private WritesInThisThread() {}

    static void happened() {
        COUNT.get()[0]++;
    }

    static long count() {
        return COUNT.get()[0];
    }
}
