package app.roadbook.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many sign-ups one client (its address) may send per hour: enough for a team signing up from one office, too few
 * to fill the list or anybody's mailbox from one machine. Counted in memory like {@code tenancy.LoginThrottle}: one
 * window per client, forgotten when it ends, the map pruned before it grows past {@value #MAX_TRACKED} clients, so a
 * flood of addresses costs bounded memory. Every sign-up counts, new address or not, so the limit says nothing about
 * which addresses are on the list.
 */
@Component
class SignupLimit {

    static final int PER_HOUR = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    SignupLimit(Clock clock) {
        this.clock = clock;
    }

    /** Counts one sign-up of {@code client}; false if it is over the limit (and then it is not counted). */
    boolean tryAcquire(String client) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> !w.start().plus(WINDOW).isAfter(now));
        }
        boolean[] allowed = {false};
        windows.compute(client == null ? "" : client, (k, w) -> {
            if (w == null || !w.start().plus(WINDOW).isAfter(now)) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            if (w.count() < PER_HOUR) {
                allowed[0] = true;
                return new Window(w.start(), w.count() + 1);
            }
            return w;
        });
        return allowed[0];
    }
}
