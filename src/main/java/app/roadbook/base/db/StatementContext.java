package app.roadbook.base.db;

import java.util.UUID;

/**
 * What the current thread's database work is for, as the slow-query log names it (decision 0026): the innermost
 * service method or repository query running (set around each call by {@code monitoring}'s naming advice) and the
 * organization the outermost call was authorized for ({@code OrgAccess}). Read only when a statement was slow; kept
 * cheap to write, since every service and repository call writes it.
 */
public final class StatementContext {

    private static final class State {
        String name;
        UUID org;
        int depth;
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private StatementContext() {}

    /** Names the work from here on; returns the name to hand back to {@link #exit}. */
    public static String enter(String name) {
        State state = STATE.get();
        String previous = state.name;
        state.name = name;
        state.depth++;
        return previous;
    }

    /** Ends the named work; the outermost exit also forgets the organization. */
    public static void exit(String previous) {
        State state = STATE.get();
        state.name = previous;
        if (--state.depth <= 0) {
            state.depth = 0;
            state.org = null;
        }
    }

    /** The organization the current (named) work acts for; ignored outside named work, where nobody would clear it. */
    public static void organization(UUID orgId) {
        State state = STATE.get();
        if (orgId != null && state.depth > 0) {
            state.org = orgId;
        }
    }

    /** The innermost name, or null outside any service or repository call. */
    public static String name() {
        return STATE.get().name;
    }

    public static UUID organization() {
        return STATE.get().org;
    }
}
