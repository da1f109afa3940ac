package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Checks.require;

import java.time.Duration;

/**
 * What one invocation used, as measured: the input of the bill, before any provider's rounding.
 *
 * <p>The dispatcher makes one per invocation; nothing here knows the platform. A cold start on
 * demand carries the time its new instance took to initialise; a warm invocation carries zero.
 * An invocation served by a provisioned instance is never cold, because that instance was
 * initialised before it was needed. Chapter 01 bills a few of them.
 *
 * @param function the function's name
 * @param memoryMb memory configured for the function, in MB: 128..10,240
 * @param duration the measured run time of the handler
 * @param initDuration the measured initialisation of a new instance; zero when warm
 * @param coldStart whether the invocation had to wait for a new instance
 * @param provisioned whether a provisioned instance served it
 */
public record BillingRecord(
        String function,
        int memoryMb,
        Duration duration,
        Duration initDuration,
        boolean coldStart,
        boolean provisioned) {

    /** The least memory a function may be configured with, in MB. */
    public static final int MIN_MEMORY_MB = 128;

    /** The most memory a function may be configured with, in MB. */
    public static final int MAX_MEMORY_MB = 10_240;

    public BillingRecord {
        requireFunction(function);
        requireMemory(memoryMb);
        requireNotNegative(duration, "duration");
        requireNotNegative(initDuration, "initDuration");
        require(coldStart || initDuration.isZero(), "initDuration",
                "must be zero when coldStart is false", initDuration);
        require(!(coldStart && provisioned), "coldStart",
                "must be false when provisioned is true: a provisioned instance is "
                        + "initialised before it serves", coldStart);
    }

    /**
     * An invocation that found a warm instance started on demand.
     *
     * @param function the function's name
     * @param memoryMb memory configured for the function, in MB
     * @param duration the measured run time
     * @return a record with no initialisation
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static BillingRecord warm(String function, int memoryMb, Duration duration) {
        return new BillingRecord(function, memoryMb, duration, Duration.ZERO, false, false);
    }

    /**
     * An invocation that waited for a new instance started on demand.
     *
     * @param function the function's name
     * @param memoryMb memory configured for the function, in MB
     * @param duration the measured run time
     * @param initDuration the measured initialisation of the new instance
     * @return a cold-start record
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static BillingRecord cold(String function, int memoryMb, Duration duration,
            Duration initDuration) {
        return new BillingRecord(function, memoryMb, duration, initDuration, true, false);
    }

    /**
     * An invocation served by a provisioned instance.
     *
     * @param function the function's name
     * @param memoryMb memory configured for the function, in MB
     * @param duration the measured run time
     * @return a warm record billed at the provisioned duration price
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static BillingRecord onProvisioned(String function, int memoryMb,
            Duration duration) {
        return new BillingRecord(function, memoryMb, duration, Duration.ZERO, false, true);
    }

    static void requireFunction(String function) {
        require(function != null && !function.isBlank(), "function",
                "must be a function's name, not blank", function);
    }

    static void requireMemory(int memoryMb) {
        require(memoryMb >= MIN_MEMORY_MB && memoryMb <= MAX_MEMORY_MB, "memoryMb",
                "must be " + MIN_MEMORY_MB + ".." + MAX_MEMORY_MB, memoryMb);
    }

    static void requireNotNegative(Duration value, String field) {
        require(value != null && !value.isNegative(), field, "must be zero or more", value);
    }
}
