package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.billing.UsageTally;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Simplification: the pool grows on demand, one instance per invocation that finds no free
 * slot, and refuses once at the function's maximum instances; the concurrency autoscaler and
 * the activator's buffer are not driven yet.
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
            long last = Math.max(end, clock.elapsedNanos());
            for (FunctionRun run : runs) run.unloadAll(last);
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
        final Map<String, SimInstance> loaded = new HashMap<>();
        long nextArrival;
        long invocations;
        long coldStarts;
        long throttled;
        int inFlight;

        FunctionRun(Engine engine, SimulatedFunction function, SplittableRandom random) {
            FunctionSpec spec = function.spec().withKeepAlive(settings.keepAlive().keepAlive());
            this.engine = engine;
            this.name = spec.name();
            this.app = function.app();
            this.memoryMb = spec.memoryMb();
            this.function = function;
            this.random = random;
            this.pool = new InstancePool(spec, this::create, engine.clock, new WarmestFirst(),
                    engine.keepAlivePolicy, this);
            this.account = engine.tally.account(name, memoryMb);
        }

        void scheduleNextArrival() {
            nextArrival = function.arrivals().next();
            if (nextArrival < engine.end) engine.clock.scheduleAt(nextArrival, this);
        }

        /** An arrival: ask the pool for a slot, as the dispatcher does. */
        @Override
        public void run() {
            long now = nextArrival;
            engine.keepAlivePolicy.invoked(name, engine.clock.now());
            Optional<InstancePool.Lease> lease = pool.acquire();
            if (lease.isEmpty()) {
                throttled++;
                engine.throttled++;
                listener.throttled(name, now, "maxInstances");
            } else {
                Call call = new Call(this, lease.get(), now);
                inFlight++;
                engine.inFlight++;
                if (call.cold) {
                    engine.clock.scheduleNanos(call.instance.initNanos(), call);
                } else {
                    call.begin(now);
                }
            }
            scheduleNextArrival();
        }

        private SimInstance create(String id) {
            SimInstance instance = new SimInstance(id, function.init().sampleNanos(random));
            loaded.put(id, instance);
            return instance;
        }

        @Override
        public void started(String function, InstanceView view, Duration init) {
            long now = engine.clock.elapsedNanos();
            loaded.get(view.id()).ready(now);
            engine.instancesStarted++;
            listener.instanceStarted(name, now, init.toNanos());
        }

        @Override
        public void reclaimed(String function, InstanceView view, String reason) {
            unload(loaded.remove(view.id()), engine.clock.elapsedNanos(), reason);
        }

        void unloadAll(long at) {
            for (SimInstance instance : loaded.values()) unload(instance, at, "end");
            loaded.clear();
        }

        private void unload(SimInstance instance, long at, String reason) {
            long idle = instance.idleNanos(at);
            engine.wastedMbNanos += (double) idle * memoryMb;
            listener.instanceReclaimed(name, at, reason, idle, memoryMb);
        }

        void finished(Call call, long now) {
            call.instance.end(now);
            pool.release(call.lease, false);
            long duration = now - call.start;
            account.record(duration, call.cold ? call.instance.initNanos() : 0);
            engine.latency.record(now - call.arrival);
            invocations++;
            engine.invocations++;
            engine.inFlight--;
            if (call.cold) {
                coldStarts++;
                engine.coldStarts++;
            }
            if (--inFlight == 0) engine.keepAlivePolicy.idle(name, engine.clock.now());
            listener.invoked(name, call.arrival, call.start, now, call.cold);
        }
    }

    /** One invocation in flight: its first event ends a cold start's init, the next its run. */
    static final class Call implements Runnable {
        final FunctionRun run;
        final InstancePool.Lease lease;
        final SimInstance instance;
        final long arrival;
        final boolean cold;
        long start = -1;

        Call(FunctionRun run, InstancePool.Lease lease, long arrival) {
            this.run = run;
            this.lease = lease;
            this.instance = (SimInstance) lease.instance();
            this.arrival = arrival;
            this.cold = lease.coldStart();
        }

        @Override
        public void run() {
            long now = run.engine.clock.elapsedNanos();
            if (start >= 0) {
                run.finished(this, now);
                return;
            }
            try {
                run.pool.initialize(lease);
            } catch (InitException e) {
                throw new IllegalStateException("a simulated instance cannot fail its init", e);
            }
            begin(now);
        }

        void begin(long now) {
            start = now;
            instance.begin(now);
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
