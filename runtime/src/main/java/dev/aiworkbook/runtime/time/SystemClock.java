package dev.aiworkbook.runtime.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wall-clock time, with timers on one daemon scheduler thread. */
public final class SystemClock implements Clock, AutoCloseable {

    private static final SystemClock SHARED = new SystemClock();

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
            task -> {
                Thread thread = new Thread(task, "faas-clock");
                thread.setDaemon(true);
                return thread;
            });

    public SystemClock() {
        // A cancelled keep-alive timer must not stay queued until its old due time.
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** @return a clock shared by everything that needs wall-clock time in this JVM. */
    public static SystemClock shared() {
        return SHARED;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        if (this != SHARED) scheduler.shutdownNow();
    }
}
