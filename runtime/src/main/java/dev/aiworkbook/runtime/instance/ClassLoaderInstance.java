package dev.aiworkbook.runtime.instance;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionError;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.HandlerBinding;
import dev.aiworkbook.runtime.function.HandlerCall;
import dev.aiworkbook.runtime.function.InvocationContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance in this JVM: the handler's code in a class loader of its own, run on threads of
 * its own (lanes, one per concurrent invocation).
 *
 * <p>A cold start here is real work: opening the code, loading and linking the handler's
 * classes, their static initialisers and the constructor. Chapter 02 measures it.
 *
 * <p>When the instance is reclaimed, a handler that is {@link AutoCloseable} is closed on one
 * of its lanes, within {@link #SHUTDOWN_LIMIT} and without holding up the pool, so that what it holds outside the Java heap
 * (a model's native memory, say) goes with the instance rather than waiting for the garbage
 * collector. AWS Lambda calls no close method: a handler there keeps what it holds until its
 * sandbox is destroyed, so a close method is harmless there and useful here. An
 * instance abandoned at a timeout is not closed, since its handler may still be running.
 *
 * <p>Simplification: memory is neither limited nor truly measured. The REPORT line's
 * "Max Memory Used" is what this instance's threads allocated during init plus the most one
 * invocation allocated, an estimate that a separate process would replace with its real size.
 */
public final class ClassLoaderInstance implements FunctionInstance {

    /** Lambda's limit on the init phase of an on-demand instance. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a handler's close may take: the longest shutdown phase Lambda gives. */
    static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ClassLoaderInstance.class);
    private static final long MB = 1024 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static volatile boolean warm;

    private final String id;
    private final FunctionSpec spec;
    private final int version;
    private final FunctionCode code;
    private final ConcurrentLinkedDeque<Lane> lanes = new ConcurrentLinkedDeque<>();
    private volatile SandboxClassLoader loader;
    private volatile HandlerCall call;
    private volatile Object handler;
    private volatile boolean abandoned;
    private volatile boolean closed;
    private volatile long initBytes;
    private volatile long maxInvokeBytes;
    private volatile Map<String, Duration> initPhases = Map.of();

    private ClassLoaderInstance(String id, FunctionSpec spec, int version, FunctionCode code) {
        this.id = id;
        this.spec = spec;
        this.version = version;
        this.code = code;
    }

    /**
     * A factory for the instances of one function version.
     *
     * @param spec the function
     * @param version the deployed version number
     * @param code where its classes come from
     * @return the factory the pool calls on each cold start
     */
    public static InstanceFactory factory(FunctionSpec spec, int version, FunctionCode code) {
        return instanceId -> new ClassLoaderInstance(instanceId, spec, version, code);
    }

    /**
     * Starts, calls and closes one instance of a built-in handler, once per JVM. The first
     * instance in a JVM pays for loading the platform's own instance code (class loaders,
     * lanes, handler binding) and the JDK's reflection paths, a few hundred milliseconds in
     * all; done when the platform starts, no function's first cold start carries it.
     */
    public static void warmUp() {
        if (warm) return;
        FunctionSpec spec = FunctionSpec.of("platform-warm-up", WarmUpHandler.class.getName());
        try (FunctionInstance instance = factory(spec, 0,
                FunctionCode.ofClasspath(WarmUpHandler.class)).create("warm-up")) {
            instance.initialize();
            instance.invoke(new InvocationRequest("warm-up", Duration.ofSeconds(10),
                    new StringBuilder()), "{\"warm\":true}".getBytes(StandardCharsets.UTF_8));
            warm = true;
        } catch (InitException e) {
            throw new IllegalStateException("the platform's warm-up handler failed to start: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Duration initialize() throws InitException {
        long started = System.nanoTime();
        Lane lane = new Lane(spec.name(), FunctionCode.class.getClassLoader());
        Lane.Work<HandlerCall> work = lane.run(this::load, started + INIT_TIMEOUT.toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        if (!work.isDone()) {
            lane.close();
            throw new InitException(new FunctionError("init phase exceeded "
                    + INIT_TIMEOUT.toSeconds() + " s", "Runtime.InitTimeout", java.util.List.of()),
                    null);
        }
        if (work.failure() != null) {
            lane.close();
            throw new InitException(FunctionError.of(unwrap(work.failure())), work.failure());
        }
        call = work.result();
        lanes.push(lane);
        return took;
    }

    @Override
    public InvocationOutcome invoke(InvocationRequest request, byte[] payload) {
        if (call == null || closed) {
            throw new IllegalStateException("instance " + id + " is not ready: "
                    + (closed ? "it was closed" : "initialize() has not succeeded"));
        }
        Lane lane = borrowLane();
        long started = System.nanoTime();
        long deadline = started + request.timeout().toNanos();
        Context context = new InvocationContext(request.requestId(), spec, version, id, deadline,
                request.log());
        Lane.Work<byte[]> work = lane.run(() -> measured(payload, context), deadline);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        if (!work.isDone()) {
            abandoned = true;
            lane.close();
            byte[] error = FunctionError.timeout(request.timeout().toMillis() / 1000.0).toJson();
            return new InvocationOutcome(InvocationOutcome.Kind.TIMEOUT, error,
                    request.timeout(), memoryUsedMb());
        }
        lanes.push(lane);
        if (work.failure() != null) {
            byte[] error = FunctionError.of(unwrap(work.failure())).toJson();
            return new InvocationOutcome(InvocationOutcome.Kind.FUNCTION_ERROR, error, took,
                    memoryUsedMb());
        }
        return new InvocationOutcome(InvocationOutcome.Kind.SUCCESS, work.result(), took,
                memoryUsedMb());
    }

    /**
     * Refuses further invocations at once; the handler's close, if any, and the release of the
     * lanes and the class loader follow on a thread of their own, so the pool that reclaims
     * the instance is not held up by a slow close.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (handler instanceof AutoCloseable closeable && !abandoned) {
            Thread closing = new Thread(() -> {
                closeHandler(closeable);
                release();
            }, spec.name() + "-close-" + id);
            closing.setDaemon(true);
            closing.start();
        } else {
            release();
        }
    }

    private void release() {
        Lane lane;
        while ((lane = lanes.poll()) != null) lane.close();
        try {
            if (loader != null) loader.close();
        } catch (IOException ignored) {
            // The jar handles are released on a best-effort basis; nothing is lost.
        }
    }

    private void closeHandler(AutoCloseable closeable) {
        Lane lane = borrowLane();
        Lane.Work<Void> work = lane.run(() -> {
            closeable.close();
            return null;
        }, System.nanoTime() + SHUTDOWN_LIMIT.toNanos());
        if (!work.isDone()) {
            LOG.warn("function={} instance={} close() took over {} s; left running",
                    spec.name(), id, SHUTDOWN_LIMIT.toSeconds());
            lane.close();
        } else {
            if (work.failure() != null) {
                LOG.warn("function={} instance={} close() failed: {}", spec.name(), id,
                        unwrap(work.failure()).toString());
            }
            lanes.push(lane);
        }
    }

    @Override
    public Map<String, Duration> initPhases() {
        return initPhases;
    }

    private HandlerCall load() throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        loader = new SandboxClassLoader(spec.name() + "-" + id, code.urls(), code.parent(),
                code.isIsolated());
        Thread.currentThread().setContextClassLoader(loader);
        long t1 = System.nanoTime();

        // Loading, linking and static initialisers: what a bigger handler pays most for.
        Class<?> type = Class.forName(spec.handlerClass(), true, loader);
        long t2 = System.nanoTime();
        if (type.getClassLoader() != loader) {
            throw new IllegalStateException("handler class " + spec.handlerClass()
                    + " is not in the function's code " + code + ", so its instances would"
                    + " share one copy of it; deploy the folder or jar that contains it");
        }

        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object handler = constructor.newInstance();
        this.handler = handler;
        long t3 = System.nanoTime();

        HandlerCall bound = HandlerBinding.bind(handler, spec.handlerMethod().orElse(null));
        long t4 = System.nanoTime();
        initBytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        initPhases = phases(t0, t1, t2, t3, t4);
        return bound;
    }

    private static Map<String, Duration> phases(long... marks) {
        String[] names = {"class loader", "class load + static init", "constructor",
            "handler binding"};
        Map<String, Duration> phases = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            phases.put(names[i], Duration.ofNanos(marks[i + 1] - marks[i]));
        }
        return Collections.unmodifiableMap(phases);
    }

    private byte[] measured(byte[] payload, Context context) throws Throwable {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            return call.call(payload, context);
        } finally {
            long used = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (used > maxInvokeBytes) maxInvokeBytes = used;
        }
    }

    private Lane borrowLane() {
        Lane lane = lanes.poll();
        return lane != null ? lane : new Lane(spec.name(), loader);
    }

    private long memoryUsedMb() {
        return Math.max(1, (initBytes + maxInvokeBytes + MB - 1) / MB);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
