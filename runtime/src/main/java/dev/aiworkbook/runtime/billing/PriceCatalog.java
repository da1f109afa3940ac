package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Checks.quoted;
import static dev.aiworkbook.runtime.billing.Checks.require;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One provider's prices and metering rules, read from a data file under {@code prices/},
 * with the public page they came from and the day they were read.
 *
 * <p>The rules are data, not code: 1 ms steps and no minimum for AWS Lambda, 1 ms steps with a
 * 100 ms and 128 MB minimum and 128 MB memory steps for Azure Functions, 100 ms steps for
 * Google Cloud Run. Chapter 01 prices one workload with each built-in catalog.
 *
 * @param name the catalog's name, also its file name: lower-case letters, digits and '-'
 * @param provider the offer it prices, with architecture and region
 * @param currency the currency of every price; only {@code USD}
 * @param source the public pricing page the prices were read from
 * @param readOn the day the prices were read
 * @param rules how a run time and a memory size become billed quantities
 * @param prices the unit prices
 * @param freeTier what the provider gives free per account and month
 */
public record PriceCatalog(
        String name,
        String provider,
        String currency,
        String source,
        LocalDate readOn,
        Rules rules,
        Prices prices,
        FreeTier freeTier) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final String INDEX = "/prices/index.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public PriceCatalog {
        require(name != null && NAME.matcher(name).matches(), "name",
                "must be 1..64 lower-case letters, digits or '-'", name);
        require(provider != null && !provider.isBlank(), "provider", "must not be blank",
                provider);
        require("USD".equals(currency), "currency", "must be USD", currency);
        require(source != null && source.startsWith("https://"), "source",
                "must be the https address of a public pricing page", source);
        require(readOn != null, "readOn", "must be the day the prices were read", readOn);
        require(rules != null, "rules", "must be given", rules);
        require(prices != null, "prices", "must be given", prices);
        require(freeTier != null, "freeTier", "must be given", freeTier);
    }

    /**
     * Loads a built-in catalog from the class path.
     *
     * @param name one of {@link #names()}, such as {@code aws-lambda-x86}
     * @return the catalog, validated
     * @throws IllegalArgumentException if no built-in catalog has that name; the message
     *     lists the known names
     * @throws IllegalStateException if the catalog's file is missing or breaks a rule
     */
    public static PriceCatalog load(String name) {
        List<String> known = names();
        if (name == null || !known.contains(name)) {
            throw new IllegalArgumentException("catalog must be one of " + known + ", was: "
                    + quoted(name));
        }
        PriceCatalog catalog = read("/prices/" + name + ".yaml", new TypeReference<>() { });
        if (!catalog.name().equals(name)) {
            throw new IllegalStateException("catalog file " + name + ".yaml must be named "
                    + quoted(name) + ", was: " + quoted(catalog.name()));
        }
        return catalog;
    }

    /**
     * Lists the built-in catalogs, in the order of {@code prices/index.yaml}.
     *
     * @return the names that {@link #load(String)} accepts
     * @throws IllegalStateException if the index is missing or unreadable
     */
    public static List<String> names() {
        return List.copyOf(read(INDEX, new TypeReference<List<String>>() { }));
    }

    /**
     * Returns this catalog with other unit prices, for a what-if or an old published example.
     *
     * @param changed the prices to use instead
     * @return a catalog that differs from this one in its prices only
     * @throws IllegalArgumentException if {@code changed} is null
     */
    public PriceCatalog withPrices(Prices changed) {
        return new PriceCatalog(name, provider, currency, source, readOn, rules, changed,
                freeTier);
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = PriceCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("price catalog resource " + resource
                        + " is missing from the class path");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("price catalog resource " + resource
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * How a measured run time and a configured memory size become billed quantities.
     *
     * @param granularityMs the billing step for one invocation, in ms: 1 for AWS, 100 for
     *     Cloud Run
     * @param minimumBilledMs the least billed for one invocation, in ms: 100 for Azure
     * @param memoryStepMb memory is billed in whole steps of this many MB: 128 for Azure
     * @param minimumBilledMemoryMb the least memory billed for one invocation, in MB
     * @param maximumBilledMemoryMb the most memory billed for one invocation, in MB: Azure
     *     measures at most 1,536 MB
     * @param vcpusPerInstance vCPUs billed beside memory, for providers that price CPU time on
     *     its own (Cloud Run); zero or absent elsewhere
     * @param initBilled whether the initialisation of a new instance is billed as duration
     * @param initSource the public page that says whether initialisation is billed
     * @param provisionedGranularityMs the step in which the time a provisioned instance is kept
     *     is billed, in ms: 5 minutes for AWS; zero or absent means the same as
     *     {@code granularityMs}
     */
    public record Rules(
            long granularityMs,
            long minimumBilledMs,
            int memoryStepMb,
            int minimumBilledMemoryMb,
            int maximumBilledMemoryMb,
            BigDecimal vcpusPerInstance,
            boolean initBilled,
            String initSource,
            long provisionedGranularityMs) {

        public Rules {
            vcpusPerInstance = vcpusPerInstance == null ? BigDecimal.ZERO : vcpusPerInstance;
            provisionedGranularityMs =
                    provisionedGranularityMs == 0 ? granularityMs : provisionedGranularityMs;
            require(granularityMs > 0, "granularityMs", "must be more than zero",
                    granularityMs);
            require(minimumBilledMs >= 0, "minimumBilledMs", "must be zero or more",
                    minimumBilledMs);
            require(memoryStepMb > 0, "memoryStepMb", "must be more than zero", memoryStepMb);
            require(minimumBilledMemoryMb > 0, "minimumBilledMemoryMb",
                    "must be more than zero", minimumBilledMemoryMb);
            require(maximumBilledMemoryMb >= minimumBilledMemoryMb, "maximumBilledMemoryMb",
                    "must be at least minimumBilledMemoryMb (" + minimumBilledMemoryMb + ")",
                    maximumBilledMemoryMb);
            require(vcpusPerInstance.signum() >= 0, "vcpusPerInstance", "must be zero or more",
                    vcpusPerInstance);
            require(initSource != null && initSource.startsWith("https://"), "initSource",
                    "must be the https address of the page that says whether init is billed",
                    initSource);
            require(provisionedGranularityMs > 0, "provisionedGranularityMs",
                    "must be more than zero", provisionedGranularityMs);
        }

        /** @return the billing step for one invocation, such as 1 ms */
        public Duration granularity() {
            return Duration.ofMillis(granularityMs);
        }

        /** @return the least billed for one invocation, such as 100 ms on Azure */
        public Duration minimumBilled() {
            return Duration.ofMillis(minimumBilledMs);
        }

        /** @return the step in which a provisioned instance's kept time is billed */
        public Duration provisionedGranularity() {
            return Duration.ofMillis(provisionedGranularityMs);
        }

        /**
         * The memory billed for a function configured with {@code memoryMb}.
         *
         * <p>Worked example (Azure: 128 MB steps, 128..1,536 MB): 160 MB bills 256 MB and
         * 2,048 MB bills 1,536 MB. {@code PriceCatalogTest} covers it.
         *
         * @param memoryMb the configured memory, in MB; more than zero
         * @return the memory rounded up to a whole step and kept within the billed range
         * @throws IllegalArgumentException if {@code memoryMb} is not positive
         */
        public int billedMemoryMb(int memoryMb) {
            require(memoryMb > 0, "memoryMb", "must be more than zero", memoryMb);
            int steps = (memoryMb + memoryStepMb - 1) / memoryStepMb;
            int rounded = Math.max(steps * memoryStepMb, minimumBilledMemoryMb);
            return Math.min(rounded, maximumBilledMemoryMb);
        }
    }

    /**
     * Unit prices in the catalog's currency.
     *
     * @param perGbSecond the price of one GB-second of on-demand duration
     * @param perVcpuSecond the price of one vCPU-second, where CPU is priced on its own; zero
     *     or absent elsewhere
     * @param perMillionRequests the price of one million requests
     * @param provisionedKeptPerGbSecond the price of one GB-second that a provisioned instance
     *     is kept; absent where the offer has no provisioned instances
     * @param provisionedPerGbSecond the price of one GB-second of duration served by a
     *     provisioned instance; absent where the offer has no provisioned instances
     */
    public record Prices(
            BigDecimal perGbSecond,
            BigDecimal perVcpuSecond,
            BigDecimal perMillionRequests,
            BigDecimal provisionedKeptPerGbSecond,
            BigDecimal provisionedPerGbSecond) {

        public Prices {
            perVcpuSecond = perVcpuSecond == null ? BigDecimal.ZERO : perVcpuSecond;
            requirePrice(perGbSecond, "perGbSecond");
            requirePrice(perVcpuSecond, "perVcpuSecond");
            requirePrice(perMillionRequests, "perMillionRequests");
            require((provisionedKeptPerGbSecond == null) == (provisionedPerGbSecond == null),
                    "provisionedKeptPerGbSecond",
                    "must be given together with provisionedPerGbSecond, or neither",
                    provisionedKeptPerGbSecond);
            if (provisionedKeptPerGbSecond != null) {
                requirePrice(provisionedKeptPerGbSecond, "provisionedKeptPerGbSecond");
                requirePrice(provisionedPerGbSecond, "provisionedPerGbSecond");
            }
        }

        /**
         * Returns these prices with another price per GB-second of on-demand duration.
         *
         * @param value the new price; zero or more
         * @return prices that differ from these in {@code perGbSecond} only
         * @throws IllegalArgumentException if {@code value} is null or negative
         */
        public Prices withPerGbSecond(BigDecimal value) {
            return new Prices(value, perVcpuSecond, perMillionRequests,
                    provisionedKeptPerGbSecond, provisionedPerGbSecond);
        }

        /** @return whether the offer has provisioned instances, with both their prices */
        public boolean offersProvisioned() {
            return provisionedPerGbSecond != null;
        }

        private static void requirePrice(BigDecimal price, String field) {
            require(price != null && price.signum() >= 0, field, "must be a price of zero or more",
                    price);
        }
    }

    /**
     * What the provider gives free per account and month; usage beyond it is billed.
     *
     * @param requests free requests
     * @param gbSeconds free GB-seconds of on-demand duration; absent means none
     * @param vcpuSeconds free vCPU-seconds, where CPU is priced on its own; absent means none
     */
    public record FreeTier(long requests, BigDecimal gbSeconds, BigDecimal vcpuSeconds) {

        public FreeTier {
            gbSeconds = gbSeconds == null ? BigDecimal.ZERO : gbSeconds;
            vcpuSeconds = vcpuSeconds == null ? BigDecimal.ZERO : vcpuSeconds;
            require(requests >= 0, "requests", "must be zero or more", requests);
            require(gbSeconds.signum() >= 0, "gbSeconds", "must be zero or more", gbSeconds);
            require(vcpuSeconds.signum() >= 0, "vcpuSeconds", "must be zero or more",
                    vcpuSeconds);
        }
    }
}
