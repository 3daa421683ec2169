package app.roadbook.base.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A stopping node drains (decision 0030): readiness goes to REFUSING_TRAFFIC (the health endpoint answers
 * OUT_OF_SERVICE), the node waits {@code roadbook.shutdown.drain-delay} so the load balancer's health checks notice
 * and send new sessions elsewhere, and only then does the web server's graceful shutdown stop taking connections and
 * wait for running requests ({@code server.shutdown=graceful}, {@code spring.lifecycle.timeout-per-shutdown-phase}).
 * Its phase is above the web server's, so it stops first. No delay by default: a single node has nobody to wait for.
 */
@Component
class Draining implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Draining.class);

    private final ApplicationContext context;
    private final Duration delay;
    private volatile boolean running;

    Draining(ApplicationContext context, @Value("${roadbook.shutdown.drain-delay:0s}") Duration delay) {
        this.context = context;
        this.delay = delay;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (delay.isPositive()) {
            log.info("Draining: refusing new traffic for {} before stopping.", delay);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
