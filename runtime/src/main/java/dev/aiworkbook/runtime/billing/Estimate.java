package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Checks.require;

import java.time.Duration;

/**
 * What-if bills: a month of one function's invocations priced before anything runs.
 *
 * <p>Simplification: every invocation lasts exactly the average and finds a warm instance;
 * real durations vary, and each is rounded up on its own, so a real bill is a little higher.
 * Chapter 01 compares providers with it.
 */
public final class Estimate {

    /** The function name that estimate invoices carry. */
    public static final String FUNCTION = "estimate";

    private Estimate() {
    }

    /**
     * Prices a month of warm on-demand invocations of one function.
     *
     * @param catalog the prices and rules to bill with
     * @param memoryMb memory configured for the function, in MB: 128..10,240
     * @param invocations invocations in the month; zero or more
     * @param averageDuration how long each one runs; zero or more
     * @param freeTier whether to take the catalog's monthly free tier off
     * @return an invoice with one function line, named {@value #FUNCTION}
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public static Invoice monthly(PriceCatalog catalog, int memoryMb, long invocations,
            Duration averageDuration, boolean freeTier) {
        require(invocations >= 0, "invocations", "must be zero or more", invocations);
        Meter meter = new Meter();
        meter.record(BillingRecord.warm(FUNCTION, memoryMb, averageDuration), invocations);
        return meter.invoice(catalog, freeTier);
    }
}
