package dev.aiworkbook.runtime.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The platform's only source of time: it tells {@code now} and runs timers.
 *
 * <p>Keep-alive expiry, retry backoff and provisioned-instance metering all go through a
 * clock, so the same code runs live on {@link SystemClock} and in seconds on a
 * {@link VirtualClock}. Chapter 02 shows both.
 */
public interface Clock {

    /** @return the current instant of this clock. */
    Instant now();

    /**
     * Runs a task once after a delay, on this clock's time.
     *
     * @param delay how long after {@link #now()} the task runs; zero or negative runs it soon
     * @param task the work to run
     * @return a handle that cancels the task if it has not run yet
     */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be cancelled. */
    interface Timer {
        /** @return true if the task was cancelled before it ran */
        boolean cancel();
    }
}
