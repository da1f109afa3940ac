package dev.aiworkbook.runtime.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A clock that moves only when told to, running due timers in time order.
 *
 * <p>Ten minutes of keep-alive pass in a microsecond: {@code advance(Duration.ofMinutes(10))}
 * runs every timer due by then, each seeing {@link #now()} at its own due instant. Timers
 * that tasks schedule while the clock advances run in the same call if they fall due; timers
 * due at the same instant run in the order they were scheduled.
 *
 * <p>It is the simulator's event queue, so it is built for speed: time is a count of
 * nanoseconds since the start, timers live in an array-backed binary heap that knows each
 * timer's slot (a cancel is O(log n), and leaves nothing behind), and {@link #now()} makes a
 * new {@link Instant} only when time has moved. {@code VirtualClockTest} checks the order.
 */
public final class VirtualClock implements Clock {

    private final Instant start;
    private Entry[] heap = new Entry[64];
    private int size;
    private long nowNanos;
    private long sequence;
    private Instant nowInstant;
    private long nowInstantAt;

    public VirtualClock(Instant start) {
        this.start = start;
        this.nowInstant = start;
    }

    /** @return a virtual clock starting at the epoch. */
    public static VirtualClock atEpoch() {
        return new VirtualClock(Instant.EPOCH);
    }

    @Override
    public synchronized Instant now() {
        if (nowInstantAt != nowNanos) {
            nowInstant = start.plusNanos(nowNanos);
            nowInstantAt = nowNanos;
        }
        return nowInstant;
    }

    /** @return nanoseconds since this clock's start instant */
    public synchronized long elapsedNanos() {
        return nowNanos;
    }

    /** @return the instant this clock started at */
    public Instant start() {
        return start;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long nanos = delay.isNegative() ? 0 : saturatedNanos(delay);
        return scheduleNanos(nanos, task);
    }

    /**
     * Runs a task once after a delay in nanoseconds, without making a {@link Duration}.
     *
     * @param delayNanos how long after now; zero or negative runs it at the current instant
     * @param task the work to run
     * @return a handle that cancels the task if it has not run yet
     */
    public synchronized Timer scheduleNanos(long delayNanos, Runnable task) {
        long wait = Math.max(0, delayNanos);
        long due = nowNanos + wait < nowNanos ? Long.MAX_VALUE : nowNanos + wait;
        return push(new Entry(this, due, sequence++, task));
    }

    /**
     * Runs a task once at a given time since the start; a time already past runs it now.
     *
     * @param atNanos nanoseconds since the start of this clock
     * @param task the work to run
     * @return a handle that cancels the task if it has not run yet
     */
    public synchronized Timer scheduleAt(long atNanos, Runnable task) {
        return push(new Entry(this, Math.max(atNanos, nowNanos), sequence++, task));
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
        advanceToNanos(elapsedNanos() + saturatedNanos(step));
    }

    /**
     * Moves time to {@code target}, running due timers in order; time never goes back.
     *
     * @param target the instant to reach
     */
    public void advanceTo(Instant target) {
        Duration since = Duration.between(start, target);
        advanceToNanos(since.isNegative() ? 0 : saturatedNanos(since));
    }

    /**
     * Moves time to {@code targetNanos} since the start, running due timers in order.
     *
     * @param targetNanos the time to reach; a time already past runs what is due now
     */
    public void advanceToNanos(long targetNanos) {
        while (true) {
            Entry next = nextDue(targetNanos);
            if (next == null) break;
            next.task.run();
        }
        synchronized (this) {
            if (targetNanos > nowNanos) nowNanos = targetNanos;
        }
    }

    /** @return when the next waiting timer is due, in nanoseconds; Long.MAX_VALUE if none */
    public synchronized long nextDueNanos() {
        return size == 0 ? Long.MAX_VALUE : heap[0].due;
    }

    /** @return how many timers are waiting */
    public synchronized int pendingTimers() {
        return size;
    }

    private synchronized Entry nextDue(long targetNanos) {
        if (size == 0 || heap[0].due > targetNanos) return null;
        Entry head = removeAt(0);
        if (head.due > nowNanos) nowNanos = head.due;
        return head;
    }

    private synchronized boolean cancel(Entry entry) {
        if (entry.slot < 0) return false;
        removeAt(entry.slot);
        return true;
    }

    private Entry push(Entry entry) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        entry.slot = size;
        heap[size++] = entry;
        siftUp(entry.slot);
        return entry;
    }

    private Entry removeAt(int slot) {
        Entry removed = heap[slot];
        Entry last = heap[--size];
        heap[size] = null;
        removed.slot = -1;
        if (slot == size) return removed;
        heap[slot] = last;
        last.slot = slot;
        siftDown(slot);
        if (heap[slot] == last) siftUp(slot);
        return removed;
    }

    private void siftUp(int slot) {
        Entry moving = heap[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            Entry above = heap[parent];
            if (!moving.before(above)) break;
            heap[slot] = above;
            above.slot = slot;
            slot = parent;
        }
        heap[slot] = moving;
        moving.slot = slot;
    }

    private void siftDown(int slot) {
        Entry moving = heap[slot];
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) child = right;
            if (!heap[child].before(moving)) break;
            heap[slot] = heap[child];
            heap[slot].slot = slot;
            slot = child;
        }
        heap[slot] = moving;
        moving.slot = slot;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** One waiting timer; it is its own cancel handle, so scheduling allocates one object. */
    private static final class Entry implements Timer {
        final VirtualClock clock;
        final long due;
        final long order;
        final Runnable task;
        int slot;

        Entry(VirtualClock clock, long due, long order, Runnable task) {
            this.clock = clock;
            this.due = due;
            this.order = order;
            this.task = task;
        }

        boolean before(Entry other) {
            return due < other.due || (due == other.due && order < other.order);
        }

        @Override
        public boolean cancel() {
            return clock.cancel(this);
        }
    }
}
