package dev.aiworkbook.runtime.function;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a function is and how the platform may run it: the deploy-time configuration.
 *
 * <p>The limits follow AWS Lambda: 128 to 10,240 MB of memory, a timeout of 1 to 900 seconds,
 * a name of 1 to 64 letters, digits, hyphens or underscores. Chapter 01 deploys one.
 *
 * @param name the function's name, unique on the platform
 * @param handler the entry point, {@code pkg.Class::method} or {@code pkg.Class}
 * @param memoryMb memory per instance, in MB; it sets the price of each GB-second
 * @param timeout the most an invocation may run before it is stopped
 * @param maxConcurrency how many invocations one instance serves at once
 * @param minInstances instances kept initialised at all times (provisioned concurrency)
 * @param maxInstances the most instances the pool may hold
 * @param keepAlive how long an idle instance is kept before it is reclaimed
 * @param autoscaling the scaler and its knobs (chapter 03)
 */
public record FunctionSpec(
        String name,
        String handler,
        int memoryMb,
        Duration timeout,
        int maxConcurrency,
        int minInstances,
        int maxInstances,
        Duration keepAlive,
        AutoscalingSpec autoscaling) {

    public static final int MIN_MEMORY_MB = 128;
    public static final int MAX_MEMORY_MB = 10_240;
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);
    public static final int DEFAULT_MEMORY_MB = 512;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_INSTANCES = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String JAVA_NAME = "[A-Za-z_$][A-Za-z0-9_$]*";
    private static final Pattern HANDLER =
            Pattern.compile(JAVA_NAME + "(\\." + JAVA_NAME + ")*(::" + JAVA_NAME + ")?");

    public FunctionSpec {
        require(name != null && NAME.matcher(name).matches(), "name",
                "must be 1..64 letters, digits, '-' or '_'", name);
        require(handler != null && HANDLER.matcher(handler).matches(), "handler",
                "must be 'pkg.Class::method' or 'pkg.Class'", handler);
        require(memoryMb >= MIN_MEMORY_MB && memoryMb <= MAX_MEMORY_MB, "memoryMb",
                "must be " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB, memoryMb);
        require(timeout != null && timeout.compareTo(Duration.ofSeconds(1)) >= 0
                && timeout.compareTo(MAX_TIMEOUT) <= 0, "timeout", "must be 1s..900s", timeout);
        require(maxConcurrency >= 1 && maxConcurrency <= 1000, "maxConcurrency",
                "must be 1..1000", maxConcurrency);
        require(minInstances >= 0, "minInstances", "must be 0 or more", minInstances);
        require(maxInstances >= 1, "maxInstances", "must be 1 or more", maxInstances);
        require(minInstances <= maxInstances, "minInstances",
                "must not exceed maxInstances (" + maxInstances + ")", minInstances);
        require(keepAlive != null && !keepAlive.isNegative(), "keepAlive",
                "must be zero or more", keepAlive);
        require(autoscaling != null, "autoscaling", "must be given", autoscaling);
        require(autoscaling.targetConcurrency() <= maxConcurrency, "autoscaling",
                "targetConcurrency must not exceed maxConcurrency (" + maxConcurrency + ")",
                autoscaling.targetConcurrency());
    }

    /** A spec with the default {@link AutoscalingSpec}: Lambda mode. */
    public FunctionSpec(String name, String handler, int memoryMb, Duration timeout,
            int maxConcurrency, int minInstances, int maxInstances, Duration keepAlive) {
        this(name, handler, memoryMb, timeout, maxConcurrency, minInstances, maxInstances,
                keepAlive, AutoscalingSpec.defaults());
    }

    /**
     * Starts a spec with the platform defaults: 512 MB, 3 s timeout, one invocation per
     * instance, no provisioned instances, at most 100 instances, 10 minutes of keep-alive.
     *
     * @param name the function's name
     * @param handler the entry point
     * @return a valid spec with default settings
     * @throws IllegalArgumentException if the name or handler breaks its rule
     */
    public static FunctionSpec of(String name, String handler) {
        return new FunctionSpec(name, handler, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, 1, 0,
                DEFAULT_MAX_INSTANCES, DEFAULT_KEEP_ALIVE);
    }

    public FunctionSpec withMemoryMb(int mb) {
        return new FunctionSpec(name, handler, mb, timeout, maxConcurrency, minInstances,
                maxInstances, keepAlive, autoscaling);
    }

    public FunctionSpec withTimeout(Duration value) {
        return new FunctionSpec(name, handler, memoryMb, value, maxConcurrency, minInstances,
                maxInstances, keepAlive, autoscaling);
    }

    public FunctionSpec withMaxConcurrency(int value) {
        return new FunctionSpec(name, handler, memoryMb, timeout, value, minInstances,
                maxInstances, keepAlive, autoscaling);
    }

    public FunctionSpec withMinInstances(int value) {
        return new FunctionSpec(name, handler, memoryMb, timeout, maxConcurrency, value,
                maxInstances, keepAlive, autoscaling);
    }

    public FunctionSpec withMaxInstances(int value) {
        return new FunctionSpec(name, handler, memoryMb, timeout, maxConcurrency, minInstances,
                value, keepAlive, autoscaling);
    }

    public FunctionSpec withKeepAlive(Duration value) {
        return new FunctionSpec(name, handler, memoryMb, timeout, maxConcurrency, minInstances,
                maxInstances, value, autoscaling);
    }

    public FunctionSpec withAutoscaling(AutoscalingSpec value) {
        return new FunctionSpec(name, handler, memoryMb, timeout, maxConcurrency, minInstances,
                maxInstances, keepAlive, value);
    }

    /** @return the handler's class name, without any {@code ::method} */
    public String handlerClass() {
        int split = handler.indexOf("::");
        return split < 0 ? handler : handler.substring(0, split);
    }

    /** @return the method named after {@code ::}, if the handler names one */
    public Optional<String> handlerMethod() {
        int split = handler.indexOf("::");
        return split < 0 ? Optional.empty() : Optional.of(handler.substring(split + 2));
    }

    private static void require(boolean ok, String field, String rule, Object value) {
        if (!ok) {
            String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
            throw new InvalidSpecException(field, field + " " + rule + ", was: " + shown);
        }
    }
}
