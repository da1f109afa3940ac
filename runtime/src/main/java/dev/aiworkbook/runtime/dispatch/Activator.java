package dev.aiworkbook.runtime.dispatch;

import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffer in front of one function's pool in KPA mode, as Knative's activator (chapter
 * 03): an invocation that finds no free slot waits here, first in first out, while instances
 * start; nothing is dropped silently.
 *
 * <ul>
 *   <li>{@link #submit} hands the invocation a free slot at once if one exists and nobody
 *       waits before it; otherwise it queues it, or refuses it with 429 when
 *       {@code capacity} invocations already wait.
 *   <li>Each freed slot (an instance became ready, an invocation ended) goes to the oldest
 *       waiter: the pool calls {@link #slotFree()}, set up by {@link #attach}.
 *   <li>A waiter not served within {@code timeout} is refused with 503, saying how long it
 *       waited and why (instances still starting, or all busy).
 * </ul>
 *
 * <p>Callbacks, not blocking: a live caller turns the callbacks into a wait of its own thread,
 * and the simulator turns them into events, so both use this same class. The timeout runs on
 * the {@link Clock} with a single timer for the oldest waiter (waiters expire in arrival
 * order), not one timer per invocation. Callbacks run outside the activator's lock, on the
 * thread that freed the slot or on the clock's thread. Thread-safe.
 */
public final class Activator {

    private static final Logger LOG = LoggerFactory.getLogger(Activator.class);

    private final String function;
    private final InstancePool pool;
    private final Clock clock;
    private final int capacity;
    private final Duration timeout;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private volatile int waiting;
    private Clock.Timer timer;

    /**
     * @param function the function's name, for messages
     * @param pool the pool whose slots it hands out
     * @param clock the platform's time
     * @param capacity how many invocations may wait at once, zero or more
     * @param timeout how long one may wait, more than zero
     */
    public Activator(String function, InstancePool pool, Clock clock, int capacity,
            Duration timeout) {
        this.function = function;
        this.pool = pool;
        this.clock = clock;
        this.capacity = capacity;
        this.timeout = timeout;
    }

    /**
     * An activator in front of a pool, told of every slot the pool frees.
     *
     * @param function the function's name
     * @param pool the pool
     * @param clock the platform's time
     * @param capacity how many invocations may wait at once, zero or more
     * @param timeout how long one may wait, more than zero
     * @return the activator, attached as the pool's slot listener
     * @throws IllegalArgumentException if capacity is negative or timeout not positive
     */
    public static Activator attach(String function, InstancePool pool, Clock clock,
            int capacity, Duration timeout) {
        if (capacity < 0) {
            throw new IllegalArgumentException("activatorCapacity must be 0 or more, was: "
                    + capacity);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("activatorTimeout must be more than zero, was: "
                    + timeout);
        }
        Activator activator = new Activator(function, pool, clock, capacity, timeout);
        pool.onSlotFree(activator::slotFree);
        return activator;
    }

    /** Hears how a waiting invocation ends: with a slot, or refused. Exactly one is called. */
    public interface Waiter {

        /**
         * A slot is the invocation's: run it, then release the lease to the pool.
         *
         * @param lease the slot; a cold start if the instance is new
         * @param waited how long it waited here, zero if it never queued
         */
        void granted(InstancePool.Lease lease, Duration waited);

        /**
         * The invocation will not run.
         *
         * @param refusal 429 (the activator was full) or 503 (it waited too long)
         */
        void refused(Refusal refusal);
    }

    /**
     * Takes one invocation that found no free slot.
     *
     * @param waiter told of the slot or the refusal, maybe before this returns
     */
    public void submit(Waiter waiter) {
        Optional<InstancePool.Lease> now = Optional.empty();
        boolean full = false;
        synchronized (this) {
            if (queue.isEmpty()) now = pool.takeFreeSlot();
            if (now.isEmpty()) {
                full = queue.size() >= capacity;
                if (!full) enqueue(waiter);
            }
        }
        if (now.isPresent()) {
            waiter.granted(now.get(), Duration.ZERO);
        } else if (full) {
            waiter.refused(Refusal.tooManyRequests("Too many invocations waiting: function \""
                    + function + "\" already has " + capacity + " invocation(s) waiting for an"
                    + " instance, its activatorCapacity. Retry later, or raise"
                    + " autoscaling.activatorCapacity.", "activatorCapacity"));
        }
    }

    /** Hands free slots to waiters, oldest first, until either runs out. */
    public void slotFree() {
        while (true) {
            Waiting next;
            InstancePool.Lease lease;
            synchronized (this) {
                if (queue.isEmpty()) return;
                Optional<InstancePool.Lease> slot = pool.takeFreeSlot();
                if (slot.isEmpty()) return;
                lease = slot.get();
                next = queue.pollFirst();
                waiting = queue.size();
            }
            next.waiter.granted(lease, Duration.ofNanos(nanos(clock.now()) - next.sinceNanos));
        }
    }

    /** @return how many invocations are waiting now */
    public int waiting() {
        return waiting;
    }

    /** @return how many invocations may wait at once */
    public int capacity() {
        return capacity;
    }

    /** @return how long one may wait */
    public Duration timeout() {
        return timeout;
    }

    private void enqueue(Waiter waiter) {
        long now = nanos(clock.now());
        queue.addLast(new Waiting(waiter, now, now + timeout.toNanos()));
        waiting = queue.size();
        if (timer == null) arm(now, queue.peekFirst().deadlineNanos);
    }

    private void arm(long now, long due) {
        timer = clock.schedule(Duration.ofNanos(Math.max(0, due - now)), this::expire);
    }

    /** Refuses every waiter whose time is up, then times the next oldest. */
    private void expire() {
        while (true) {
            Waiting late;
            int ready;
            int starting;
            synchronized (this) {
                long now = nanos(clock.now());
                Waiting head = queue.peekFirst();
                if (head == null || head.deadlineNanos > now) {
                    timer = null;
                    if (head != null) arm(now, head.deadlineNanos);
                    return;
                }
                late = queue.pollFirst();
                waiting = queue.size();
                ready = pool.readyInstances();
                starting = pool.startingInstances();
            }
            LOG.info("function={} invocation waited {} ms in the activator; refused",
                    function, timeout.toMillis());
            late.waiter.refused(Refusal.unavailable("Service unavailable: an invocation of"
                    + " function \"" + function + "\" waited " + timeout.toMillis() + " ms"
                    + " (autoscaling.activatorTimeout) for an instance and none became free: "
                    + why(ready, starting) + ". Retry later, or raise"
                    + " autoscaling.activatorTimeout or maxInstances.", "activatorTimeout"));
        }
    }

    private String why(int ready, int starting) {
        if (ready == 0 && starting > 0) return starting + " instance(s) still starting";
        if (ready == 0) {
            return "no instance is running, and " + pool.failedStarts() + " failed to start";
        }
        String busy = ready + " instance(s) all busy";
        return starting > 0 ? busy + ", " + starting + " more still starting" : busy;
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private record Waiting(Waiter waiter, long sinceNanos, long deadlineNanos) {
    }
}
