package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.billing.BillingRecord;
import dev.aiworkbook.runtime.billing.Meter;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.FunctionInstance;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InvocationOutcome;
import dev.aiworkbook.runtime.instance.InvocationRequest;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.sim.Arrivals;
import dev.aiworkbook.runtime.sim.DurationDistribution;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Replays one function's arrivals against the platform's own {@link InstancePool} and
 * keep-alive policy on a {@link VirtualClock}, with instances whose init and run take virtual
 * time, and measures what the formulas of chapter 04 predict.
 *
 * <p>Each arrival asks the pool for a slot; a cold lease is initialised when its init time has
 * passed, and every lease is released when its run ends, which arms the pool's keep-alive.
 * With {@code queue} on, an arrival that the pool refuses (at {@code maxInstances}) waits in
 * a first-come line and takes the next freed slot, as an activator holds it.
 *
 * <p>Simplification: the line here stands in for the platform's activator, and this loop for
 * the simulator's engine; both drive the same pool, policy and billing code.
 */
final class PoolReplay {

    private static final String NAME = "model";

    private final FunctionSpec spec;
    private final DurationDistribution duration;
    private final Duration init;
    private final boolean queue;
    private final SplittableRandom random;
    private final VirtualClock clock = VirtualClock.atEpoch();
    private final Meter meter = new Meter();
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
    private final InstancePool pool;
    private long invocations;
    private long coldStarts;
    private long throttled;
    private long waited;
    private double waitSeconds;
    private int inFlight;
    private long lastChange;
    private double inFlightSeconds;
    private int busyInstances;
    private double busySeconds;

    private PoolReplay(FunctionSpec spec, KeepAlivePolicy policy, DurationDistribution duration,
            Duration init, boolean queue, long seed) {
        this.spec = spec;
        this.duration = duration;
        this.init = init;
        this.queue = queue;
        this.random = new SplittableRandom(seed);
        this.pool = new InstancePool(spec,
                id -> new TimedInstance(id, init), clock, new WarmestFirst(), policy,
                PoolListener.NONE);
    }

    /**
     * What one replay measured.
     *
     * @param invocations arrivals that ran
     * @param coldStarts of them, those that started an instance
     * @param throttled arrivals refused (with no line)
     * @param waited arrivals that waited in the line for a slot
     * @param meanWaitSeconds the mean wait in the line over all invocations that ran
     * @param meanInFlight the time-average of invocations running
     * @param meanBusyInstances the time-average of instances serving at least one
     * @param bill the invoice total with the given catalog, free tier off
     * @param seconds how long the replay ran in virtual time
     */
    record Result(long invocations, long coldStarts, long throttled, long waited,
            double meanWaitSeconds, double meanInFlight, double meanBusyInstances,
            BigDecimal bill, double seconds) {

        double coldStartRatio() {
            return invocations == 0 ? 0 : (double) coldStarts / invocations;
        }

        double waitedRatio() {
            return invocations == 0 ? 0 : (double) waited / invocations;
        }
    }

    /**
     * Replays arrivals until {@code span}, then lets the runs in flight finish.
     *
     * @param spec the function: memory, concurrency, max instances, keep-alive
     * @param policy the keep-alive policy the pool uses
     * @param arrivals when invocations arrive, in nanoseconds from the start
     * @param duration each run's length, drawn from the seeded random source
     * @param init each cold start's init time
     * @param queue whether refused arrivals wait for a slot instead of being throttled
     * @param span when arrivals stop
     * @param catalog the prices to bill with
     * @param seed the random seed of the durations
     * @return what was measured
     */
    static Result run(FunctionSpec spec, KeepAlivePolicy policy, Arrivals arrivals,
            DurationDistribution duration, Duration init, boolean queue, Duration span,
            PriceCatalog catalog, long seed) {
        PoolReplay replay = new PoolReplay(spec, policy, duration, init, queue, seed);
        return replay.replay(arrivals, span.toNanos(), catalog);
    }

    private Result replay(Arrivals arrivals, long span, PriceCatalog catalog) {
        for (long at = arrivals.next(); at < span; at = arrivals.next()) {
            clock.advanceTo(Instant.EPOCH.plusNanos(at));
            arrive(at);
        }

        // Arrivals stop at the span; the averages are over the span.
        clock.advanceTo(Instant.EPOCH.plusNanos(span));
        account();
        double seconds = span / 1e9;
        return new Result(invocations, coldStarts, throttled, waited,
                invocations == 0 ? 0 : waitSeconds / invocations, inFlightSeconds / seconds,
                busySeconds / seconds, meter.invoice(catalog, false).total(), seconds);
    }

    private void arrive(long at) {
        if (!waiting.isEmpty()) {
            waiting.addLast(new long[] {at});
            return;
        }
        if (!start(at)) {
            if (queue) {
                waiting.addLast(new long[] {at});
            } else {
                throttled++;
            }
        }
    }

    /** Asks the pool for a slot; false when the pool refuses (at its maximum). */
    private boolean start(long arrival) {
        Optional<InstancePool.Lease> lease = pool.acquire();
        if (lease.isEmpty()) return false;
        InstancePool.Lease granted = lease.get();
        long queued = nanos() - arrival;
        if (queued > 0) {
            waited++;
            waitSeconds += queued / 1e9;
        }
        invocations++;
        if (!granted.coldStart()) {
            begin(granted, Duration.ZERO);
            return true;
        }
        coldStarts++;
        clock.schedule(init, () -> {
            try {
                begin(granted, pool.initialize(granted));
            } catch (Exception e) {
                throw new IllegalStateException("a timed instance cannot fail its init", e);
            }
        });
        return true;
    }

    /** The run starts: it holds its slot for a drawn duration, to the nearest millisecond. */
    private void begin(InstancePool.Lease lease, Duration initTook) {
        Duration run = Duration.ofMillis(Math.round(duration.sampleNanos(random) / 1e6));
        meter.record(lease.coldStart()
                ? BillingRecord.cold(NAME, spec.memoryMb(), run, initTook)
                : BillingRecord.warm(NAME, spec.memoryMb(), run));
        account();
        inFlight++;
        busyInstances = busy();
        clock.schedule(run, () -> end(lease));
    }

    private void end(InstancePool.Lease lease) {
        account();
        inFlight--;
        pool.release(lease, false);
        busyInstances = busy();
        while (!waiting.isEmpty() && start(waiting.peekFirst()[0])) waiting.pollFirst();
    }

    /** Adds the time since the last change at the counts that held during it. */
    private void account() {
        long now = nanos();
        double seconds = (now - lastChange) / 1e9;
        inFlightSeconds += inFlight * seconds;
        busySeconds += busyInstances * seconds;
        lastChange = now;
    }

    private int busy() {
        if (spec.maxConcurrency() == 1) return inFlight;
        int busy = 0;
        for (var instance : pool.instances()) if (instance.inFlight() > 0) busy++;
        return busy;
    }

    private long nanos() {
        Duration since = Duration.between(Instant.EPOCH, clock.now());
        return since.toNanos();
    }

    /** An instance whose init takes a given time and whose runs the replay times itself. */
    private record TimedInstance(String id, Duration init) implements FunctionInstance {
        @Override
        public Duration initialize() {
            return init;
        }

        @Override
        public InvocationOutcome invoke(InvocationRequest context, byte[] payload) {
            throw new UnsupportedOperationException("a replay times its runs itself");
        }

        @Override
        public void close() {
        }
    }
}
