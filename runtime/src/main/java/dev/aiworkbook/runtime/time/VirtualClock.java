package dev.aiworkbook.runtime.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to, running due timers in time order.
 *
 * <p>Ten minutes of keep-alive pass in a microsecond: {@code advance(Duration.ofMinutes(10))}
 * runs every timer due by then, each seeing {@link #now()} at its own due instant. Timers
 * that tasks schedule while the clock advances run in the same call if they fall due.
 */
public final class VirtualClock implements Clock {

    private final PriorityQueue<Entry> timers = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** @return a virtual clock starting at the epoch. */
    public static VirtualClock atEpoch() {
        return new VirtualClock(Instant.EPOCH);
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        Entry entry = new Entry(now.plus(wait), sequence++, task);
        timers.add(entry);
        return () -> cancel(entry);
    }

    /**
     * Moves time forward, running every timer that falls due on the way.
     *
     * @param step how far to move; must not be negative
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("step must not be negative, was: " + step);
        }
        advanceTo(now().plus(step));
    }

    /**
     * Moves time to {@code target}, running due timers in order; time never goes back.
     *
     * @param target the instant to reach
     */
    public void advanceTo(Instant target) {
        while (true) {
            Entry next = nextDue(target);
            if (next == null) break;
            next.task.run();
        }
        synchronized (this) {
            if (target.isAfter(now)) now = target;
        }
    }

    /** @return how many timers are waiting */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    private synchronized Entry nextDue(Instant target) {
        Entry head = timers.peek();
        if (head == null || head.due.isAfter(target)) return null;
        timers.poll();
        if (head.due.isAfter(now)) now = head.due;
        return head;
    }

    private synchronized boolean cancel(Entry entry) {
        return timers.remove(entry);
    }

    private record Entry(Instant due, long order, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
