package dev.aiworkbook.runtime.instance;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread of an instance, and the hand-off of work to it.
 *
 * <p>The handler runs here, not on the caller's thread, so a caller can give up at the deadline
 * even if the handler ignores interruption. Handing work from one thread to another costs a
 * wake-up (tens of microseconds on Linux); to keep a warm call near a direct call, both sides
 * spin briefly before they park. The spin is bounded, so an idle lane costs no CPU.
 *
 * <p>After the first microseconds the spin yields the core on each round: when there are more
 * runnable threads than cores, the other side of the hand-off may be waiting for this very
 * core, and a plain spin would keep it off for the whole spin: held to one core of a busy
 * machine, a warm call took ~150 µs with a plain spin and ~15 µs with the yield.
 */
final class Lane {

    /** How long each side spins before parking: long enough to span one warm call. */
    private static final long SPIN_NANOS = 50_000;
    /** How long a spin only pauses before it starts to yield the core. */
    private static final long BUSY_SPIN_NANOS = 2_000;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Thread thread;
    private volatile Work<?> pending;
    private volatile boolean parked;
    private volatile boolean closed;

    Lane(String name, ClassLoader contextLoader) {
        this.thread = new Thread(this::serve, name + "-lane-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader);
        thread.start();
    }

    /**
     * Runs a task on this lane and waits for it until the deadline.
     *
     * @return the finished work; {@link Work#isDone()} is false if the deadline passed first
     */
    <T> Work<T> run(Task<T> task, long deadlineNanos) {
        Work<T> work = new Work<>(task);
        pending = work;
        if (parked) LockSupport.unpark(thread);
        work.await(deadlineNanos);
        return work;
    }

    /** Sets the context class loader that handler code on this lane will see. */
    void useContextLoader(ClassLoader loader) {
        thread.setContextClassLoader(loader);
    }

    /** Stops the lane; a handler still running is interrupted and left to finish alone. */
    void close() {
        closed = true;
        thread.interrupt();
    }

    private void serve() {
        while (!closed) {
            Work<?> work = nextWork();
            if (work == null) return;
            pending = null;
            work.execute();
        }
    }

    private Work<?> nextWork() {
        long started = System.nanoTime();
        long spun = 0;
        Work<?> work;
        while ((work = pending) == null && spun < SPIN_NANOS && !closed) {
            backOff(spun);
            spun = System.nanoTime() - started;
        }
        if (work != null) return work;

        parked = true;
        while ((work = pending) == null && !closed) LockSupport.park(this);
        parked = false;
        return work;
    }

    /** One round of a spin: a pause at first, then a yield of the core to whoever needs it. */
    private static void backOff(long spunNanos) {
        if (spunNanos < BUSY_SPIN_NANOS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Work for a lane; it may throw anything, which the caller then reports. */
    @FunctionalInterface
    interface Task<T> {
        T call() throws Throwable;
    }

    /** One task handed to a lane: its result, its failure, or that the caller gave up. */
    static final class Work<T> {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int ABANDONED = 2;

        private final Task<T> task;
        private final Thread caller = Thread.currentThread();
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile boolean callerParked;
        private T result;
        private Throwable failure;

        Work(Task<T> task) {
            this.task = task;
        }

        boolean isDone() {
            return state.get() == DONE;
        }

        T result() {
            return result;
        }

        Throwable failure() {
            return failure;
        }

        private void execute() {
            try {
                result = task.call();
            } catch (Throwable t) {
                failure = t;
            }
            if (state.compareAndSet(RUNNING, DONE) && callerParked) LockSupport.unpark(caller);
        }

        private void await(long deadlineNanos) {
            long started = System.nanoTime();
            long spinFor = Math.min(SPIN_NANOS, deadlineNanos - started);
            long spun = 0;
            while (state.get() == RUNNING && spun < spinFor) {
                backOff(spun);
                spun = System.nanoTime() - started;
            }
            callerParked = true;
            long left;
            while (state.get() == RUNNING && (left = deadlineNanos - System.nanoTime()) > 0
                    && !caller.isInterrupted()) {
                LockSupport.parkNanos(this, left);
            }
            callerParked = false;
            state.compareAndSet(RUNNING, ABANDONED);
        }
    }
}
