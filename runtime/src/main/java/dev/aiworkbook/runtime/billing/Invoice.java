package dev.aiworkbook.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A month's bill: what each function cost, what each meter of the account charges, the total.
 *
 * <p>The function lines are each rounded half-up to cents and come before the free tier, which
 * a provider gives per account, not per function. The charges are what a provider's bill
 * shows: per meter, the account's quantity, less the free tier where it applies, times the
 * unit price, rounded half-up to cents. The total is the sum of the charges, so it can differ
 * by a cent of rounding from the sum of the function lines even without a free tier.
 * Chapter 01 prints one.
 *
 * @param catalog the name of the catalog it was priced with
 * @param provider the offer the catalog prices
 * @param currency the currency of every amount
 * @param source the pricing page the prices were read from
 * @param readOn the day the prices were read
 * @param freeTier whether the catalog's monthly free tier was applied
 * @param functions one line per function, by name
 * @param charges one charge per meter of the account
 * @param total what the account pays, in {@code currency}
 */
public record Invoice(
        String catalog,
        String provider,
        String currency,
        String source,
        LocalDate readOn,
        boolean freeTier,
        List<FunctionLine> functions,
        List<Charge> charges,
        BigDecimal total) {

    private static final BigDecimal ONE_MILLION = BigDecimal.valueOf(1_000_000);
    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public Invoice {
        functions = List.copyOf(functions);
        charges = List.copyOf(charges);
    }

    static Invoice of(PriceCatalog catalog, boolean freeTier, Collection<FunctionUsage> usage) {
        PriceCatalog.Prices prices = catalog.prices();
        List<FunctionLine> lines = usage.stream().map(u -> FunctionLine.of(u, prices)).toList();
        List<Charge> charges = charges(catalog, freeTier, usage);
        BigDecimal total = charges.stream().map(Charge::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Invoice(catalog.name(), catalog.provider(), catalog.currency(),
                catalog.source(), catalog.readOn(), freeTier, lines, charges, total);
    }

    /**
     * This invoice as one JSON object, with every amount and quantity as a JSON number.
     *
     * @return indented JSON: the catalog's name and source, the function lines, the charges
     *     and {@code total}
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an invoice could not be written as JSON", e);
        }
    }

    /**
     * The total before each charge is rounded to cents: what a small test run really costs.
     *
     * @return the sum of the charges' exact amounts
     */
    public BigDecimal exactTotal() {
        return charges.stream().map(Charge::exactAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * This invoice as a text table for people, ending with a {@code Total: $x.yz} line.
     *
     * @return several lines of text, none wider than about 100 columns
     */
    public String render() {
        return InvoiceText.render(this);
    }

    private static List<Charge> charges(PriceCatalog catalog, boolean freeTier,
            Collection<FunctionUsage> usage) {
        PriceCatalog.Prices prices = catalog.prices();
        PriceCatalog.FreeTier free = freeTier ? catalog.freeTier()
                : new PriceCatalog.FreeTier(0, BigDecimal.ZERO, BigDecimal.ZERO);
        List<Charge> charges = new ArrayList<>();

        // On-demand duration and init share one meter and one free allowance.
        BigDecimal gbSeconds = sum(usage, u -> u.gbSeconds().add(u.initGbSeconds()));
        charges.add(Charge.of("compute (GB-s)", gbSeconds, free.gbSeconds(),
                prices.perGbSecond(), "GB-s", BigDecimal.ONE));
        if (prices.perVcpuSecond().signum() > 0) {
            BigDecimal vcpuSeconds = sum(usage, u -> u.vcpuSeconds().add(u.initVcpuSeconds()));
            charges.add(Charge.of("compute (vCPU-s)", vcpuSeconds, free.vcpuSeconds(),
                    prices.perVcpuSecond(), "vCPU-s", BigDecimal.ONE));
        }

        // Every invocation is a request, on demand or on a provisioned instance.
        long requests = usage.stream().mapToLong(FunctionUsage::requests).sum();
        charges.add(Charge.of("requests", BigDecimal.valueOf(requests),
                BigDecimal.valueOf(free.requests()), prices.perMillionRequests(),
                "1M requests", ONE_MILLION));

        // The free tier does not cover provisioned instances.
        BigDecimal served = sum(usage, FunctionUsage::provisionedGbSeconds);
        BigDecimal kept = sum(usage, FunctionUsage::keptGbSeconds);
        if (served.signum() > 0) {
            charges.add(Charge.of("provisioned compute (GB-s)", served, BigDecimal.ZERO,
                    prices.provisionedPerGbSecond(), "GB-s", BigDecimal.ONE));
        }
        if (kept.signum() > 0) {
            charges.add(Charge.of("provisioned kept (GB-s)", kept, BigDecimal.ZERO,
                    prices.provisionedKeptPerGbSecond(), "GB-s", BigDecimal.ONE));
        }
        return charges;
    }

    private static BigDecimal sum(Collection<FunctionUsage> usage,
            Function<FunctionUsage, BigDecimal> quantity) {
        return usage.stream().map(quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * What one function used and cost, before the account's free tier.
     *
     * @param function the function's name
     * @param requests its invocations, on demand and on provisioned instances
     * @param gbSeconds billed GB-seconds of its on-demand invocations, init excluded
     * @param initGbSeconds billed GB-seconds of initialisation
     * @param provisionedGbSeconds billed GB-seconds of invocations on provisioned instances
     * @param keptGbSeconds billed GB-seconds for which provisioned instances were kept
     * @param computeCharge on-demand duration, memory and CPU where CPU is priced apart
     * @param initCharge billed initialisation
     * @param requestCharge requests
     * @param provisionedCharge provisioned instances kept, and the duration they served
     * @param total the sum of the four charges
     */
    public record FunctionLine(
            String function,
            long requests,
            BigDecimal gbSeconds,
            BigDecimal initGbSeconds,
            BigDecimal provisionedGbSeconds,
            BigDecimal keptGbSeconds,
            BigDecimal computeCharge,
            BigDecimal initCharge,
            BigDecimal requestCharge,
            BigDecimal provisionedCharge,
            BigDecimal total) {

        static FunctionLine of(FunctionUsage u, PriceCatalog.Prices prices) {
            BigDecimal compute = cents(u.gbSeconds().multiply(prices.perGbSecond())
                    .add(u.vcpuSeconds().multiply(prices.perVcpuSecond())));
            BigDecimal init = cents(u.initGbSeconds().multiply(prices.perGbSecond())
                    .add(u.initVcpuSeconds().multiply(prices.perVcpuSecond())));
            BigDecimal requests = cents(BigDecimal.valueOf(u.requests())
                    .multiply(prices.perMillionRequests()).divide(ONE_MILLION));
            BigDecimal provisioned = cents(provisioned(u, prices));
            BigDecimal total = compute.add(init).add(requests).add(provisioned);
            return new FunctionLine(u.function(), u.requests(), u.gbSeconds(),
                    u.initGbSeconds(), u.provisionedGbSeconds(), u.keptGbSeconds(), compute,
                    init, requests, provisioned, total);
        }

        private static BigDecimal provisioned(FunctionUsage u, PriceCatalog.Prices prices) {
            if (!prices.offersProvisioned()) return BigDecimal.ZERO;
            return u.provisionedGbSeconds().multiply(prices.provisionedPerGbSecond())
                    .add(u.keptGbSeconds().multiply(prices.provisionedKeptPerGbSecond()));
        }
    }

    /**
     * One meter of the account's bill: quantity, free tier, billable quantity, price, amount.
     *
     * <p>Worked example (AWS x86, 1536 MB, 3M invocations of 120 ms, free tier):
     * 540,000 GB-s less 400,000 free leaves 140,000, times $0.0000166667 is $2.333338,
     * rounded half-up to $2.33. {@code AwsLambdaExamplesTest} covers it.
     *
     * @param meter what is measured, such as {@code compute (GB-s)} or {@code requests}
     * @param quantity the account's usage on this meter
     * @param freeTier the part of it the free tier covered
     * @param billable the part that is charged
     * @param unitPrice the price of one {@code per}
     * @param per the unit the price is for, such as {@code GB-s} or {@code 1M requests}
     * @param amount billable times unit price, rounded half-up to cents
     * @param exactAmount billable times unit price before rounding, for bills under a cent
     */
    public record Charge(
            String meter,
            BigDecimal quantity,
            BigDecimal freeTier,
            BigDecimal billable,
            BigDecimal unitPrice,
            String per,
            BigDecimal amount,
            BigDecimal exactAmount) {

        static Charge of(String meter, BigDecimal quantity, BigDecimal free,
                BigDecimal unitPrice, String per, BigDecimal unitsPerPrice) {
            BigDecimal billable = quantity.subtract(free).max(BigDecimal.ZERO);
            BigDecimal exact = billable.multiply(unitPrice).divide(unitsPerPrice);
            BigDecimal covered = quantity.subtract(billable);
            return new Charge(meter, quantity, covered.stripTrailingZeros(),
                    billable.stripTrailingZeros(), unitPrice, per, cents(exact),
                    exact.stripTrailingZeros());
        }
    }
}
