package app.roadbook.base.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes (two runners, as two app nodes would have) on one database: a job both fire runs once, a node that fires a
 * moment after a quick run does not run it again, and a node that dies holding the lock stops nobody for longer than
 * the lock's "at most" (decision 0030).
 */
@RoadbookTest
class OnceOnlyTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Autowired
    Fixtures fixtures;

    OnceOnly nodeA;
    OnceOnly nodeB;
    String job;
    final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void twoNodes() {
        nodeA = OnceOnly.onNode(dataSource, clock, "node-a");
        nodeB = OnceOnly.onNode(dataSource, clock, "node-b");
        job = "test." + Fixtures.unique("job").toLowerCase();
    }

    @Test
    void aJobBothNodesFireAtOnceRunsOnOneOfThem() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> onA = CompletableFuture.supplyAsync(
                () -> nodeA.run(job, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> {
                    runs.incrementAndGet();
                    running.countDown();
                    await(finish);
                }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        boolean onB = nodeB.run(job, Duration.ofMinutes(5), Duration.ofSeconds(30), runs::incrementAndGet);
        finish.countDown();

        assertThat(onA.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(onB).as("node B while node A runs the job").isFalse();
        assertThat(runs).hasValue(1);
        assertThat(fixtures.owner().queryForObject("select locked_by from job_locks where name = ?", String.class, job))
                .isEqualTo("node-a");
    }

    @Test
    void aNodeFiringAMomentAfterAQuickRunDoesNotRunItAgain() {
        assertThat(nodeA.run(job, Duration.ofMinutes(5), Duration.ofMinutes(1), runs::incrementAndGet))
                .isTrue();
        assertThat(nodeB.run(job, Duration.ofMinutes(5), Duration.ofMinutes(1), runs::incrementAndGet))
                .as("the same schedule slot, a moment later on node B")
                .isFalse();
        assertThat(nodeA.run(job, Duration.ofMinutes(5), Duration.ofMinutes(1), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void withoutAnAtLeastTheNextRunMayFollowAtOnceOnEitherNode() {
        assertThat(nodeA.run(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .isTrue();
        assertThat(nodeB.run(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(2);
    }

    /**
     * Node A takes the lock and dies in the middle (its work never returns, so it never releases the lock). Node B is
     * turned away while the lock's "at most" lasts, then runs the job. Polled, not timed: the test waits for the
     * database's clock to pass the lock's end.
     */
    @Test
    void aNodeThatDiesHoldingTheLockStopsTheOthersOnlyUntilItsAtMostHasPassed() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Thread dying = Thread.ofPlatform()
                .daemon()
                .start(() -> nodeA.run(job, Duration.ofMillis(500), Duration.ZERO, () -> {
                    runs.incrementAndGet();
                    running.countDown();
                    await(never);
                }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nodeB.run(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .as("node B while node A holds the lock")
                .isFalse();

        boolean ranOnB = false;
        for (int attempt = 0; attempt < 300 && !ranOnB; attempt++) {
            Thread.sleep(100);
            ranOnB = nodeB.run(job, Duration.ofMinutes(5), Duration.ofMinutes(5), runs::incrementAndGet);
        }
        assertThat(ranOnB).as("node B once node A's lock ran out").isTrue();
        assertThat(runs).hasValue(2);

        // The dead node's late release (if it ever came back) does not free node B's lock.
        never.countDown();
        dying.join(30_000);
        assertThat(nodeA.run(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .isFalse();
        assertThat(fixtures.owner().queryForObject("select locked_by from job_locks where name = ?", String.class, job))
                .isEqualTo("node-b");
    }

    @Test
    void theApplicationRoleTakesLocksOnlyThroughTheFunctions() {
        nodeA.run(job, Duration.ofMinutes(5), Duration.ofMinutes(5), runs::incrementAndGet);
        org.springframework.jdbc.core.JdbcTemplate app = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThat(app.queryForObject("select count(*) from job_locks", Integer.class))
                .as("nobody acting reads no lock")
                .isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> app.update("update job_locks set lock_until = now() where name = ?", job))
                .rootCause()
                .hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> app.update("delete from job_locks where name = ?", job))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
