package app.roadbook.tenancy;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    static class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    MutableClock clock = new MutableClock();
    LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstFailuresCostNothingThenDelaysGrow() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.failed("owner@roadbook.demo");
            assertThat(throttle.waitFor("owner@roadbook.demo")).isZero();
        }
        throttle.failed("owner@roadbook.demo");
        assertThat(throttle.waitFor("OWNER@roadbook.demo ")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("owner@roadbook.demo");
        assertThat(throttle.waitFor("owner@roadbook.demo")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("owner@roadbook.demo");
        assertThat(throttle.waitFor("owner@roadbook.demo")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDelayIsCappedSoNobodyIsLockedOutForGood() {
        for (int i = 0; i < 200; i++) {
            throttle.failed("victim@roadbook.demo");
        }
        assertThat(throttle.waitFor("victim@roadbook.demo")).isEqualTo(LoginThrottle.MAX_DELAY);
        clock.advance(LoginThrottle.MAX_DELAY);
        assertThat(throttle.waitFor("victim@roadbook.demo")).isZero();
    }

    @Test
    void successForgetsFailuresAndOtherEmailsAreUnaffected() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("a@roadbook.demo");
        }
        assertThat(throttle.waitFor("b@roadbook.demo")).isZero();
        throttle.succeeded("a@roadbook.demo");
        assertThat(throttle.waitFor("a@roadbook.demo")).isZero();
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("a@roadbook.demo");
        }
        clock.advance(Duration.ofHours(2));
        throttle.failed("a@roadbook.demo");
        assertThat(throttle.waitFor("a@roadbook.demo")).isZero();
    }
}
