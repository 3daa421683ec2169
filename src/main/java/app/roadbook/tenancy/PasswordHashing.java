package app.roadbook.tenancy;

import app.roadbook.base.Refusal;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bound on the Argon2id hashes computed at once. Each hash allocates its memory cost (19 MiB, {@link
 * SecurityConfig#ARGON2_MEMORY_KIB}) for as long as it runs, in the request's thread, so N sign-ins at once held N ×
 * 19 MiB: 500 people signing in together after an outage would ask for over 9 GB of heap. The hash is pure CPU, so
 * more of them at once than there are cores finishes none sooner; a hash waits here for one of {@code slots} places
 * (a fair queue: first come, first hashed) and is refused after {@code wait} with {@link HashingBusyException}, a
 * clear "try again in a moment", instead of the JVM running out of memory for everyone. Waiting costs a request
 * thread, not the hash's memory (docs/decisions/0032-keyset-pages-and-bounded-hashing.md).
 */
public final class PasswordHashing {

    private final Semaphore slots;
    private final int size;
    private final long waitMillis;

    /**
     * @param slots hashes computed at once (the machine's cores is the useful figure)
     * @param waitMillis how long a hash waits for a place before it is refused (0: refused at once when all are busy)
     */
    public PasswordHashing(int slots, long waitMillis) {
        if (slots < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("at least one slot and a wait of zero or more");
        }
        this.slots = new Semaphore(slots, true);
        this.size = slots;
        this.waitMillis = waitMillis;
    }

    /** One place per core, and up to 30 seconds' wait: 500 sign-ins of ~40 ms of CPU each clear in 10 s on 2 cores. */
    public static PasswordHashing forThisMachine() {
        return new PasswordHashing(Math.max(1, Runtime.getRuntime().availableProcessors()), 30_000);
    }

    /** Runs {@code hash} once a place is free; refused with {@link HashingBusyException} if none comes in time. */
    public <T> T hash(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
        if (!acquired) {
            throw new HashingBusyException();
        }
        try {
            return hash.get();
        } finally {
            slots.release();
        }
    }

    /** {@code encoder} with its hashing (encode and matches) taking a place here first. */
    public PasswordEncoder bound(PasswordEncoder encoder) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return hash(() -> encoder.encode(rawPassword));
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return hash(() -> encoder.matches(rawPassword, encodedPassword));
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return encoder.upgradeEncoding(encodedPassword);
            }
        };
    }

    /** How many hashes may run at once. */
    public int slots() {
        return size;
    }

    /** Hashes waiting for a place now (an estimate, as {@link Semaphore#getQueueLength()} says). */
    public int waiting() {
        return slots.getQueueLength();
    }

    /**
     * Too many passwords being hashed at once: nothing was checked or stored; the person should try again in a
     * moment. A {@link Refusal}, so a view shows its sentence; the sign-in turns it into {@link SignInBusyException}.
     */
    public static class HashingBusyException extends Refusal {

        public HashingBusyException() {
            super("Many people are signing in at the moment. Try again in a minute.");
        }
    }

    /** The sign-in form's form of {@link HashingBusyException}: the sign-in page says to try again in a minute. */
    public static class SignInBusyException extends AuthenticationServiceException {

        public SignInBusyException(HashingBusyException busy) {
            super(busy.getMessage(), busy);
        }
    }
}
