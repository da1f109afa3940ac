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
 * nanoseconds since the start, timers live in an array-backed 4-ary heap, keyed by primitive
 * arrays, that knows each timer's slot (a cancel is O(log n), and leaves nothing behind), and {@link #now()} makes a
 * new {@link Instant} only when time has moved. {@code VirtualClockTest} checks the order.
 */
public final class VirtualClock implements Clock {

    private final Instant start;
    private Entry[] heap = new Entry[64];
    private long[] dues = new long[64];
    private long[] orders = new long[64];
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
        return size == 0 ? Long.MAX_VALUE : dues[0];
    }

    /** @return how many timers are waiting */
    public synchronized int pendingTimers() {
        return size;
    }

    private synchronized Entry nextDue(long targetNanos) {
        if (size == 0 || dues[0] > targetNanos) return null;
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
        if (size == heap.length) grow();
        int slot = size++;
        place(slot, entry, entry.due, entry.order);
        siftUp(slot);
        return entry;
    }

    private void grow() {
        int length = heap.length * 2;
        heap = Arrays.copyOf(heap, length);
        dues = Arrays.copyOf(dues, length);
        orders = Arrays.copyOf(orders, length);
    }

    private Entry removeAt(int slot) {
        Entry removed = heap[slot];
        int last = --size;
        removed.slot = -1;
        if (slot != last) {
            Entry moved = heap[last];
            place(slot, moved, dues[last], orders[last]);
            heap[last] = null;
            siftDown(slot);
            if (moved.slot == slot) siftUp(slot);
        } else {
            heap[last] = null;
        }
        return removed;
    }

    private void place(int slot, Entry entry, long due, long order) {
        heap[slot] = entry;
        dues[slot] = due;
        orders[slot] = order;
        entry.slot = slot;
    }

    private boolean before(int a, long due, long order) {
        return dues[a] < due || (dues[a] == due && orders[a] < order);
    }

    /** A 4-ary heap: half the depth of a binary one, and a node's children share a line. */
    private void siftUp(int slot) {
        Entry moving = heap[slot];
        long due = dues[slot];
        long order = orders[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 2;
            if (!(due < dues[parent] || (due == dues[parent] && order < orders[parent]))) break;
            place(slot, heap[parent], dues[parent], orders[parent]);
            slot = parent;
        }
        place(slot, moving, due, order);
    }

    private void siftDown(int slot) {
        Entry moving = heap[slot];
        long due = dues[slot];
        long order = orders[slot];
        while (true) {
            int first = 4 * slot + 1;
            if (first >= size) break;
            int best = first;
            int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) {
                if (before(c, dues[best], orders[best])) best = c;
            }
            if (!before(best, due, order)) break;
            place(slot, heap[best], dues[best], orders[best]);
            slot = best;
        }
        place(slot, moving, due, order);
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

        @Override
        public boolean cancel() {
            return clock.cancel(this);
        }
    }
}
