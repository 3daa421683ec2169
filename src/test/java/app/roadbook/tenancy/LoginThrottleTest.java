package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static final String ATTACKER = "203.0.113.9";
    static final String OWNER_LAPTOP = "198.51.100.20";

    MutableClock clock = new MutableClock();
    LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstFailuresCostNothingThenDelaysGrow() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.failed(ATTACKER, "owner@roadbook.demo");
            assertThat(throttle.waitFor(ATTACKER, "owner@roadbook.demo")).isZero();
        }
        throttle.failed(ATTACKER, "owner@roadbook.demo");
        assertThat(throttle.waitFor(ATTACKER, "OWNER@roadbook.demo ")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed(ATTACKER, "owner@roadbook.demo");
        assertThat(throttle.waitFor(ATTACKER, "owner@roadbook.demo")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed(ATTACKER, "owner@roadbook.demo");
        assertThat(throttle.waitFor(ATTACKER, "owner@roadbook.demo")).isEqualTo(Duration.ofSeconds(4));
    }

    /** The attack: 25 wrong passwords over 25 emails from one client were all checked. */
    @Test
    void oneClientSprayingManyEmailsIsSlowedDown() {
        int checked = 0;
        for (int i = 0; i < 25; i++) {
            String email = "user" + i + "@roadbook.demo";
            if (throttle.waitFor(ATTACKER, email).isZero()) {
                checked++;
                throttle.failed(ATTACKER, email);
            }
            clock.advance(Duration.ofMillis(200));
        }
        assertThat(checked)
                .as("attempts checked out of 25 within 5 seconds")
                .isLessThanOrEqualTo(LoginThrottle.FREE_CLIENT_ATTEMPTS + 2);
        assertThat(throttle.waitFor(ATTACKER, "someone-new@roadbook.demo"))
                .as("a new email from the same client waits too")
                .isPositive();
        assertThat(throttle.waitFor(OWNER_LAPTOP, "someone-new@roadbook.demo"))
                .as("other clients are unaffected")
                .isZero();
    }

    /** The attack: wrong passwords every 0.2 s refused the real user's correct password 13 times in 14. */
    @Test
    void theRealOwnerStillGetsInFromTheirOwnClientWhileTheirAccountIsHammered() {
        int ownerTurnedAway = 0;
        for (int i = 0; i < 70; i++) {
            if (throttle.waitFor(ATTACKER, "owner@roadbook.demo").isZero()) {
                throttle.failed(ATTACKER, "owner@roadbook.demo");
            }
            if (i % 5 == 0) {
                if (throttle.waitFor(OWNER_LAPTOP, "owner@roadbook.demo").isZero()) {
                    throttle.succeeded(OWNER_LAPTOP, "owner@roadbook.demo");
                } else {
                    ownerTurnedAway++;
                }
            }
            clock.advance(Duration.ofMillis(200));
        }
        assertThat(ownerTurnedAway)
                .as("times the owner's correct password was turned away")
                .isZero();
        assertThat(throttle.waitFor(ATTACKER, "owner@roadbook.demo"))
                .as("the attacker is slowed")
                .isPositive();
    }

    @Test
    void signingInToOnesOwnAccountDoesNotResetASpray() {
        for (int i = 0; i < LoginThrottle.FREE_CLIENT_ATTEMPTS; i++) {
            throttle.failed(ATTACKER, "user" + i + "@roadbook.demo");
        }
        throttle.succeeded(ATTACKER, "attacker@roadbook.demo");
        assertThat(throttle.waitFor(ATTACKER, "user99@roadbook.demo")).isPositive();
    }

    @Test
    void theDelayIsCappedSoNobodyIsLockedOutForGood() {
        for (int i = 0; i < 200; i++) {
            throttle.failed(ATTACKER, "victim@roadbook.demo");
        }
        assertThat(throttle.waitFor(ATTACKER, "victim@roadbook.demo")).isEqualTo(LoginThrottle.MAX_DELAY);
        clock.advance(LoginThrottle.MAX_DELAY);
        assertThat(throttle.waitFor(ATTACKER, "victim@roadbook.demo")).isZero();
    }

    @Test
    void successForgetsFailuresAndOtherEmailsAreUnaffected() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(OWNER_LAPTOP, "a@roadbook.demo");
        }
        assertThat(throttle.waitFor(OWNER_LAPTOP, "b@roadbook.demo")).isZero();
        throttle.succeeded(OWNER_LAPTOP, "a@roadbook.demo");
        assertThat(throttle.waitFor(OWNER_LAPTOP, "a@roadbook.demo")).isZero();
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(OWNER_LAPTOP, "a@roadbook.demo");
        }
        clock.advance(Duration.ofHours(2));
        throttle.failed(OWNER_LAPTOP, "a@roadbook.demo");
        assertThat(throttle.waitFor(OWNER_LAPTOP, "a@roadbook.demo")).isZero();
    }
}
