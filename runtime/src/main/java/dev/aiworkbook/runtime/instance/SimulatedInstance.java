package dev.aiworkbook.runtime.instance;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * An instance with timings and nothing else: no thread, no class loader, no handler. Its
 * {@link #initialize()} returns at once with the init time it stands for, which the pool lets
 * pass on the clock before the instance is ready; {@link #invoke} returns at once with a drawn
 * duration and an empty result. The simulator's instances (DESIGN: "simulated instance").
 *
 * <p>A discrete-event simulator normally draws durations itself and never calls
 * {@link #invoke}; it is there so a simulated function can also be deployed on a
 * {@code Dispatcher}, where every call then returns at once.
 */
public final class SimulatedInstance implements FunctionInstance {

    private static final byte[] EMPTY = new byte[0];

    private final String id;
    private final LongSupplier initNanos;
    private final LongSupplier durationNanos;
    private final long memoryMb;

    /**
     * @param id the instance's id
     * @param initNanos draws the init time, in nanoseconds, zero or more
     * @param durationNanos draws each invocation's duration, in nanoseconds, zero or more
     * @param memoryMb the memory reported as used
     */
    public SimulatedInstance(String id, LongSupplier initNanos, LongSupplier durationNanos,
            long memoryMb) {
        this.id = id;
        this.initNanos = initNanos;
        this.durationNanos = durationNanos;
        this.memoryMb = memoryMb;
    }

    /**
     * Instances of one simulated function.
     *
     * @param initNanos draws each instance's init time, in nanoseconds
     * @param durationNanos draws each invocation's duration, in nanoseconds
     * @return a kind whose factories make simulated instances
     */
    public static InstanceKind kind(LongSupplier initNanos, LongSupplier durationNanos) {
        return (spec, version, code) -> instanceId -> new SimulatedInstance(instanceId,
                initNanos, durationNanos, spec.memoryMb());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Duration initialize() {
        return Duration.ofNanos(nonNegative(initNanos.getAsLong(), "init time"));
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    @Override
    public InvocationOutcome invoke(InvocationRequest context, byte[] payload) {
        Duration took = Duration.ofNanos(nonNegative(durationNanos.getAsLong(), "duration"));
        if (took.compareTo(context.timeout()) > 0) {
            return new InvocationOutcome(InvocationOutcome.Kind.TIMEOUT, EMPTY,
                    context.timeout(), memoryMb);
        }
        return new InvocationOutcome(InvocationOutcome.Kind.SUCCESS, EMPTY, took, memoryMb);
    }

    @Override
    public void close() {
    }

    private long nonNegative(long nanos, String what) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a simulated " + what + " must be zero or more"
                    + " nanoseconds, was: " + nanos + " (instance " + id + ")");
        }
        return nanos;
    }
}
