package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Checks.require;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects what invocations and provisioned instances used, and prices it with any catalog.
 *
 * <p>The meter keeps measured durations, not billed ones, so the same usage can be billed by
 * AWS's 1 ms steps, Azure's 100 ms minimum or Cloud Run's 100 ms steps. The {@link MeteringRule}
 * decides the rounding, so a learner's rule can be plugged in; the meter turns billed durations
 * into GB-seconds in exact decimal arithmetic. It is safe to record from many threads at once;
 * an invoice prices what had been recorded when it was made. Chapter 01 runs one.
 */
public final class Meter {

    private final MeteringRule rule;
    private final Map<BillingRecord, LongAdder> invocations = new ConcurrentHashMap<>();
    private final Queue<KeptInstances> kept = new ConcurrentLinkedQueue<>();

    /** Creates a meter with the {@link StandardMeteringRule}. */
    public Meter() {
        this(new StandardMeteringRule());
    }

    /**
     * Creates a meter that rounds durations with the given rule.
     *
     * @param rule the rounding rule, such as a learner's answer to the chapter's exercise
     * @throws NullPointerException if {@code rule} is null
     */
    public Meter(MeteringRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule must be a MeteringRule, was: null");
    }

    /**
     * Records one invocation.
     *
     * @param record what the invocation used
     * @throws IllegalArgumentException if {@code record} is null
     */
    public void record(BillingRecord record) {
        record(record, 1);
    }

    /**
     * Records {@code times} invocations that each used exactly what {@code record} says.
     *
     * @param record what each invocation used
     * @param times how many invocations; zero or more
     * @throws IllegalArgumentException if {@code record} is null or {@code times} negative
     */
    void record(BillingRecord record, long times) {
        require(record != null, "record", "must be a BillingRecord", record);
        require(times >= 0, "times", "must be zero or more", times);
        invocations.computeIfAbsent(record, r -> new LongAdder()).add(times);
    }

    /**
     * Records provisioned instances kept for a while, whether they served or not.
     *
     * @param function the function's name
     * @param memoryMb memory configured for the function, in MB: 128..10,240
     * @param instances how many instances were kept: 1 or more
     * @param kept how long they were kept, from enabling to disabling; zero or more
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public void recordProvisioned(String function, int memoryMb, int instances, Duration kept) {
        BillingRecord.requireFunction(function);
        BillingRecord.requireMemory(memoryMb);
        require(instances >= 1, "instances", "must be 1 or more", instances);
        BillingRecord.requireNotNegative(kept, "kept");
        this.kept.add(new KeptInstances(function, memoryMb, instances, kept));
    }

    /**
     * Prices everything recorded so far.
     *
     * @param catalog the prices and rules to bill with
     * @param freeTier whether to take the catalog's monthly free tier off the account's usage
     * @return the invoice: one line per function, one charge per meter, and the total
     * @throws IllegalArgumentException if {@code catalog} is null, or provisioned usage was
     *     recorded and the catalog has no provisioned prices
     */
    public Invoice invoice(PriceCatalog catalog, boolean freeTier) {
        require(catalog != null, "catalog", "must be a PriceCatalog", catalog);
        Map<String, FunctionUsage> usage = new TreeMap<>();

        // Round each distinct invocation once and multiply: identical records share a count.
        invocations.forEach((record, count) -> usage.merge(record.function(),
                meter(record, count.sum(), catalog), FunctionUsage::plus));

        // Each kept period is rounded on its own, as the provider rounds each enable-disable.
        for (KeptInstances k : kept) {
            usage.merge(k.function(), meter(k, catalog), FunctionUsage::plus);
        }
        return Invoice.of(catalog, freeTier, usage.values());
    }

    private FunctionUsage meter(BillingRecord record, long times, PriceCatalog catalog) {
        PriceCatalog.Rules rules = catalog.rules();
        int memoryMb = rules.billedMemoryMb(record.memoryMb());
        Duration billed = billed(record.duration(), catalog);
        FunctionUsage usage = FunctionUsage.none(record.function()).withRequests(times);
        if (record.provisioned()) {
            requireProvisionedPrices(catalog, record.function());
            return usage.withProvisioned(Quantities.gbSeconds(memoryMb, billed, times));
        }
        Duration init = billedInit(record, billed, catalog);
        BigDecimal vcpus = rules.vcpusPerInstance();
        return usage.withOnDemand(
                Quantities.gbSeconds(memoryMb, billed, times),
                Quantities.vcpuSeconds(vcpus, billed, times),
                Quantities.gbSeconds(memoryMb, init, times),
                Quantities.vcpuSeconds(vcpus, init, times));
    }

    /**
     * The share of the billed time that initialisation adds, where the catalog bills it.
     *
     * <p>The provider rounds run and init together, so the init share is what the sum adds to
     * the run alone. Worked example (1 ms steps): a 100.2 ms run after 250.3 ms of init bills
     * 351 ms, of which 101 ms is the run and 250 ms the init. {@code MeterTest} covers it.
     */
    private Duration billedInit(BillingRecord record, Duration billedRun, PriceCatalog catalog) {
        if (!catalog.rules().initBilled() || record.initDuration().isZero()) {
            return Duration.ZERO;
        }
        Duration both = billed(record.duration().plus(record.initDuration()), catalog);
        Duration share = both.minus(billedRun);
        return share.isNegative() ? Duration.ZERO : share;
    }

    private FunctionUsage meter(KeptInstances k, PriceCatalog catalog) {
        requireProvisionedPrices(catalog, k.function());
        PriceCatalog.Rules rules = catalog.rules();
        Duration billed = rule.billedDuration(k.kept(), rules.provisionedGranularity(),
                Duration.ZERO);
        BigDecimal gbSeconds = Quantities.gbSeconds(rules.billedMemoryMb(k.memoryMb()), billed,
                k.instances());
        return FunctionUsage.none(k.function()).withKept(gbSeconds);
    }

    private Duration billed(Duration actual, PriceCatalog catalog) {
        PriceCatalog.Rules rules = catalog.rules();
        return rule.billedDuration(actual, rules.granularity(), rules.minimumBilled());
    }

    private static void requireProvisionedPrices(PriceCatalog catalog, String function) {
        if (!catalog.prices().offersProvisioned()) {
            throw new IllegalArgumentException("catalog " + Checks.quoted(catalog.name())
                    + " has no provisioned prices, so the provisioned usage of function "
                    + Checks.quoted(function) + " cannot be billed; bill it with a catalog"
                    + " that offers provisioned instances, such as \"aws-lambda-x86\"");
        }
    }

    /** Provisioned instances of one function, kept for one period. */
    private record KeptInstances(String function, int memoryMb, int instances, Duration kept) {
    }
}
