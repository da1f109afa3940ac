package dev.aiworkbook.runtime.cli;

import dev.aiworkbook.runtime.billing.BillingRecord;
import dev.aiworkbook.runtime.billing.Estimate;
import dev.aiworkbook.runtime.billing.Invoice;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code faas bill}: prices a month of one function's invocations with a built-in catalog.
 *
 * <p>Example: {@code bill --memory-mb 1536 --invocations 3000000 --duration-ms 120
 * --free-tier} prints AWS Lambda's $2.73 mobile-backend example. Bad arguments print the
 * reason and the usage, and end with exit code 2. Chapter 01 runs it.
 */
@Command(name = "bill", mixinStandardHelpOptions = true,
        description = "Estimates a month's bill for one function from a price catalog.")
public final class BillCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--memory-mb", required = true, paramLabel = "MB",
            description = "Memory configured for the function, "
                    + BillingRecord.MIN_MEMORY_MB + ".." + BillingRecord.MAX_MEMORY_MB + " MB.")
    private int memoryMb;

    @Option(names = "--invocations", required = true, paramLabel = "N",
            description = "Invocations in the month, 0 or more.")
    private long invocations;

    @Option(names = "--duration-ms", required = true, paramLabel = "MS",
            description = "Average run time of one invocation in milliseconds, 0 or more.")
    private long durationMs;

    @Option(names = "--prices", paramLabel = "NAME", defaultValue = "aws-lambda-x86",
            description = "Price catalog to bill with (default: ${DEFAULT-VALUE}); "
                    + "'prices' lists them.")
    private String prices;

    @Option(names = "--free-tier", description = "Take the provider's monthly free tier off.")
    private boolean freeTier;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        PriceCatalog catalog = validatedCatalog();
        Invoice invoice = Estimate.monthly(catalog, memoryMb, invocations,
                Duration.ofMillis(durationMs), freeTier);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? invoice.toJson() + System.lineSeparator() : invoice.render());
        out.flush();
        return 0;
    }

    private PriceCatalog validatedCatalog() {
        if (memoryMb < BillingRecord.MIN_MEMORY_MB || memoryMb > BillingRecord.MAX_MEMORY_MB) {
            throw usageError("--memory-mb must be " + BillingRecord.MIN_MEMORY_MB + ".."
                    + BillingRecord.MAX_MEMORY_MB + ", was: " + memoryMb);
        }
        if (invocations < 0) {
            throw usageError("--invocations must be 0 or more, was: " + invocations);
        }
        if (durationMs < 0) {
            throw usageError("--duration-ms must be 0 or more, was: " + durationMs);
        }
        List<String> known = PriceCatalog.names();
        if (!known.contains(prices)) {
            throw usageError("--prices must be one of " + String.join(", ", known)
                    + ", was: \"" + prices + "\"");
        }
        return PriceCatalog.load(prices);
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
