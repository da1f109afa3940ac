package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.billing.Estimate;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.billing.StandardMeteringRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chapter 02: the GB-second, and what one invocation costs at several memory sizes under
 * each provider's price catalog.
 */
public final class CostExperiment {

    /** The catalogs compared, in the order of the table's columns. */
    public static final List<String> CATALOGS = List.of("aws-lambda-x86", "aws-lambda-arm64",
            "azure-functions-consumption", "google-cloud-run");
    private static final long MILLION = 1_000_000;

    private CostExperiment() {
    }

    /**
     * One memory size's costs.
     *
     * @param memoryMb the memory configured
     * @param gbSeconds the GB-seconds of one invocation
     * @param perMillion the cost of a million invocations, free tier off, by catalog name;
     *     empty where the catalog does not offer that memory size
     */
    public record Row(int memoryMb, double gbSeconds,
            Map<String, Optional<BigDecimal>> perMillion) {
    }

    /**
     * Prices one invocation of the given duration at each memory size.
     *
     * @param duration how long each invocation runs
     * @param memorySizes the sizes to compare, in MB
     * @return one row per size
     */
    public static List<Row> perInvocation(Duration duration, List<Integer> memorySizes) {
        StandardMeteringRule rule = new StandardMeteringRule();
        List<Row> rows = new ArrayList<>();
        for (int mb : memorySizes) {
            Duration billed = rule.billedDuration(duration, Duration.ofMillis(1), Duration.ZERO);
            Map<String, Optional<BigDecimal>> costs = new LinkedHashMap<>();
            for (String name : CATALOGS) costs.put(name, perMillion(name, mb, duration));
            rows.add(new Row(mb, rule.gbSeconds(mb, billed), costs));
        }
        return rows;
    }

    private static Optional<BigDecimal> perMillion(String catalog, int mb, Duration duration) {
        PriceCatalog prices = PriceCatalog.load(catalog);
        if (mb > prices.rules().maximumBilledMemoryMb()) return Optional.empty();
        return Optional.of(Estimate.monthly(prices, mb, MILLION, duration, false).total());
    }

    /**
     * Renders rows as a table, in dollars per million invocations.
     *
     * @param rows the rows of {@link #perInvocation}
     * @return the table text
     */
    public static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-9s %9s", "memory",
                "GB-s/call"));
        for (String name : CATALOGS) {
            out.append(String.format(Locale.ROOT, " %13s", shortName(name)));
        }
        out.append("   (US$ per 1M calls, free tier off)\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-9s %9.4f", r.memoryMb() + " MB",
                    r.gbSeconds()));
            for (Optional<BigDecimal> cost : r.perMillion().values()) {
                out.append(String.format(Locale.ROOT, " %13s",
                        cost.map(c -> "$" + c.toPlainString()).orElse("n/a")));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String shortName(String catalog) {
        return switch (catalog) {
            case "aws-lambda-x86" -> "AWS x86";
            case "aws-lambda-arm64" -> "AWS arm64";
            case "azure-functions-consumption" -> "Azure";
            case "google-cloud-run" -> "Cloud Run";
            default -> catalog;
        };
    }
}
