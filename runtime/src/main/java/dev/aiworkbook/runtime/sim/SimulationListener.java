package dev.aiworkbook.runtime.sim;

/**
 * Hears what happens in a simulation, as it happens in virtual time. Reports, charts and
 * tests are listeners; all times are nanoseconds since the start of the simulation.
 */
public interface SimulationListener {

    /**
     * An invocation finished.
     *
     * @param function the function's name
     * @param arrival when it arrived
     * @param start when its handler began: after any wait in the activator and any init
     * @param end when it finished
     * @param coldStart whether it waited for a new instance's init
     */
    default void invoked(String function, long arrival, long start, long end,
            boolean coldStart) {
    }

    /**
     * An invocation was refused (HTTP 429 or 503 live).
     *
     * @param function the function's name
     * @param at when it was refused
     * @param reason why: the limit that was hit, in words
     */
    default void throttled(String function, long at, String reason) {
    }

    /**
     * An instance finished its init phase.
     *
     * @param function the function's name
     * @param at when it became ready
     * @param init how long its init phase took
     */
    default void instanceStarted(String function, long at, long init) {
    }

    /**
     * An instance was unloaded, or the simulation ended with it still loaded.
     *
     * @param function the function's name
     * @param at when it went
     * @param reason "keep-alive", "scale-down", "prewarm", "end", ...
     * @param idle how long, in all, it was loaded and serving nothing
     * @param memoryMb the function's memory, which prices that idle time
     */
    default void instanceReclaimed(String function, long at, String reason, long idle,
            int memoryMb) {
    }
}
