package dev.aiworkbook.runtime.testfunctions;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, in tests, for what another thread is doing inside the platform. */
public final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Await() {
    }

    /**
     * Waits until a function has at least {@code count} invocations running, so a test that
     * needs a busy instance does not depend on how fast a loaded machine starts a thread.
     *
     * @param platform the dispatcher
     * @param function the function's name
     * @param count how many invocations must be running
     * @throws AssertionError if that is not seen within 10 seconds
     */
    public static void inFlight(Dispatcher platform, String function, int count) {
        until(count + " invocation(s) of " + function + " running",
                () -> running(platform, function) >= count);
    }

    /**
     * Waits until a condition holds, such as work the event runner does on its own threads.
     *
     * @param what the condition in words, for the failure message
     * @param condition what must become true
     * @throws AssertionError if it does not within 10 seconds
     */
    public static void until(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not seen within " + LIMIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    private static int running(Dispatcher platform, String function) {
        return platform.function(function).map(d -> d.pool().inFlight()).orElse(0);
    }
}
