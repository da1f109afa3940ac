package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.billing.UsageTally;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.dispatch.Activator;
import dev.aiworkbook.runtime.dispatch.Refusal;
import dev.aiworkbook.runtime.instance.Admission;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.SimulatedInstance;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The discrete-event simulator: the platform's own {@link InstancePool}, keep-alive policy and
 * billing driven on a {@link VirtualClock} by synthetic or replayed loads.
 *
 * <p>Nothing here decides anything the platform decides: an arrival asks the pool for a slot
 * exactly as the dispatcher does, and the pool places it on a warm instance, starts a new one,
 * or throttles; the pool's keep-alive timers reclaim idle instances on the virtual clock; the
 * billing rules round every run. What the simulator adds is time: an instance's init and an
 * invocation's run take virtual time drawn from the function's distributions, and events run
 * in time order, so a simulated day takes seconds. Chapters 03 and 04 run it.
 *
 * <p>Events per invocation: its arrival, the end of a new instance's init when it is cold, and
 * the end of its run. The run's end releases the slot, which arms the keep-alive.
 *
 * <p>Two scalers, as the platform has: {@link SimulationSettings.Scaler#LAMBDA on demand}
 * (the pool starts one instance per invocation that finds no free slot, and refuses at the
 * function's maximum), or {@link SimulationSettings.Scaler#KPA the concurrency autoscaler}
 * ({@link KpaLoop}: the {@code ConcurrencyScaler} decides every tick, the pool starts and
 * reclaims instances, and arrivals without a free slot wait in the platform's
 * {@code Activator}).
 */
public final class Simulator {

    private static final Instant START = Instant.parse("2019-07-15T00:00:00Z");
    private static final int PROGRESS_STEPS = 100;

    private final SimulationSettings settings;
    private final List<SimulationListener> listeners = new ArrayList<>();
    private SimulationListener listener = new SimulationListener() { };

    /** @param settings how the simulations of this simulator run */
    public Simulator(SimulationSettings settings) {
        this.settings = settings;
    }

    /**
     * @param added told of every event of the next runs, in virtual-time order
     * @return this simulator
     */
    public Simulator addListener(SimulationListener added) {
        listeners.add(added);
        listener = listeners.size() == 1 ? added : new Fanout(List.copyOf(listeners));
        return this;
    }

    /**
     * Runs one simulation.
     *
     * @param functions the functions and their loads; names must be unique
     * @return the report of the run
     * @throws IllegalArgumentException if there are no functions or two share a name
     */
    public SimulationReport run(List<SimulatedFunction> functions) {
        return run(functions, Progress.NONE);
    }

    /**
     * Runs one simulation, telling {@code progress} a hundred times as virtual time passes.
     *
     * @param functions the functions and their loads; names must be unique
     * @param progress told how far the run is
     * @return the report of the run
     * @throws IllegalArgumentException if there are no functions or two share a name
     */
    public SimulationReport run(List<SimulatedFunction> functions, Progress progress) {
        if (functions.isEmpty()) throw new IllegalArgumentException("functions must not be"
                + " empty: give at least one function to simulate");
        Engine engine = new Engine(functions);
        return engine.run(progress);
    }

    /** Hears how far a run is. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (simulated, length, invocations) -> { };

        /**
         * @param simulatedNanos virtual time reached
         * @param lengthNanos the run's length
         * @param invocations invocations finished so far
         */
        void at(long simulatedNanos, long lengthNanos, long invocations);
    }

    /** One run's state: the clock, the functions, the totals. */
    final class Engine {
        final VirtualClock clock = new VirtualClock(START);
        final SplittableRandom random = new SplittableRandom(settings.seed());
        final KeepAlivePolicy keepAlivePolicy = settings.keepAlive().policy().get();
        final UsageTally tally = new UsageTally(settings.catalog());
        final LatencyHistogram latency = new LatencyHistogram();
        final long end = settings.length().toNanos();
        final List<FunctionRun> runs;
        long inFlight;
        long invocations;
        long coldStarts;
        long throttled;
        long instancesStarted;
        double wastedMbNanos;

        String keepAlive() {
            return settings.keepAlive().label();
        }

        Engine(List<SimulatedFunction> functions) {
            Map<String, FunctionRun> byName = new HashMap<>();
            runs = new ArrayList<>(functions.size());
            for (SimulatedFunction function : functions) {
                FunctionRun run = new FunctionRun(this, function, random.split());
                if (byName.put(run.name, run) != null) {
                    throw new IllegalArgumentException("function names must be unique, \""
                            + run.name + "\" is given twice");
                }
                runs.add(run);
            }
        }

        SimulationReport run(Progress progress) {
            for (FunctionRun run : runs) run.scheduleNextArrival();

            // Arrivals stop at the end; the invocations still running then may finish.
            long step = Math.max(1, end / PROGRESS_STEPS);
            for (long at = step; at < end; at += step) {
                clock.advanceToNanos(at);
                progress.at(at, end, invocations);
            }
            clock.advanceToNanos(end);
            while (inFlight > 0) clock.advanceToNanos(clock.nextDueNanos());
            progress.at(end, end, invocations);

            // Instances still loaded leave at the end; their idle time counts up to then.
            for (FunctionRun run : runs) run.unloadAll();
            return SimulationReport.of(this, runs);
        }
    }

    /** One function in one run: its pool, its load and its counters. */
    final class FunctionRun implements Runnable, PoolListener {
        final Engine engine;
        final String name;
        final String app;
        final int memoryMb;
        final SimulatedFunction function;
        final SplittableRandom random;
        final InstancePool pool;
        final UsageTally.Account account;
        final KpaLoop kpa;
        long nextArrival;
        long invocations;
        long coldStarts;
        long throttled;
        boolean ending;

        FunctionRun(Engine engine, SimulatedFunction function, SplittableRandom random) {
            FunctionSpec spec = function.spec().withKeepAlive(settings.keepAlive().keepAlive());
            this.engine = engine;
            this.name = spec.name();
            this.app = function.app();
            this.memoryMb = spec.memoryMb();
            this.function = function;
            this.random = random;
            DurationDistribution init = function.init();
            this.pool = new InstancePool(spec, id -> new SimulatedInstance(id,
                    () -> init.sampleNanos(random), () -> 0L, memoryMb), engine.clock,
                    new WarmestFirst(), engine.keepAlivePolicy, this);
            this.account = engine.tally.account(name, memoryMb);
            this.kpa = settings.scaler() == SimulationSettings.Scaler.KPA
                    ? new KpaLoop(name, pool, engine.clock, settings.kpa()) : null;
        }

        void scheduleNextArrival() {
            nextArrival = function.arrivals().next();
            if (nextArrival < engine.end) engine.clock.scheduleAt(nextArrival, this);
        }

        /** An arrival: ask for a slot, as the dispatcher does in the scaler's mode. */
        @Override
        public void run() {
            long arrival = nextArrival;
            scheduleNextArrival();
            engine.inFlight++;
            if (kpa != null) {
                kpa.arrive(new Waiting(this, arrival));
                return;
            }
            Admission admission = pool.admit();
            if (admission instanceof InstancePool.Lease lease) {
                start(lease, arrival, arrival);
            } else {
                refuse(arrival, ((Admission.Refusal) admission).name());
            }
        }

        /** A lease for an invocation that arrived at {@code arrival}: init if new, then run. */
        void start(InstancePool.Lease lease, long arrival, long now) {
            Call call = new Call(this, lease, arrival);
            if (!lease.needsInitialize()) {
                call.begin(now);
                return;
            }
            try {
                call.initNanos = pool.initialize(lease).toNanos();
            } catch (InitException e) {
                throw new IllegalStateException("a simulated instance cannot fail its init", e);
            }
            engine.clock.scheduleNanos(call.initNanos, call);
        }

        void refuse(long at, String reason) {
            engine.inFlight--;
            throttled++;
            engine.throttled++;
            listener.throttled(name, at, reason);
        }

        @Override
        public void started(String function, InstanceView view, Duration init) {
            engine.instancesStarted++;
            listener.instanceStarted(name, engine.clock.elapsedNanos(), init.toNanos());
        }

        @Override
        public void reclaimed(String function, InstanceView view, String reason,
                Duration idle) {
            long idleNanos = idle.toNanos();
            engine.wastedMbNanos += (double) idleNanos * memoryMb;
            listener.instanceReclaimed(name, engine.clock.elapsedNanos(),
                    ending ? "end" : reason, idleNanos, memoryMb);
        }

        /** The run is over: the instances still loaded go, their idle time counted. */
        void unloadAll() {
            ending = true;
            if (kpa != null) kpa.stop();
            pool.drain();
        }

        void finished(Call call, long now) {
            pool.release(call.lease, false);
            long duration = now - call.start;
            account.record(duration, call.cold ? call.initNanos : 0);
            engine.latency.record(now - call.arrival);
            invocations++;
            engine.invocations++;
            engine.inFlight--;
            if (call.cold) {
                coldStarts++;
                engine.coldStarts++;
            }
            listener.invoked(name, call.arrival, call.start, now, call.cold);
        }
    }

    /** An invocation waiting in the activator (KPA mode) for a slot. */
    record Waiting(FunctionRun run, long arrival) implements Activator.Waiter {
        @Override
        public void granted(InstancePool.Lease lease, Duration waited) {
            run.start(lease, arrival, run.engine.clock.elapsedNanos());
        }

        @Override
        public void refused(Refusal refusal) {
            run.refuse(run.engine.clock.elapsedNanos(), refusal.field());
        }
    }

    /** One invocation in flight: its first event ends a cold start's init, the next its run. */
    static final class Call implements Runnable {
        final FunctionRun run;
        final InstancePool.Lease lease;
        final long arrival;
        final boolean cold;
        long initNanos;
        long start = -1;

        Call(FunctionRun run, InstancePool.Lease lease, long arrival) {
            this.run = run;
            this.lease = lease;
            this.arrival = arrival;
            this.cold = lease.coldStart();
        }

        @Override
        public void run() {
            long now = run.engine.clock.elapsedNanos();
            if (start >= 0) {
                run.finished(this, now);
            } else {
                begin(now);
            }
        }

        void begin(long now) {
            start = now;
            if (cold && initNanos == 0) initNanos = lease.initDuration().toNanos();
            long duration = run.function.duration().sampleNanos(run.random);
            run.engine.clock.scheduleNanos(duration, this);
        }
    }

    /** Several listeners as one. */
    private record Fanout(List<SimulationListener> all) implements SimulationListener {
        @Override
        public void invoked(String function, long arrival, long start, long end,
                boolean coldStart) {
            for (SimulationListener l : all) l.invoked(function, arrival, start, end, coldStart);
        }

        @Override
        public void throttled(String function, long at, String reason) {
            for (SimulationListener l : all) l.throttled(function, at, reason);
        }

        @Override
        public void instanceStarted(String function, long at, long init) {
            for (SimulationListener l : all) l.instanceStarted(function, at, init);
        }

        @Override
        public void instanceReclaimed(String function, long at, String reason, long idle,
                int memoryMb) {
            for (SimulationListener l : all) {
                l.instanceReclaimed(function, at, reason, idle, memoryMb);
            }
        }
    }
}
