package dev.aiworkbook.runtime.instance;

import java.time.Duration;
import java.util.Map;

/**
 * One sandbox that runs a function: initialised once, invoked many times, then closed.
 *
 * <p>The pool decides when an instance is created, used and reclaimed; the instance only does
 * the work and measures it. Kinds: {@link ClassLoaderInstance} in this JVM; a simulated one
 * replays given timings.
 */
public interface FunctionInstance extends AutoCloseable {

    /** @return the instance's id, unique within its function */
    String id();

    /**
     * Runs the init phase: loads the handler's code and constructs it.
     *
     * @return how long the init phase took
     * @throws InitException if the handler cannot be loaded or its initialisation throws
     */
    Duration initialize() throws InitException;

    /**
     * The parts of the last init phase, in order, for instances that can tell them apart.
     *
     * @return phase name to duration, such as "class loader", "static init", "constructor"
     */
    default Map<String, Duration> initPhases() {
        return Map.of();
    }

    /**
     * Runs one invocation, and gives up on it at the deadline.
     *
     * @param context who is invoked, with the deadline and the log to append to
     * @param payload the event as JSON bytes
     * @return the result, error or timeout, with the measured duration
     */
    InvocationOutcome invoke(InvocationRequest context, byte[] payload);

    /**
     * Whether this instance only replays timings: its {@link #initialize()} returns at once
     * with the init time it stands for, and the pool lets that time pass on the clock before
     * the instance is ready. Live instances have spent the time by the time it returns.
     *
     * @return true for a {@link SimulatedInstance}
     */
    default boolean isSimulated() {
        return false;
    }

    /** Releases the sandbox. A handler still running is interrupted and left to end alone. */
    @Override
    void close();
}
