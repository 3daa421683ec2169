package app.roadbook.base.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node at a time, however many nodes fire it (decision 0030). Every {@code @Scheduled}
 * method hands its work to {@link #run}; {@code ArchitectureTest} checks that none forgets.
 * <p>
 * {@code atMostFor}: how long the lock holds when its node dies while running (then another node may run the job);
 * longer than the job ever takes. {@code atLeastFor}: how long the lock holds after a run started even when the run was
 * quick, so another node whose schedule fires a moment later (clocks, start times) does not run it again; shorter than
 * the job's interval.
 */
@Component
public class OnceOnly {

    private static final Logger log = LoggerFactory.getLogger(OnceOnly.class);

    private final LockingTaskExecutor executor;
    private final Clock clock;
    private final String node;

    @Autowired
    OnceOnly(DataSource dataSource, Clock clock, @Value("${roadbook.node-name:}") String node) {
        this.node = node.isBlank() ? defaultNodeName() : node;
        this.executor = new DefaultLockingTaskExecutor(new JobLocks(dataSource, this.node));
        this.clock = clock;
    }

    /** A runner of its own, as another node would have (tests run two against one database). */
    public static OnceOnly onNode(DataSource dataSource, Clock clock, String node) {
        return new OnceOnly(dataSource, clock, node);
    }

    /** Runs {@code work} unless another run of {@code job} holds its lock; true when it ran here. */
    public boolean run(String job, Duration atMostFor, Duration atLeastFor, Runnable work) {
        try {
            boolean ran = executor.executeWithLock(
                            () -> {
                                work.run();
                                return Boolean.TRUE;
                            },
                            new LockConfiguration(clock.instant(), job, atMostFor, atLeastFor))
                    .wasExecuted();
            if (ran) {
                log.debug("Job {} ran on {}.", job, node);
            } else {
                log.debug("Job {} skipped on {}: another run holds its lock.", job, node);
            }
            return ran;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public String node() {
        return node;
    }

    /** Host name and process id, and a random part so two processes never share a name. */
    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
