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
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
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

    private Dispatcher(Builder builder) {
        this.clock = builder.clock;
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
        InstancePool pool = new InstancePool(spec, instances.factory(spec, version, code),
                clock, startPolicy, keepAlivePolicy, new PoolEvents());
        Deployment deployment = new Deployment(spec, code, version, clock.now(), pool);
        int failed = pool.provision();
        if (failed > 0) {
            LOG.warn("function={} version={} {} of {} provisioned instances failed to start",
                    spec.name(), version, failed, spec.minInstances());
        }
        Deployment previous = deployments.put(spec.name(), deployment);
        if (previous != null) previous.pool().drain();
        LOG.info("function={} version={} deployed from {}", spec.name(), version, code);
        return deployment;
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
        // A redeploy may drain the pool between lookup and acquire: then use the new version.
        Instant startedAt = clock.now();
        Optional<InstancePool.Lease> lease;
        try {
            lease = deployment.pool().acquire();
        } catch (IllegalStateException draining) {
            return run(invocation, current(invocation.function()));
        }
        if (lease.isEmpty()) return throttled(invocation, deployment);
        return runOn(lease.get(), invocation, deployment, startedAt);
    }

    private InvocationResult runOn(InstancePool.Lease lease, Invocation invocation,
            Deployment deployment, Instant startedAt) {
        FunctionSpec spec = deployment.spec();
        StringBuilder log = new StringBuilder();

        // A cold start runs the init phase first; if it fails, the invocation fails with it.
        Duration init = Duration.ZERO;
        if (lease.coldStart()) {
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

    private InvocationResult throttled(Invocation invocation, Deployment deployment) {
        String message = "Rate exceeded: function \"" + deployment.name() + "\" already runs "
                + deployment.spec().maxInstances() + " instance(s) (maxInstances) with "
                + deployment.spec().maxConcurrency() + " invocation(s) each (maxConcurrency)";
        byte[] body = new FunctionError(message, "TooManyRequestsException", List.of()).toJson();
        return new InvocationResult(invocation.requestId(), InvocationResult.Status.THROTTLED,
                body, Optional.empty(), "");
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

        public Dispatcher build() {
            return new Dispatcher(this);
        }
    }
}
