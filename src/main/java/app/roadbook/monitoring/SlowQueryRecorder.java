package app.roadbook.monitoring;

import app.roadbook.base.db.StatementContext;
import app.roadbook.tenancy.ActingUser;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hears every statement the app's DataSource runs (datasource-proxy times it) and keeps the slow ones (decision
 * 0026). The fast path is one comparison of the measured time with the threshold. A slow statement is named
 * ({@link StatementContext}, or the innermost Roadbook frame on the stack), stamped with the acting user and
 * organization, and put on a bounded queue; one writer thread of its own records the queue in batches through the
 * definer function {@code record_slow_statements}, on a connection of its own with auto-commit, so the user's
 * transaction never waits for it and a statement of a rolled-back transaction is still recorded. A full queue drops
 * the entry and counts it: the log is a sample then, never a brake.
 */
@Component
public class SlowQueryRecorder implements QueryExecutionListener {

    static final int QUEUE_CAPACITY = 1_000;
    static final int BATCH = 100;
    static final String UNNAMED = "Outside the app's services";

    private static final Logger log = LoggerFactory.getLogger(SlowQueryRecorder.class);
    private static final StackWalker STACK = StackWalker.getInstance();

    /** One slow statement, as it goes to the database. */
    record Entry(String name, long durationMs, UUID userId, UUID orgId, Instant at, String fingerprint) {}

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final Thread writer;
    private volatile long thresholdMs;
    private volatile DataSource target;
    private long droppedReported;

    SlowQueryRecorder(@Value("${roadbook.slow-query.threshold:200ms}") Duration threshold) {
        threshold(threshold);
        writer = Thread.ofPlatform().name("slow-query-writer").daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    /** Where entries are written: the pool itself, not the timed proxy, so the writer's own statements are not heard. */
    void writeTo(DataSource pool) {
        this.target = pool;
    }

    public Duration threshold() {
        return Duration.ofMillis(thresholdMs);
    }

    /** Statements taking at least this long are recorded (zero: every statement). */
    public void threshold(Duration threshold) {
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("roadbook.slow-query.threshold must not be negative: " + threshold);
        }
        this.thresholdMs = threshold.toMillis();
    }

    /** Slow statements not recorded because the queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Slow statements written to the log, since start. */
    public long recorded() {
        return recorded.get();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        long elapsedMs = execution.getElapsedTime();
        if (elapsedMs < thresholdMs) {
            return;
        }
        String sql = queries.isEmpty() ? null : queries.get(0).getQuery();
        Entry entry = new Entry(
                name(),
                elapsedMs,
                ActingUser.id().orElse(null),
                StatementContext.organization(),
                Instant.now(),
                StatementFingerprint.of(sql));
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    /** The service method or repository query running, else the innermost method of Roadbook's own on the stack. */
    static String name() {
        String named = StatementContext.name();
        if (named != null) {
            return named;
        }
        Optional<String> frame = STACK.walk(frames -> frames.filter(f -> {
                    String type = f.getClassName();
                    return type.startsWith("app.roadbook.")
                            && !type.startsWith("app.roadbook.monitoring.")
                            && !type.startsWith("app.roadbook.base.db.")
                            && !type.contains("$$");
                })
                .findFirst()
                .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName()));
        return frame.orElse(UNNAMED);
    }

    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return nested > 0 ? simple.substring(0, nested) : simple;
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stop) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            batch.clear();
            reportDrops();
        }
    }

    private void write(List<Entry> batch) {
        DataSource pool = target;
        if (pool == null) {
            dropped.addAndGet(batch.size());
            return;
        }
        int n = batch.size();
        String[] names = new String[n];
        String[] durations = new String[n];
        String[] users = new String[n];
        String[] orgs = new String[n];
        String[] times = new String[n];
        String[] fingerprints = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = batch.get(i);
            names[i] = e.name();
            durations[i] = Long.toString(Math.min(e.durationMs(), Integer.MAX_VALUE));
            users[i] = e.userId() == null ? null : e.userId().toString();
            orgs[i] = e.orgId() == null ? null : e.orgId().toString();
            times[i] = e.at().toString();
            fingerprints[i] = e.fingerprint();
        }
        // JDBC, not a repository: one call of a definer function with arrays, on the pool's own connection outside any
        // transaction of the app (see the class comment); text arrays cast in SQL keep the driver's typing simple.
        try (Connection connection = pool.getConnection();
                PreparedStatement call = connection.prepareStatement(
                        "select record_slow_statements(?::text[], ?::int[], ?::uuid[], ?::uuid[], ?::timestamptz[],"
                                + " ?::text[])")) {
            connection.setAutoCommit(true);
            call.setArray(1, connection.createArrayOf("text", names));
            call.setArray(2, connection.createArrayOf("text", durations));
            call.setArray(3, connection.createArrayOf("text", users));
            call.setArray(4, connection.createArrayOf("text", orgs));
            call.setArray(5, connection.createArrayOf("text", times));
            call.setArray(6, connection.createArrayOf("text", fingerprints));
            call.execute();
            recorded.addAndGet(n);
        } catch (SQLException | RuntimeException failed) {
            dropped.addAndGet(n);
            log.warn("Could not record {} slow statement(s): {}", n, failed.getMessage());
        }
    }

    private void reportDrops() {
        long now = dropped.get();
        if (now != droppedReported) {
            log.warn("{} slow statement(s) were not recorded since start (queue full or database away).", now);
            droppedReported = now;
        }
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
    }
}
