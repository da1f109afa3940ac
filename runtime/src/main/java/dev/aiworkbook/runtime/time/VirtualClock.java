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
 * nanoseconds since the start, timers live in an array-backed 4-ary heap keyed by primitive
 * arrays, and {@link #now()} makes a new {@link Instant} only when time has moved. A cancel
 * only marks its timer, which the heap drops when it reaches the top. The heap holds only
 * primitives (due, order, and the timer's index in a side table), so a heap step moves
 * numbers: it neither writes to timer objects (a cache miss per level) nor stores references
 * (a garbage-collector write barrier per level), which together were the largest part of the
 * simulator's time. When cancelled timers make up more than half of the heap it is rebuilt
 * without them, so they never pile up.
 * {@code VirtualClockTest} checks the order.
 */
public final class VirtualClock implements Clock {

    private final Instant start;
    private long[] dues = new long[64];
    private long[] orders = new long[64];
    private int[] ids = new int[64];
    /** Timers by index; free indexes are reused, so the table is as big as the heap was. */
    private Entry[] byId = new Entry[64];
    private int[] freeIds = new int[64];
    private int freeCount;
    private int nextId;
    private int size;
    private int cancelled;
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
        dropCancelledHead();
        return size == 0 ? Long.MAX_VALUE : dues[0];
    }

    /** @return how many timers are waiting */
    public synchronized int pendingTimers() {
        return size - cancelled;
    }

    private synchronized Entry nextDue(long targetNanos) {
        dropCancelledHead();
        if (size == 0 || dues[0] > targetNanos) return null;
        Entry head = removeHead();
        head.done = true;
        if (head.due > nowNanos) nowNanos = head.due;
        return head;
    }

    private synchronized boolean cancel(Entry entry) {
        if (entry.done) return false;
        entry.done = true;
        entry.cancelled = true;
        cancelled++;
        if (cancelled > 64 && cancelled > size / 2) purge();
        return true;
    }

    private void dropCancelledHead() {
        while (size > 0 && byId[ids[0]].cancelled) {
            removeHead();
            cancelled--;
        }
    }

    /** Rebuilds the heap from its live timers: O(n), once per n/2 cancels. */
    private void purge() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int id = ids[i];
            if (byId[id].cancelled) {
                release(id);
                continue;
            }
            dues[kept] = dues[i];
            orders[kept] = orders[i];
            ids[kept] = id;
            kept++;
        }
        size = kept;
        cancelled = 0;
        for (int i = (size - 2) >>> 2; i >= 0 && size > 1; i--) siftDown(i);
    }

    private Entry push(Entry entry) {
        if (size == dues.length) grow();
        int id = freeCount > 0 ? freeIds[--freeCount] : nextId++;
        if (id == byId.length) byId = Arrays.copyOf(byId, id * 2);
        byId[id] = entry;
        siftUp(size++, entry.due, entry.order, id);
        return entry;
    }

    private void grow() {
        int length = dues.length * 2;
        dues = Arrays.copyOf(dues, length);
        orders = Arrays.copyOf(orders, length);
        ids = Arrays.copyOf(ids, length);
        freeIds = Arrays.copyOf(freeIds, length);
    }

    private Entry removeHead() {
        int id = ids[0];
        Entry removed = byId[id];
        release(id);
        int last = --size;
        if (last > 0) {
            dues[0] = dues[last];
            orders[0] = orders[last];
            ids[0] = ids[last];
            siftDown(0);
        }
        return removed;
    }

    private void release(int id) {
        byId[id] = null;
        freeIds[freeCount++] = id;
    }

    /** A 4-ary heap: half the depth of a binary one, and a node's children share a line. */
    private void siftUp(int slot, long due, long order, int id) {
        while (slot > 0) {
            int parent = (slot - 1) >>> 2;
            long parentDue = dues[parent];
            if (due > parentDue || (due == parentDue && order > orders[parent])) break;
            dues[slot] = parentDue;
            orders[slot] = orders[parent];
            ids[slot] = ids[parent];
            slot = parent;
        }
        dues[slot] = due;
        orders[slot] = order;
        ids[slot] = id;
    }

    private void siftDown(int slot) {
        long due = dues[slot];
        long order = orders[slot];
        int id = ids[slot];
        while (true) {
            int first = 4 * slot + 1;
            if (first >= size) break;
            int best = first;
            long bestDue = dues[first];
            int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) {
                long d = dues[c];
                if (d < bestDue || (d == bestDue && orders[c] < orders[best])) {
                    best = c;
                    bestDue = d;
                }
            }
            if (due < bestDue || (due == bestDue && order < orders[best])) break;
            dues[slot] = bestDue;
            orders[slot] = orders[best];
            ids[slot] = ids[best];
            slot = best;
        }
        dues[slot] = due;
        orders[slot] = order;
        ids[slot] = id;
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
        boolean done;
        boolean cancelled;

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
