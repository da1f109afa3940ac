package dev.aiworkbook.runtime.sim;

/**
 * The arrival times of one function's invocations, in order, read one at a time.
 *
 * <p>Times are nanoseconds since the start of the simulation. A stream is generated lazily,
 * so a simulated day of many functions never holds all its arrivals in memory.
 */
public interface Arrivals {

    /** Returned by {@link #next()} when there are no more arrivals. */
    long END = Long.MAX_VALUE;

    /**
     * @return the next arrival, not before the previous one, or {@link #END}
     */
    long next();
}
