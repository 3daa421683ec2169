package app.roadbook.base;

/** Someone else saved the same thing first; the user should reload and look again. */
public class ConcurrentChangeException extends Refusal {

    public ConcurrentChangeException() {
        super("Someone else changed this in the meantime. Reload to see their version, then make your change again.");
    }
}
