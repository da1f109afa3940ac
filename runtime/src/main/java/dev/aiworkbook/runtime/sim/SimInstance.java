package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.instance.FunctionInstance;
import dev.aiworkbook.runtime.instance.InvocationOutcome;
import dev.aiworkbook.runtime.instance.InvocationRequest;
import java.time.Duration;

/**
 * A simulated instance: an init time drawn when it is created, and the bookkeeping of how long
 * it was loaded and busy. No thread, no handler; the simulator times each run itself.
 *
 * <p>Idle time is loaded time with nothing in flight, counted from the end of init: the memory
 * a provider keeps for a function that serves nothing ("wasted GB-s").
 */
final class SimInstance implements FunctionInstance {

    private final String id;
    private final long initNanos;
    private long readyAt = -1;
    private int inFlight;
    private long busySince;
    private long busyNanos;

    SimInstance(String id, long initNanos) {
        this.id = id;
        this.initNanos = initNanos;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Duration initialize() {
        return Duration.ofNanos(initNanos);
    }

    @Override
    public InvocationOutcome invoke(InvocationRequest context, byte[] payload) {
        throw new UnsupportedOperationException("a simulated instance runs no handler: the"
                + " simulator times each invocation on its virtual clock");
    }

    @Override
    public void close() {
    }

    long initNanos() {
        return initNanos;
    }

    boolean isReady() {
        return readyAt >= 0;
    }

    void ready(long now) {
        readyAt = now;
    }

    void begin(long now) {
        if (inFlight++ == 0) busySince = now;
    }

    void end(long now) {
        if (--inFlight == 0) busyNanos += now - busySince;
    }

    /** @return how long it has been loaded and serving nothing, up to {@code now} */
    long idleNanos(long now) {
        if (readyAt < 0) return 0;
        long busy = busyNanos + (inFlight > 0 ? now - busySince : 0);
        return Math.max(0, now - readyAt - busy);
    }
}
