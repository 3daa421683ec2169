package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bound on Argon2id hashes at once (19 MiB each): behaviour only, no clocks. Hashes here are stand-ins that wait
 * on a latch, so the test decides when each one finishes.
 */
class PasswordHashingTest {

    /** Waits (without a deadline on the outcome) until {@code hashing} has {@code n} hashes queued. */
    private static void awaitQueued(PasswordHashing hashing, int n) throws InterruptedException {
        while (hashing.waiting() < n) {
            Thread.sleep(1);
        }
    }

    @Test
    void never_more_hashes_at_once_than_slots_however_many_sign_in_together() throws Exception {
        PasswordHashing hashing = new PasswordHashing(2, Long.MAX_VALUE / 2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        List<Thread> signIns = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Thread t = Thread.ofPlatform().start(() -> {
                String hash = hashing.hash(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoInside.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return "hash";
                });
                if (hash.equals("hash")) {
                    done.incrementAndGet();
                }
            });
            signIns.add(t);
        }
        twoInside.await();
        awaitQueued(hashing, 38);

        assertThat(running).hasValue(2);
        assertThat(hashing.waiting()).isEqualTo(38);

        finish.countDown();
        for (Thread t : signIns) {
            t.join();
        }
        assertThat(done).hasValue(40);
        assertThat(most).hasValue(2);
        assertThat(hashing.waiting()).isZero();
    }

    @Test
    void waiting_hashes_get_their_place_in_the_order_they_came() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, Long.MAX_VALUE / 2);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofPlatform()
                .start(() -> hashing.hash(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        holding.await();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            queued.add(Thread.ofPlatform().start(() -> hashing.hash(() -> order.add(n))));
            awaitQueued(hashing, i + 1);
        }
        release.countDown();
        first.join();
        for (Thread t : queued) {
            t.join();
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void a_hash_that_finds_no_place_in_time_is_refused_with_a_sentence_and_never_runs() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = Thread.ofPlatform()
                .start(() -> hashing.hash(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        holding.await();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> hashing.hash(() -> ran.getAndSet(true)))
                .isInstanceOf(PasswordHashing.HashingBusyException.class)
                .isInstanceOf(Refusal.class)
                .hasMessage("Many people are signing in at the moment. Try again in a minute.");
        assertThat(ran).isFalse();

        release.countDown();
        busy.join();
        assertThat(hashing.hash(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void a_failing_hash_gives_its_place_back() {
        PasswordHashing hashing = new PasswordHashing(1, 0);
        assertThatThrownBy(() -> hashing.hash(() -> {
                    throw new IllegalStateException("broken");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(hashing.hash(() -> "next")).isEqualTo("next");
    }

    @Test
    void the_password_encoder_hashes_through_the_bound() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, 0);
        AtomicInteger encoded = new AtomicInteger();
        PasswordEncoder plain = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                encoded.incrementAndGet();
                return "h:" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encodedPassword) {
                return encodedPassword.equals("h:" + raw);
            }
        };
        PasswordEncoder bound = hashing.bound(plain);
        assertThat(bound.encode("secret")).isEqualTo("h:secret");
        assertThat(bound.matches("secret", "h:secret")).isTrue();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = Thread.ofPlatform()
                .start(() -> hashing.hash(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        holding.await();
        assertThatThrownBy(() -> bound.encode("other")).isInstanceOf(PasswordHashing.HashingBusyException.class);
        assertThat(encoded).hasValue(1);
        release.countDown();
        busy.join();
    }

    @Test
    void the_sign_in_form_is_told_to_try_again_not_that_the_password_was_wrong() {
        PasswordHashing.SignInBusyException refused =
                new PasswordHashing.SignInBusyException(new PasswordHashing.HashingBusyException());
        assertThat(refused)
                .isNotInstanceOf(org.springframework.security.authentication.BadCredentialsException.class)
                .hasMessageContaining("Try again in a minute");
    }
}
