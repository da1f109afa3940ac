package dev.aiworkbook.runtime.testfunctions;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import java.time.Duration;

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
        long until = System.nanoTime() + LIMIT.toNanos();
        while (running(platform, function) < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError(count + " invocation(s) of " + function
                        + " were not running within " + LIMIT.toSeconds() + " s");
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
