package dev.aiworkbook.runtime.dispatch;

import dev.aiworkbook.runtime.billing.BillingRecord;
import dev.aiworkbook.runtime.billing.Invoice;
import dev.aiworkbook.runtime.billing.Meter;
import dev.aiworkbook.runtime.billing.MeteringRule;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.billing.StandardMeteringRule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Feeds a {@link Meter} from a dispatcher: one billing record per invocation, and the time
 * provisioned instances are kept. Chapter 01 prints the invoice it makes.
 *
 * <p>Simplification: provisioned time is counted for the versions deployed when an invoice
 * is asked for, from their deployment (or the last invoice) until then; a version replaced
 * in between is not charged for its last stretch.
 */
public final class Metering implements InvocationListener {

    private final Dispatcher dispatcher;
    private final Meter meter;
    private final Map<String, Instant> provisionedUntil = new HashMap<>();

    private Metering(Dispatcher dispatcher, Meter meter) {
        this.dispatcher = dispatcher;
        this.meter = meter;
    }

    /**
     * Starts metering a dispatcher's invocations with the standard rule.
     *
     * @param dispatcher the platform to meter
     * @return the metering, already listening
     */
    public static Metering attach(Dispatcher dispatcher) {
        return attach(dispatcher, new StandardMeteringRule());
    }

    /**
     * Starts metering a dispatcher's invocations with a given rule, such as a learner's.
     *
     * @param dispatcher the platform to meter
     * @param rule how durations are rounded and GB-seconds computed
     * @return the metering, already listening
     */
    public static Metering attach(Dispatcher dispatcher, MeteringRule rule) {
        Metering metering = new Metering(dispatcher, new Meter(rule));
        dispatcher.addListener(metering);
        return metering;
    }

    @Override
    public void finished(InvocationRecord r) {
        meter.record(new BillingRecord(r.function(), r.memoryMb(), r.duration(),
                r.initDuration(), r.coldStart(), r.provisioned() && !r.coldStart()));
    }

    /**
     * The bill so far under a price catalog.
     *
     * @param catalog the provider's prices
     * @param freeTier whether to apply the monthly free tier
     * @return the invoice, per function and in total
     */
    public synchronized Invoice invoice(PriceCatalog catalog, boolean freeTier) {
        Instant now = dispatcher.clock().now();
        for (Deployment d : dispatcher.functions()) {
            if (d.spec().minInstances() == 0) continue;
            String key = d.name() + ":" + d.version();
            Instant from = provisionedUntil.getOrDefault(key, d.deployedAt());
            Duration kept = Duration.between(from, now);
            if (kept.isNegative() || kept.isZero()) continue;
            meter.recordProvisioned(d.name(), d.spec().memoryMb(), d.spec().minInstances(), kept);
            provisionedUntil.put(key, now);
        }
        return meter.invoice(catalog, freeTier);
    }

    /** @return the meter itself, for records from elsewhere */
    public Meter meter() {
        return meter;
    }
}
