package dev.aiworkbook.runtime.model;

import static dev.aiworkbook.runtime.model.Checks.positiveSeconds;
import static dev.aiworkbook.runtime.model.Checks.rate;
import static dev.aiworkbook.runtime.model.Checks.seconds;

import dev.aiworkbook.runtime.billing.Estimate;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;

/**
 * The expected bill of a steady load: invocations = λ × period, and
 * bill = invocations × (request price + GB × billed seconds × GB-second price), priced by a
 * {@link PriceCatalog}'s own rules through {@link Estimate}.
 *
 * <p>Worked example (AWS Lambda x86, free tier off): 10 invocations a second for a 30-day
 * month is 25,920,000 invocations; at 512 MB and 100 ms each that is 1,296,000 GB-s, so
 * $21.60 of duration plus $5.18 of requests: $26.78. Simplification: every invocation is
 * billed at the mean duration, as {@link Estimate} does; with durations in whole billing
 * steps the mean of the real bills is the same. Chapter 04 checks it against the platform.
 */
public final class MonthlyBill {

    /** A month as this model counts it: 30 days. */
    public static final Duration MONTH = Duration.ofDays(30);

    private static final long PRICING_SAMPLE = 1_000_000_000L;

    private MonthlyBill() {
    }

    /**
     * The expected bill of a steady load over a period.
     *
     * @param catalog the prices and rules
     * @param memoryMb the function's memory, 128..10,240 MB
     * @param ratePerSecond invocations per second, zero or more
     * @param meanDuration how long each one runs, zero or more
     * @param period how long the load lasts, such as {@link #MONTH}; more than zero
     * @param freeTier whether the catalog's monthly free tier comes off
     * @return the total in the catalog's currency, rounded to cents as an invoice is
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static BigDecimal expected(PriceCatalog catalog, int memoryMb, double ratePerSecond,
            Duration meanDuration, Duration period, boolean freeTier) {
        Objects.requireNonNull(catalog, "catalog");
        long invocations = Math.round(rate("ratePerSecond", ratePerSecond)
                * positiveSeconds("period", period));
        seconds("meanDuration", meanDuration);
        return Estimate.monthly(catalog, memoryMb, invocations, meanDuration, freeTier).total();
    }

    /**
     * What one invocation costs with no free tier: request fee plus billed GB-seconds.
     *
     * @param catalog the prices and rules
     * @param memoryMb the function's memory, 128..10,240 MB
     * @param duration how long it runs, zero or more
     * @return the cost in the catalog's currency, as a double for further arithmetic
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static double perInvocation(PriceCatalog catalog, int memoryMb, Duration duration) {
        Objects.requireNonNull(catalog, "catalog");
        seconds("duration", duration);

        // A billion invocations priced at once: cent rounding then moves the result by under
        // a hundred-billionth of a cent per invocation.
        BigDecimal total = Estimate.monthly(catalog, memoryMb, PRICING_SAMPLE, duration, false)
                .total();
        return total.divide(BigDecimal.valueOf(PRICING_SAMPLE), MathContext.DECIMAL64)
                .doubleValue();
    }
}
