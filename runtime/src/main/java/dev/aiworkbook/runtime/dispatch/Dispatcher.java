package dev.aiworkbook.runtime.dispatch;

import dev.aiworkbook.runtime.billing.MeteringRule;
import dev.aiworkbook.runtime.billing.StandardMeteringRule;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionError;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.instance.ClassLoaderInstance;
import dev.aiworkbook.runtime.instance.InitException;
import dev.aiworkbook.runtime.instance.InstanceKind;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.InvocationOutcome;
import dev.aiworkbook.runtime.instance.InvocationRequest;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.instance.StartPolicy;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.instance.Admission;
import dev.aiworkbook.runtime.instance.ColdStartGate;
import dev.aiworkbook.runtime.scaling.AccountConcurrency;
import dev.aiworkbook.runtime.scaling.BurstLimit;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicies;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.scaling.KnativeScaleRule;
import dev.aiworkbook.runtime.scaling.ScaleRule;
import dev.aiworkbook.runtime.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of every invocation: find the function, place the invocation on a warm or new
 * instance (or throttle it), run it under its deadline, record it, and tell the listeners.
 *
 * <p>Each function scales as its {@link AutoscalingSpec} says (chapter 03). Lambda mode: a
 * new instance per invocation that finds no free slot, within the burst limit, and every
 * function within the account's concurrency; over a limit, 429. KPA mode: an invocation with
 * no free slot waits in the function's {@link Activator} (429 when it is full, 503 after its
 * timeout) while a {@link ScalingLoop} starts instances ahead of demand; an arrival that finds
 * no instance at all starts one at once.
 *
 * <p>Triggers turn their events into an {@link Invocation} and call {@link #invoke}; nothing
 * else starts a handler. Asynchronous invocations are queued and retried here too, and end
 * in the dead-letter list when every attempt fails. Chapters 01 and 02 drive it directly.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** REPORT lines go to their own logger, so a server can show them and a benchmark not. */
    private static final Logger REPORT = LoggerFactory.getLogger("faas.report");
    private static final byte[] EMPTY = new byte[0];
    private static final Duration MS = Duration.ofMillis(1);

    private final Clock clock;
    private final StartPolicy startPolicy;
    private final KeepAlivePolicy keepAlivePolicy;
    private final AsyncSettings async;
    private final InstanceKind instances;
    private final MeteringRule metering = new StandardMeteringRule();
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<PoolListener> poolListeners = new CopyOnWriteArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor eventRunner;
    private final AccountConcurrency account;
    private final ScaleRule scaleRule;
    private final ScalingLoop.Listener scalingListener;
    private final Map<String, Kpa> kpa = new ConcurrentHashMap<>();

    private Dispatcher(Builder builder) {
        this.clock = builder.clock;
        this.account = new AccountConcurrency(builder.accountConcurrency);
        this.scaleRule = builder.scaleRule;
        this.scalingListener = builder.scalingListener;
        this.startPolicy = builder.startPolicy;
        this.keepAlivePolicy = builder.keepAlivePolicy;
        this.async = builder.async;
        this.instances = builder.instances;
        this.eventRunner = new ThreadPoolExecutor(builder.eventWorkers, builder.eventWorkers,
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "faas-event");
                    thread.setDaemon(true);
                    return thread;
                });
        eventRunner.allowCoreThreadTimeOut(true);
        Json.warmUp();
        if (instances == InstanceKind.CLASS_LOADER) ClassLoaderInstance.warmUp();
    }

    /**
     * A dispatcher with the platform's defaults on the given clock.
     *
     * @param clock the platform's time
     * @return the dispatcher
     */
    public static Dispatcher on(Clock clock) {
        return builder(clock).build();
    }

    /**
     * Starts configuring a dispatcher.
     *
     * @param clock the platform's time
     * @return a builder with the platform's defaults
     */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /**
     * Deploys a function, or a new version of it. Its minimum instances are initialised
     * before it takes traffic; invocations still running on an older version finish there.
     *
     * @param spec the function's configuration
     * @param code where its classes come from
     * @return the new deployment
     */
    public Deployment deploy(FunctionSpec spec, FunctionCode code) {
        int version = versions.computeIfAbsent(spec.name(), n -> new AtomicInteger())
                .incrementAndGet();
        AutoscalingSpec scaling = spec.autoscaling();
        ColdStartGate gate = coldStartGate(scaling);
        InstancePool pool = new InstancePool(spec, instances.factory(spec, version, code),
                clock, startPolicy, keepAlivePolicyOf(spec), new PoolEvents(), gate);
        Deployment deployment = new Deployment(spec, code, version, clock.now(), pool);
        Kpa scaler = scaling.scaler() == AutoscalingSpec.Scaler.KPA ? kpaOf(pool) : null;
        int failed = pool.provision();
        if (failed > 0) {
            LOG.warn("function={} version={} {} of {} provisioned instances failed to start",
                    spec.name(), version, failed, spec.minInstances());
        }
        Deployment previous = deployments.put(spec.name(), deployment);
        Kpa replaced = scaler == null ? kpa.remove(spec.name()) : kpa.put(spec.name(), scaler);
        if (replaced != null) replaced.loop().stop();
        if (scaler != null && spec.minInstances() > 0) scaler.loop().wake();
        if (previous != null) previous.pool().drain();
        LOG.info("function={} version={} deployed from {}", spec.name(), version, code);
        return deployment;
    }

    /**
     * The gate a function's cold starts on demand pass: in Lambda mode its burst limit, new
     * per deployment; in KPA mode none, since the scaling loop starts instances. The
     * simulator deploys its functions with the same gate.
     *
     * @param scaling the function's autoscaling knobs
     * @return a fresh gate for one pool
     */
    public static ColdStartGate coldStartGate(AutoscalingSpec scaling) {
        return scaling.scaler() == AutoscalingSpec.Scaler.LAMBDA
                ? new BurstLimit(scaling.burstLimit(), AutoscalingSpec.BURST_WINDOW)
                : ColdStartGate.OPEN;
    }

    /**
     * Removes a function; its running invocations finish, then its instances close.
     *
     * @param name the function's name
     * @return the deployment that was removed
     * @throws FunctionNotFoundException if no such function is deployed
     */
    public Deployment undeploy(String name) {
        Deployment removed = deployments.remove(name);
        if (removed == null) throw new FunctionNotFoundException(name, deployments.keySet());
        Kpa scaler = kpa.remove(name);
        if (scaler != null) scaler.loop().stop();
        removed.pool().drain();
        LOG.info("function={} version={} undeployed", name, removed.version());
        return removed;
    }

    /** @return the deployed functions, by name */
    public List<Deployment> functions() {
        return deployments.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /**
     * Looks up a deployed function.
     *
     * @param name the function's name
     * @return its current deployment, if any
     */
    public Optional<Deployment> function(String name) {
        return Optional.ofNullable(deployments.get(name));
    }

    /**
     * Runs, queues or dry-runs an invocation, as its type says.
     *
     * @param invocation what to run
     * @return the result; ACCEPTED at once for an event, DRY_RUN for a dry run
     * @throws FunctionNotFoundException if the function is not deployed
     */
    public InvocationResult invoke(Invocation invocation) {
        Deployment deployment = current(invocation.function());
        return switch (invocation.type()) {
            case REQUEST_RESPONSE -> run(invocation, deployment);
            case EVENT -> accept(invocation);
            case DRY_RUN -> new InvocationResult(invocation.requestId(),
                    InvocationResult.Status.DRY_RUN, EMPTY, Optional.empty(), "");
        };
    }

    /** @param listener told of every finished invocation */
    public void addListener(InvocationListener listener) {
        listeners.add(listener);
    }

    /** @param listener told when instances start and are reclaimed */
    public void addPoolListener(PoolListener listener) {
        poolListeners.add(listener);
    }

    /** @return the asynchronous invocations that failed every attempt, oldest first */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /**
     * Finds one dead letter.
     *
     * @param requestId the id the invocation was accepted with
     * @return the dead letter, if that invocation ended there
     */
    public Optional<DeadLetter> deadLetter(String requestId) {
        return deadLetters.stream()
                .filter(d -> d.invocation().requestId().equals(requestId)).findFirst();
    }

    /** @return how many asynchronous invocations are waiting or running */
    public int pendingEvents() {
        return eventRunner.getQueue().size() + eventRunner.getActiveCount();
    }

    public Clock clock() {
        return clock;
    }

    /** Drains every function and stops the event runner. */
    @Override
    public void close() {
        for (Kpa scaler : List.copyOf(kpa.values())) scaler.loop().stop();
        kpa.clear();
        for (Deployment deployment : List.copyOf(deployments.values())) {
            deployments.remove(deployment.name());
            deployment.pool().drain();
        }
        eventRunner.shutdownNow();
    }

    private Deployment current(String name) {
        Deployment deployment = deployments.get(name);
        if (deployment == null) throw new FunctionNotFoundException(name, deployments.keySet());
        return deployment;
    }

    private InvocationResult run(Invocation invocation, Deployment deployment) {
        if (deployment.spec().autoscaling().scaler() == AutoscalingSpec.Scaler.KPA) {
            return runScaled(invocation, deployment, clock.now());
        }
        if (!account.tryAcquire()) return refused(invocation, accountFull());
        try {
            return runOnDemand(invocation, deployment, clock.now());
        } finally {
            account.release();
        }
    }

    /** Lambda mode: a warm slot, else a new instance within the limits, else 429. */
    private InvocationResult runOnDemand(Invocation invocation, Deployment deployment,
            Instant startedAt) {
        // A redeploy may drain the pool between lookup and admission: then use the new version.
        Admission admission;
        try {
            admission = deployment.pool().admit();
        } catch (IllegalStateException draining) {
            return runOnDemand(invocation, current(invocation.function()), startedAt);
        }
        if (admission instanceof InstancePool.Lease lease) {
            return runOn(lease, invocation, deployment, startedAt);
        }
        return refused(invocation, limitReached((Admission.Refusal) admission, deployment));
    }

    /** KPA mode: a warm slot, else a wait in the activator while instances start. */
    private InvocationResult runScaled(Invocation invocation, Deployment deployment,
            Instant startedAt) {
        Kpa scaler = kpa.get(deployment.name());
        if (scaler == null || scaler.pool() != deployment.pool()) {
            Deployment now = current(invocation.function());
            if (now == deployment) throw new IllegalStateException("function " + now.name()
                    + " runs in KPA mode but has no scaling loop");
            return run(invocation, now);
        }
        Optional<InstancePool.Lease> warm = Optional.empty();
        try {
            // Waiters come first: a new arrival jumps no queue.
            if (scaler.activator().waiting() == 0) warm = deployment.pool().acquireWarm();
        } catch (IllegalStateException draining) {
            return run(invocation, current(invocation.function()));
        }
        if (warm.isPresent()) return runOn(warm.get(), invocation, deployment, startedAt);

        Handoff handoff = new Handoff(deployment.pool());
        scaler.activator().submit(handoff);
        deployment.pool().startIfNone();
        scaler.loop().wake();
        Duration guard = scaler.activator().timeout().plus(Duration.ofSeconds(10));
        Handoff.Outcome outcome = handoff.await(guard);
        if (outcome.lease() == null) return refused(invocation, outcome.refusal());
        return runOn(outcome.lease(), invocation, deployment, startedAt);
    }

    private InvocationResult runOn(InstancePool.Lease lease, Invocation invocation,
            Deployment deployment, Instant startedAt) {
        FunctionSpec spec = deployment.spec();
        StringBuilder log = new StringBuilder();

        // A cold start runs the init phase first; if it fails, the invocation fails with it.
        Duration init = lease.coldStart() ? lease.initDuration() : Duration.ZERO;
        if (lease.needsInitialize()) {
            long before = System.nanoTime();
            try {
                init = deployment.pool().initialize(lease);
            } catch (InitException e) {
                Duration took = Duration.ofNanos(System.nanoTime() - before);
                return initFailed(invocation, deployment, lease, e, took, startedAt);
            }
        }

        // The invoke phase, under the deadline; a timed-out instance is never used again.
        InvocationOutcome outcome = lease.instance().invoke(
                new InvocationRequest(invocation.requestId(), spec.timeout(), log),
                invocation.payload());
        lease.pool().release(lease, outcome.kind() == InvocationOutcome.Kind.TIMEOUT);

        InvocationResult.Status status = switch (outcome.kind()) {
            case SUCCESS -> InvocationResult.Status.SUCCESS;
            case FUNCTION_ERROR -> InvocationResult.Status.FUNCTION_ERROR;
            case TIMEOUT -> InvocationResult.Status.TIMED_OUT;
        };
        InvocationRecord record = new InvocationRecord(invocation.requestId(), spec.name(),
                deployment.version(), lease.instanceId(), lease.coldStart(), init,
                outcome.duration(), metering.billedDuration(outcome.duration(), MS, Duration.ZERO),
                spec.memoryMb(), outcome.memoryUsedMb(), status, lease.provisioned(), startedAt,
                invocation.trigger());
        return finished(new InvocationResult(invocation.requestId(), status, outcome.payload(),
                Optional.of(record), log.toString()));
    }

    private InvocationResult initFailed(Invocation invocation, Deployment deployment,
            InstancePool.Lease lease, InitException failure, Duration took, Instant startedAt) {
        FunctionSpec spec = deployment.spec();
        InvocationRecord record = new InvocationRecord(invocation.requestId(), spec.name(),
                deployment.version(), lease.instanceId(), true, took, Duration.ZERO, Duration.ZERO,
                spec.memoryMb(), 0, InvocationResult.Status.FUNCTION_ERROR, lease.provisioned(),
                startedAt, invocation.trigger());
        return finished(new InvocationResult(invocation.requestId(),
                InvocationResult.Status.FUNCTION_ERROR, failure.error().toJson(),
                Optional.of(record), ""));
    }

    private InvocationResult refused(Invocation invocation, Refusal refusal) {
        byte[] body = new FunctionError(refusal.message(), refusal.errorType(), List.of())
                .toJson();
        return new InvocationResult(invocation.requestId(), InvocationResult.Status.THROTTLED,
                body, Optional.empty(), "", Optional.of(refusal));
    }

    private Refusal accountFull() {
        return Refusal.tooManyRequests("Rate exceeded: the account already runs "
                + account.limit() + " invocation(s) at once, its concurrency limit"
                + " (accountConcurrency), shared by all functions. Retry later, or raise"
                + " the limit (faas serve --account-concurrency).", "accountConcurrency");
    }

    private static Refusal limitReached(Admission.Refusal limit, Deployment deployment) {
        FunctionSpec spec = deployment.spec();
        if (limit == Admission.Refusal.BURST_LIMIT) {
            return Refusal.tooManyRequests("Rate exceeded: function \"" + spec.name()
                    + "\" started " + spec.autoscaling().burstLimit() + " new instance(s) in"
                    + " the last 10 s, its burst limit (autoscaling.burstLimit). Retry later,"
                    + " or raise autoscaling.burstLimit.", "burstLimit");
        }
        return Refusal.tooManyRequests("Rate exceeded: function \"" + spec.name() + "\" is at"
                + " its limit of " + spec.maxInstances() + " instance(s) (maxInstances) serving "
                + spec.maxConcurrency() + " invocation(s) each (maxConcurrency). Retry later,"
                + " or raise maxInstances.", "maxInstances");
    }

    private KeepAlivePolicy keepAlivePolicyOf(FunctionSpec spec) {
        String name = spec.autoscaling().keepAlivePolicy();
        // "fixed" is the function's own keepAlive with the platform's policy (which a
        // chapter-02 exercise may replace); every other name picks a policy of its own.
        return name.equals("fixed") ? keepAlivePolicy : KeepAlivePolicies.parse(name);
    }

    private Kpa kpaOf(InstancePool pool) {
        AutoscalingSpec scaling = pool.spec().autoscaling();
        Activator activator = Activator.attach(pool.spec().name(), pool, clock,
                scaling.activatorCapacity(), scaling.activatorTimeout());
        ScalingLoop loop = new ScalingLoop(pool, activator::waiting, clock, scaleRule,
                scalingListener);
        return new Kpa(pool, activator, loop);
    }

    private InvocationResult finished(InvocationResult result) {
        InvocationRecord record = result.record().orElseThrow();
        for (InvocationListener listener : listeners) listener.finished(record);
        if (REPORT.isInfoEnabled()) REPORT.info(result.log().stripTrailing());
        return result;
    }

    private InvocationResult accept(Invocation invocation) {
        Instant acceptedAt = clock.now();
        eventRunner.execute(() -> attempt(invocation, acceptedAt, 1, 0));
        return new InvocationResult(invocation.requestId(), InvocationResult.Status.ACCEPTED,
                EMPTY, Optional.empty(), "");
    }

    private void attempt(Invocation invocation, Instant acceptedAt, int attempt, int retries) {
        Deployment deployment = deployments.get(invocation.function());
        if (deployment == null) {
            deadLetter(invocation, attempt, "ResourceNotFoundException",
                    "the function was undeployed before the event ran");
            return;
        }
        InvocationResult result = run(invocation, deployment);
        switch (result.status()) {
            case THROTTLED -> retryThrottled(invocation, acceptedAt, attempt, retries, result);
            case FUNCTION_ERROR, TIMED_OUT -> retryFailed(invocation, acceptedAt, attempt,
                    retries, result);
            default -> { }
        }
    }

    private void retryThrottled(Invocation invocation, Instant acceptedAt, int attempt,
            int retries, InvocationResult result) {
        Duration age = Duration.between(acceptedAt, clock.now()).plus(async.throttleBackoff());
        if (age.compareTo(async.maxEventAge()) > 0) {
            deadLetter(invocation, attempt, "EventAgeExceeded", result.payloadText());
            return;
        }
        later(async.throttleBackoff(), () -> attempt(invocation, acceptedAt, attempt + 1, retries));
    }

    private void retryFailed(Invocation invocation, Instant acceptedAt, int attempt, int retries,
            InvocationResult result) {
        if (retries >= async.retries()) {
            deadLetter(invocation, attempt, errorType(result), result.payloadText());
            return;
        }
        Duration wait = async.backoff(retries + 1);
        LOG.info("function={} invocation={} attempt {} failed; retry in {} s",
                invocation.function(), invocation.requestId(), attempt, wait.toSeconds());
        later(wait, () -> attempt(invocation, acceptedAt, attempt + 1, retries + 1));
    }

    private void later(Duration wait, Runnable task) {
        clock.schedule(wait, () -> {
            if (!eventRunner.isShutdown()) eventRunner.execute(task);
        });
    }

    private void deadLetter(Invocation invocation, int attempts, String reason, String error) {
        LOG.warn("function={} invocation={} dead-lettered after {} attempt(s): {}",
                invocation.function(), invocation.requestId(), attempts, reason);
        deadLetters.add(new DeadLetter(invocation, attempts, reason, error, clock.now()));
    }

    private static String errorType(InvocationResult result) {
        try {
            return Json.mapper().readTree(result.payload()).path("errorType").asText("Unhandled");
        } catch (IOException e) {
            return "Unhandled";
        }
    }

    /** One KPA function's activator and scaling loop, for one deployed version's pool. */
    private record Kpa(InstancePool pool, Activator activator, ScalingLoop loop) {
    }

    /**
     * A caller thread's wait for the activator. The activator always answers by its timeout;
     * the guard is for a clock nobody advances. A slot granted after the caller gave up goes
     * straight back to the pool.
     */
    private static final class Handoff implements Activator.Waiter {
        record Outcome(InstancePool.Lease lease, Refusal refusal) {
        }

        private final InstancePool pool;
        private Outcome outcome;
        private boolean abandoned;

        Handoff(InstancePool pool) {
            this.pool = pool;
        }

        @Override
        public void granted(InstancePool.Lease lease, Duration waited) {
            synchronized (this) {
                if (!abandoned) {
                    outcome = new Outcome(lease, null);
                    notifyAll();
                    return;
                }
            }
            pool.release(lease, false);
        }

        @Override
        public synchronized void refused(Refusal refusal) {
            if (abandoned) return;
            outcome = new Outcome(null, refusal);
            notifyAll();
        }

        synchronized Outcome await(Duration guard) {
            long end = System.nanoTime() + guard.toNanos();
            boolean interrupted = false;
            long left;
            while (outcome == null && (left = end - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (outcome != null) return outcome;
            abandoned = true;
            return new Outcome(null, Refusal.unavailable("Service unavailable: the activator"
                    + " gave no answer within " + guard.toMillis() + " ms of real time; is the"
                    + " platform's clock advancing?", "activatorTimeout"));
        }
    }

    /** Passes pool events on to the listeners registered at any time. */
    private final class PoolEvents implements PoolListener {
        @Override
        public void started(String function, InstanceView instance, Duration initDuration) {
            for (PoolListener l : poolListeners) l.started(function, instance, initDuration);
        }

        @Override
        public void reclaimed(String function, InstanceView instance, String reason) {
            for (PoolListener l : poolListeners) l.reclaimed(function, instance, reason);
        }
    }

    /** Configures a {@link Dispatcher}; every setting has the platform's default. */
    public static final class Builder {
        private final Clock clock;
        private StartPolicy startPolicy = new WarmestFirst();
        private KeepAlivePolicy keepAlivePolicy = new FixedKeepAlive();
        private AsyncSettings async = AsyncSettings.LAMBDA;
        private InstanceKind instances = InstanceKind.CLASS_LOADER;
        private int eventWorkers = 16;
        private int accountConcurrency = AccountConcurrency.AWS_DEFAULT;
        private ScaleRule scaleRule = new KnativeScaleRule();
        private ScalingLoop.Listener scalingListener = ScalingLoop.Listener.NONE;

        private Builder(Clock clock) {
            this.clock = clock;
        }

        public Builder startPolicy(StartPolicy policy) {
            this.startPolicy = policy;
            return this;
        }

        public Builder keepAlivePolicy(KeepAlivePolicy policy) {
            this.keepAlivePolicy = policy;
            return this;
        }

        public Builder async(AsyncSettings settings) {
            this.async = settings;
            return this;
        }

        /** @param kind how instances run: in class loaders (the default) or simulated */
        public Builder instances(InstanceKind kind) {
            this.instances = kind;
            return this;
        }

        /** @param workers how many asynchronous invocations may run at once */
        public Builder eventWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("eventWorkers must be 1 or more, was: "
                        + workers);
            }
            this.eventWorkers = workers;
            return this;
        }

        /**
         * @param limit invocations all Lambda-mode functions may run at once (AWS: 1,000)
         * @return this builder
         * @throws IllegalArgumentException if below one
         */
        public Builder accountConcurrency(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("accountConcurrency must be 1 or more, was: "
                        + limit);
            }
            this.accountConcurrency = limit;
            return this;
        }

        /** @param rule the KPA's step for KPA-mode functions (chapter 03, exercise ex03a) */
        public Builder scaleRule(ScaleRule rule) {
            this.scaleRule = rule;
            return this;
        }

        /** @param listener told of every tick of every KPA-mode function's scaling loop */
        public Builder scalingListener(ScalingLoop.Listener listener) {
            this.scalingListener = listener;
            return this;
        }

        public Dispatcher build() {
            return new Dispatcher(this);
        }
    }
}
