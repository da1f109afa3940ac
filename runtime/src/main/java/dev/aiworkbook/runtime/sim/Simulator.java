package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.billing.UsageTally;
import dev.aiworkbook.runtime.dispatch.Activator;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Refusal;
import dev.aiworkbook.runtime.dispatch.ScalingLoop;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.Admission;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.SimulatedInstance;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.AccountConcurrency;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.scaling.KnativeScaleRule;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The discrete-event simulator: the platform's own {@link InstancePool}, keep-alive policy,
 * {@link ScalingLoop} and {@link Activator}, Lambda-mode limits and billing, driven on a
 * {@link VirtualClock} by synthetic or replayed loads.
 *
 * <p>Nothing here decides anything the platform decides: an arrival goes the way the
 * {@link Dispatcher} sends it. In Lambda mode it takes a slot of the account-wide concurrency
 * (when the run has a limit), then asks the pool, which places it on a warm instance, starts
 * a new one within the function's burst limit, or refuses it. In KPA mode it takes a warm slot
 * or waits in the activator, and the platform's scaling loop ticks on the virtual clock. What
 * the simulator adds is time: an instance's init and an invocation's run take virtual time
 * drawn from the function's distributions, and events run in time order, so a simulated day
 * takes seconds. Chapters 03 and 04 run it.
 *
 * <p>Events per invocation: its arrival, the end of a new instance's init when it is cold, and
 * the end of its run. The run's end releases the slot, which arms the keep-alive.
 *
 * <p>Two ways to run, with the same report (see {@code SimulatorShardingTest}). Functions are
 * independent unless an account-wide limit couples them, so a run without one simulates each
 * function alone on a clock of its own, on as many threads as
 * {@link SimulationSettings#threads()} asks, and adds the functions' figures up in their
 * given order. A run with an account-wide limit, or with a listener (which hears events in
 * time order), runs every function on one clock, on one thread. A keep-alive policy must keep
 * what it learns per function, as the platform's do, for the two to agree.
 */
public final class Simulator {

    private static final Instant START = Instant.parse("2019-07-15T00:00:00Z");
    private static final int PROGRESS_STEPS = 100;
    private static final SimulationListener NOBODY = new SimulationListener() { };

    private final SimulationSettings settings;
    private final List<SimulationListener> listeners = new ArrayList<>();
    private SimulationListener listener = NOBODY;

    /** @param settings how the simulations of this simulator run */
    public Simulator(SimulationSettings settings) {
        this.settings = settings;
    }

    /**
     * @param added told of every event of the next runs, in virtual-time order; a run with a
     *     listener runs on one thread
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
     * Runs one simulation, telling {@code progress} about a hundred times how far it is.
     *
     * @param functions the functions and their loads; names must be unique
     * @param progress told how far the run is, from the thread that got there
     * @return the report of the run
     * @throws IllegalArgumentException if there are no functions or two share a name
     */
    public SimulationReport run(List<SimulatedFunction> functions, Progress progress) {
        if (functions.isEmpty()) throw new IllegalArgumentException("functions must not be"
                + " empty: give at least one function to simulate");
        Setup setup = new Setup(functions);
        return isTogether() ? setup.together(progress) : setup.alone(progress);
    }

    /**
     * @param functions how many functions a run has
     * @return how many threads a run of that many functions uses
     */
    public int threadsFor(int functions) {
        return isTogether() ? 1 : settings.shards(functions);
    }

    private boolean isTogether() {
        return listener != NOBODY || settings.accountConcurrency() > 0;
    }

    /** Hears how far a run is. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (simulated, length, invocations) -> { };

        /**
         * @param simulatedNanos how far the run is, as virtual time of its length: the time
         *     reached, or, when functions run alone, the share of their work done
         * @param lengthNanos the run's length
         * @param invocations invocations finished so far
         */
        void at(long simulatedNanos, long lengthNanos, long invocations);
    }

    /** What every way of running shares: the functions, their random streams, the bill. */
    final class Setup {
        final List<SimulatedFunction> functions;
        final SplittableRandom[] randoms;
        final UsageTally tally = new UsageTally(settings.catalog());
        final UsageTally.Account[] accounts;
        final long end = settings.length().toNanos();

        Setup(List<SimulatedFunction> functions) {
            this.functions = functions;
            this.randoms = new SplittableRandom[functions.size()];
            this.accounts = new UsageTally.Account[functions.size()];

            // Streams and accounts in the functions' order, whoever runs them later.
            SplittableRandom root = new SplittableRandom(settings.seed());
            Set<String> names = new HashSet<>();
            for (int i = 0; i < functions.size(); i++) {
                FunctionSpec spec = functions.get(i).spec();
                if (!names.add(spec.name())) {
                    throw new IllegalArgumentException("function names must be unique, \""
                            + spec.name() + "\" is given twice");
                }
                randoms[i] = root.split();
                accounts[i] = tally.account(spec.name(), spec.memoryMb());
            }
        }

        /** Every function on one clock, in time order: listeners and the account see all. */
        SimulationReport together(Progress progress) {
            AccountConcurrency account = settings.accountConcurrency() > 0
                    ? new AccountConcurrency(settings.accountConcurrency()) : null;
            Engine engine = new Engine(settings.keepAlive().policy().get(),
                    new LatencyHistogram(), account, listener);
            List<FunctionRun> runs = new ArrayList<>(functions.size());
            for (int i = 0; i < functions.size(); i++) runs.add(new FunctionRun(engine, this, i));
            engine.run(runs, end, at -> progress.at(at, end, engine.invocations));
            return SimulationReport.of(settings.keepAlive().label(), tally, end, runs,
                    engine.latency);
        }

        /** Each function alone on its own clock, shared out to the threads as they free up. */
        SimulationReport alone(Progress progress) {
            int threads = settings.shards(functions.size());
            FunctionRun[] runs = new FunctionRun[functions.size()];
            LatencyHistogram[] latencies = new LatencyHistogram[threads];
            AtomicInteger next = new AtomicInteger();
            Steps steps = new Steps(progress, functions.size(), end);
            Worker[] workers = new Worker[threads];
            for (int t = 0; t < threads; t++) {
                latencies[t] = new LatencyHistogram();
                workers[t] = new Worker(this, runs, next, latencies[t], steps);
            }
            runAll(workers);
            steps.finished();

            LatencyHistogram latency = new LatencyHistogram();
            for (LatencyHistogram each : latencies) latency.add(each);
            return SimulationReport.of(settings.keepAlive().label(), tally, end,
                    Arrays.asList(runs), latency);
        }

        private void runAll(Worker[] workers) {
            Thread[] threads = new Thread[workers.length - 1];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(workers[t + 1], "simulator-" + (t + 1));
                threads[t].setDaemon(true);
                threads[t].start();
            }
            workers[0].run();
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the simulation ran", e);
                }
            }
            for (Worker worker : workers) {
                if (worker.failure != null) {
                    throw new IllegalStateException("a simulation thread failed: "
                            + worker.failure, worker.failure);
                }
            }
        }
    }

    /** One thread of a run whose functions run alone: takes the next function until none. */
    final class Worker implements Runnable {
        final Setup setup;
        final FunctionRun[] runs;
        final AtomicInteger next;
        final LatencyHistogram latency;
        final Steps steps;
        final KeepAlivePolicy keepAlivePolicy = settings.keepAlive().policy().get();
        Throwable failure;

        Worker(Setup setup, FunctionRun[] runs, AtomicInteger next, LatencyHistogram latency,
                Steps steps) {
            this.setup = setup;
            this.runs = runs;
            this.next = next;
            this.latency = latency;
            this.steps = steps;
        }

        @Override
        public void run() {
            try {
                for (int i = next.getAndIncrement(); i < runs.length;
                        i = next.getAndIncrement()) {
                    Engine engine = new Engine(keepAlivePolicy, latency, null, NOBODY);
                    FunctionRun run = new FunctionRun(engine, setup, i);
                    long[] seen = {0};
                    engine.run(List.of(run), setup.end, at -> {
                        steps.stepped(engine.invocations - seen[0]);
                        seen[0] = engine.invocations;
                    });
                    runs[i] = run;
                }
            } catch (RuntimeException | Error e) {
                failure = e;
                next.set(runs.length);
            }
        }
    }

    /** Progress of functions that run alone: the share of their steps done, in all. */
    static final class Steps {
        private final Progress progress;
        private final long total;
        private final long end;
        private long done;
        private long invocations;
        private long shownPercent = -1;

        Steps(Progress progress, int functions, long end) {
            this.progress = progress;
            this.total = (long) functions * PROGRESS_STEPS;
            this.end = end;
        }

        synchronized void stepped(long newInvocations) {
            done++;
            invocations += newInvocations;
            long percent = 100 * done / total;
            // The last word, 100%, comes once every thread is done.
            if (percent == shownPercent || percent >= 100) return;
            shownPercent = percent;
            progress.at((long) ((double) end * done / total), end, invocations);
        }

        synchronized void finished() {
            progress.at(end, end, invocations);
        }
    }

    /** One virtual clock and the functions on it, with what they share. */
    static final class Engine {
        final VirtualClock clock = new VirtualClock(START);
        final KeepAlivePolicy keepAlivePolicy;
        final LatencyHistogram latency;
        final AccountConcurrency account;
        final SimulationListener listener;
        long invocations;

        Engine(KeepAlivePolicy keepAlivePolicy, LatencyHistogram latency,
                AccountConcurrency account, SimulationListener listener) {
            this.keepAlivePolicy = keepAlivePolicy;
            this.latency = latency;
            this.account = account;
            this.listener = listener;
        }

        /** Runs to the end in a hundred steps, telling {@code step} after each. */
        void run(List<FunctionRun> runs, long end, LongConsumer step) {
            for (FunctionRun run : runs) run.scheduleNextArrival();

            // Arrivals stop at the end; the invocations still running then may finish.
            long width = Math.max(1, end / PROGRESS_STEPS);
            for (long at = width; at < end; at += width) {
                clock.advanceToNanos(at);
                step.accept(at);
            }
            clock.advanceToNanos(end);

            // Instances still loaded leave at the end, or once their function's last
            // invocation has finished: each function's own end, however many share the clock.
            List<FunctionRun> busy = new ArrayList<>();
            for (FunctionRun run : runs) {
                if (run.inFlight > 0) {
                    busy.add(run);
                } else {
                    run.unloadAll();
                }
            }
            while (!busy.isEmpty()) {
                clock.advanceToNanos(clock.nextDueNanos());
                busy.removeIf(FunctionRun::unloadIfDone);
            }
            step.accept(end);
        }
    }

    /** Why an invocation was refused: the field of the limit, as the platform's refusals say. */
    enum Throttle {
        MAX_INSTANCES("maxInstances"),
        BURST_LIMIT("burstLimit"),
        ACCOUNT_CONCURRENCY("accountConcurrency"),
        ACTIVATOR_CAPACITY("activatorCapacity"),
        ACTIVATOR_TIMEOUT("activatorTimeout");

        final String field;

        Throttle(String field) {
            this.field = field;
        }

        static Throttle of(Admission.Refusal refusal) {
            return refusal == Admission.Refusal.BURST_LIMIT ? BURST_LIMIT : MAX_INSTANCES;
        }

        static Throttle of(Refusal refusal) {
            for (Throttle t : values()) {
                if (t.field.equals(refusal.field())) return t;
            }
            throw new IllegalStateException("the activator refused for an unknown reason: "
                    + refusal.field());
        }
    }

    /** One function in one run: its pool, its load and its counters. */
    final class FunctionRun implements Runnable, PoolListener {
        final Engine engine;
        final VirtualClock clock;
        final String name;
        final String app;
        final int memoryMb;
        final SimulatedFunction function;
        final SplittableRandom random;
        final InstancePool pool;
        final UsageTally.Account bill;
        final AccountConcurrency account;
        final Activator activator;
        final ScalingLoop loop;
        final long end;
        final long[] throttledBy = new long[Throttle.values().length];
        long nextArrival;
        long inFlight;
        long invocations;
        long coldStarts;
        long throttled;
        long instancesStarted;
        long idleNanos;
        boolean ending;

        FunctionRun(Engine engine, Setup setup, int index) {
            SimulatedFunction given = setup.functions.get(index);
            FunctionSpec spec = deployed(given.spec());
            boolean kpa = spec.autoscaling().scaler() == AutoscalingSpec.Scaler.KPA;
            this.engine = engine;
            this.clock = engine.clock;
            this.name = spec.name();
            this.app = given.app();
            this.memoryMb = spec.memoryMb();
            this.function = given;
            this.random = setup.randoms[index];
            this.end = setup.end;
            DurationDistribution init = given.init();
            SplittableRandom draws = random;
            this.pool = new InstancePool(spec, id -> new SimulatedInstance(id,
                    () -> init.sampleNanos(draws), () -> 0L, memoryMb), clock,
                    new WarmestFirst(), engine.keepAlivePolicy, this,
                    Dispatcher.coldStartGate(spec.autoscaling()));
            this.bill = setup.accounts[index];
            this.account = kpa ? null : engine.account;

            // KPA mode: the activator and scaling loop the dispatcher gives such a function.
            AutoscalingSpec scaling = spec.autoscaling();
            this.activator = kpa ? Activator.attach(name, pool, clock,
                    scaling.activatorCapacity(), scaling.activatorTimeout()) : null;
            this.loop = kpa ? new ScalingLoop(pool, activator::waiting, clock,
                    new KnativeScaleRule(), ScalingLoop.Listener.NONE) : null;
        }

        /** The function as this run deploys it: its keep-alive, scaler and burst limit. */
        private FunctionSpec deployed(FunctionSpec spec) {
            AutoscalingSpec scaling = spec.autoscaling().withScaler(settings.scaler());
            if (settings.burstLimit() > 0) scaling = scaling.withBurstLimit(settings.burstLimit());
            return spec.withKeepAlive(settings.keepAlive().keepAlive()).withAutoscaling(scaling);
        }

        void scheduleNextArrival() {
            nextArrival = function.arrivals().next();
            if (nextArrival < end) clock.scheduleAt(nextArrival, this);
        }

        /** An arrival: the dispatcher's path for the function's scaler. */
        @Override
        public void run() {
            long arrival = nextArrival;
            scheduleNextArrival();
            inFlight++;
            if (loop != null) {
                arriveScaled(arrival);
            } else {
                arriveOnDemand(arrival);
            }
        }

        /** Lambda mode, as the dispatcher: the account's concurrency, then the pool's limits. */
        private void arriveOnDemand(long arrival) {
            if (account != null && !account.tryAcquire()) {
                refuse(arrival, Throttle.ACCOUNT_CONCURRENCY);
                return;
            }
            Admission admission = pool.admit();
            if (admission instanceof InstancePool.Lease lease) {
                start(lease, arrival, arrival);
                return;
            }
            if (account != null) account.release();
            refuse(arrival, Throttle.of((Admission.Refusal) admission));
        }

        /** KPA mode, as the dispatcher: a warm slot, else the activator and a wake-up. */
        private void arriveScaled(long arrival) {
            if (activator.waiting() == 0) {
                Optional<InstancePool.Lease> warm = pool.acquireWarm();
                if (warm.isPresent()) {
                    start(warm.get(), arrival, arrival);
                    return;
                }
            }
            activator.submit(new Waiting(this, arrival));
            pool.startIfNone();
            loop.wake();
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
            clock.scheduleNanos(call.initNanos, call);
        }

        void refuse(long at, Throttle why) {
            inFlight--;
            throttled++;
            throttledBy[why.ordinal()]++;
            engine.listener.throttled(name, at, why.field);
        }

        @Override
        public void started(String function, InstanceView view, Duration init) {
            instancesStarted++;
            engine.listener.instanceStarted(name, clock.elapsedNanos(), init.toNanos());
        }

        @Override
        public void reclaimed(String function, InstanceView view, String reason,
                Duration idle) {
            long nanos = idle.toNanos();
            idleNanos += nanos;
            engine.listener.instanceReclaimed(name, clock.elapsedNanos(),
                    ending ? "end" : reason, nanos, memoryMb);
        }

        /** @return true, unloading it, if nothing of this function is in flight */
        boolean unloadIfDone() {
            if (inFlight > 0) return false;
            unloadAll();
            return true;
        }

        /** The run is over: the instances still loaded go, their idle time counted. */
        void unloadAll() {
            ending = true;
            if (loop != null) loop.stop();
            pool.drain();
        }

        void finished(Call call, long now) {
            pool.release(call.lease, false);
            if (account != null) account.release();
            long duration = now - call.start;
            bill.record(duration, call.cold ? call.initNanos : 0);
            engine.latency.record(now - call.arrival);
            invocations++;
            engine.invocations++;
            inFlight--;
            if (call.cold) coldStarts++;
            engine.listener.invoked(name, call.arrival, call.start, now, call.cold);
        }
    }

    /** An invocation waiting in the activator (KPA mode) for a slot. */
    record Waiting(FunctionRun run, long arrival) implements Activator.Waiter {
        @Override
        public void granted(InstancePool.Lease lease, Duration waited) {
            run.start(lease, arrival, run.clock.elapsedNanos());
        }

        @Override
        public void refused(Refusal refusal) {
            run.refuse(run.clock.elapsedNanos(), Throttle.of(refusal));
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
            long now = run.clock.elapsedNanos();
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
            run.clock.scheduleNanos(duration, this);
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
