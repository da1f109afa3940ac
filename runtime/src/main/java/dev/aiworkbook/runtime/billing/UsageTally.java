package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Checks.require;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Running sums of billed usage, per function, under one price catalog: the meter of a
 * simulation, whose memory does not grow with the number of invocations.
 *
 * <p>A {@link Meter} keeps one entry per distinct {@link BillingRecord}, so that any catalog
 * can bill the same usage later; with durations drawn at random every record is distinct, and
 * a simulated day of millions of invocations would keep millions of entries. This tally
 * instead rounds each invocation at once, with the catalog's rules and the same
 * {@link MeteringRule}, and adds the billed nanoseconds to its function's account. The invoice
 * it makes prices exactly what a meter would have (see {@code UsageTallyTest}); the cost is
 * that it bills with one catalog only, chosen up front.
 *
 * <p>Not thread-safe: a simulation records from one thread.
 */
public final class UsageTally {

    /** A running sum of nanoseconds that may outgrow a long: a day of 10^10 ms calls does. */
    private static final long FLUSH_AT = 1L << 62;

    private final PriceCatalog catalog;
    private final MeteringRule rule;
    private final long granularityNanos;
    private final long minimumNanos;
    private final boolean initBilled;
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    /**
     * @param catalog the catalog whose rules round every invocation, and whose prices bill
     * @param rule the rounding rule, as for a {@link Meter}
     * @throws NullPointerException if an argument is null
     */
    public UsageTally(PriceCatalog catalog, MeteringRule rule) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.granularityNanos = catalog.rules().granularity().toNanos();
        this.minimumNanos = catalog.rules().minimumBilled().toNanos();
        this.initBilled = catalog.rules().initBilled();
    }

    /** @param catalog the catalog to round and bill with, using the standard rule */
    public UsageTally(PriceCatalog catalog) {
        this(catalog, new StandardMeteringRule());
    }

    /**
     * The account of one function: keep it, and record on it without a look-up per call.
     *
     * @param function the function's name
     * @param memoryMb memory configured for the function, in MB: 128..10,240
     * @return the function's account, the same one on every call for that name
     * @throws IllegalArgumentException if an argument breaks its rule, or the function
     *     already has an account with another memory size
     */
    public Account account(String function, int memoryMb) {
        BillingRecord.requireFunction(function);
        BillingRecord.requireMemory(memoryMb);
        Account account = accounts.computeIfAbsent(function, f -> new Account(f, memoryMb));
        require(account.memoryMb == memoryMb, "memoryMb",
                "must stay " + account.memoryMb + " for function \"" + function + "\"",
                memoryMb);
        return account;
    }

    /** @return the catalog this tally bills with */
    public PriceCatalog catalog() {
        return catalog;
    }

    /** @return every invocation recorded, on all accounts */
    public long requests() {
        long sum = 0;
        for (Account account : accounts.values()) sum += account.requests;
        return sum;
    }

    /**
     * Prices what has been recorded, as {@link Meter#invoice} does.
     *
     * @param freeTier whether to take the catalog's monthly free tier off
     * @return the invoice, one line per function that has an account
     */
    public Invoice invoice(boolean freeTier) {
        List<FunctionUsage> usage = new ArrayList<>(accounts.size());
        PriceCatalog.Rules rules = catalog.rules();
        for (Account account : accounts.values()) {
            int memoryMb = rules.billedMemoryMb(account.memoryMb);
            BigInteger run = account.run.total();
            BigInteger init = account.init.total();
            usage.add(FunctionUsage.none(account.function).withRequests(account.requests)
                    .withOnDemand(Quantities.gbSeconds(memoryMb, run),
                            Quantities.vcpuSeconds(rules.vcpusPerInstance(), run),
                            Quantities.gbSeconds(memoryMb, init),
                            Quantities.vcpuSeconds(rules.vcpusPerInstance(), init)));
        }
        return Invoice.of(catalog, freeTier, usage);
    }

    private long billedNanos(long nanos) {
        return rule.billedNanos(nanos, granularityNanos, minimumNanos);
    }

    /** One function's running sums. */
    public final class Account {
        private final String function;
        private final int memoryMb;
        private final NanoSum run = new NanoSum();
        private final NanoSum init = new NanoSum();
        private long requests;

        private Account(String function, int memoryMb) {
            this.function = function;
            this.memoryMb = memoryMb;
        }

        /**
         * Records one on-demand invocation.
         *
         * @param durationNanos its measured run time, zero or more
         * @param initNanos the init of the new instance it waited for; zero when warm
         * @throws IllegalArgumentException if a duration is negative
         */
        public void record(long durationNanos, long initNanos) {
            if (durationNanos < 0 || initNanos < 0) {
                throw new IllegalArgumentException("durationNanos and initNanos must be zero"
                        + " or more, were: " + durationNanos + ", " + initNanos);
            }
            long billedRun = billedNanos(durationNanos);
            run.add(billedRun);
            requests++;

            // The provider rounds run and init together; the init share is what that adds.
            if (initBilled && initNanos > 0) {
                long both = billedNanos(durationNanos + initNanos);
                init.add(Math.max(0, both - billedRun));
            }
        }

        /** @return the invocations recorded on this account */
        public long requests() {
            return requests;
        }
    }

    /** A sum of nanoseconds kept in a long until it nears overflow, then folded away. */
    private static final class NanoSum {
        private long pending;
        private BigInteger folded = BigInteger.ZERO;

        void add(long nanos) {
            pending += nanos;
            if (pending >= FLUSH_AT) {
                folded = folded.add(BigInteger.valueOf(pending));
                pending = 0;
            }
        }

        BigInteger total() {
            return folded.add(BigInteger.valueOf(pending));
        }
    }
}
