package dev.aiworkbook.runtime.model;

import static dev.aiworkbook.runtime.model.Checks.positive;
import static dev.aiworkbook.runtime.model.Checks.positiveSeconds;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import java.time.Duration;

/**
 * The request rate at which a function costs as much as an always-on VM:
 * λ* = (VM price per hour / 3,600) / cost of one invocation.
 *
 * <p>Below λ* pay-per-use is cheaper, above it the VM is. Worked example (AWS Lambda x86, no
 * free tier): 512 MB and 100 ms cost $0.0000010333 per invocation; a VM at $0.0416 an hour
 * (an on-demand t3.medium) costs $0.00001156 a second, so λ* = 11.2 invocations a second,
 * about 29 million a month. Simplification: the VM is assumed to keep up with λ* (check
 * {@link #vmCapacity}), and neither side's free tier, data transfer or staff time counts.
 * Chapter 04 checks it against the platform's bill.
 */
public final class BreakEven {

    private BreakEven() {
    }

    /**
     * The break-even rate against an always-on VM.
     *
     * @param catalog the function's prices and rules
     * @param memoryMb the function's memory, 128..10,240 MB
     * @param duration how long each invocation runs, more than zero
     * @param vmUsdPerHour what the VM costs an hour, in the catalog's currency; more than zero
     * @return invocations per second at which both cost the same
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static double requestsPerSecond(PriceCatalog catalog, int memoryMb,
            Duration duration, double vmUsdPerHour) {
        positiveSeconds("duration", duration);
        double vmPerSecond = positive("vmUsdPerHour", vmUsdPerHour) / 3600;
        return vmPerSecond / MonthlyBill.perInvocation(catalog, memoryMb, duration);
    }

    /**
     * How many invocations a second one VM can serve, at most.
     *
     * @param concurrency invocations the VM runs at once, 1 or more
     * @param duration how long each runs, more than zero
     * @return concurrency / duration
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static double vmCapacity(int concurrency, Duration duration) {
        return Checks.atLeastOne("concurrency", concurrency)
                / positiveSeconds("duration", duration);
    }
}
