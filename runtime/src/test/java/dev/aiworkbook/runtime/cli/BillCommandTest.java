package dev.aiworkbook.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BillCommandTest {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: \\$([0-9,.]+)$");

    @Test
    @DisplayName("bill prints the invoice and AWS's $2.73 mobile-backend total")
    void printsTheInvoice() {
        Run run = Run.of(new BillCommand(), "--memory-mb", "1536", "--invocations", "3000000",
                "--duration-ms", "120", "--free-tier");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("aws-lambda-x86", "compute (GB-s)", "Total: $2.73");
        assertThat(run.err).isEmpty();
    }

    @Test
    @DisplayName("--prices picks the catalog: Azure's example is $18.00")
    void billsWithTheNamedCatalog() {
        Run run = Run.of(new BillCommand(), "--prices", "azure-functions-consumption",
                "--memory-mb", "512", "--invocations", "3000000", "--duration-ms", "1000",
                "--free-tier");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("azure-functions-consumption", "Total: $18.00");
    }

    @Test
    @DisplayName("--json prints one JSON object whose total equals the text's total")
    void jsonTotalEqualsTextTotal() throws Exception {
        String[] args = {"--memory-mb", "512", "--invocations", "3000000",
            "--duration-ms", "1000", "--free-tier"};
        Run text = Run.of(new BillCommand(), args);
        Run json = Run.of(new BillCommand(), concat(args, "--json"));

        JsonNode parsed = new ObjectMapper().readTree(json.out);

        assertThat(json.exitCode).as(json.err).isZero();
        assertThat(parsed.get("total").isNumber()).isTrue();
        assertThat(parsed.get("total").decimalValue()).isEqualByComparingTo(textTotal(text.out));
        // AWS's classic 512 MB example at today's price: $18.33 compute + $0.40 requests.
        assertThat(parsed.get("total").decimalValue()).isEqualByComparingTo("18.73");
        assertThat(parsed.get("functions")).hasSize(1);
    }

    @Test
    @DisplayName("a missing option prints the reason and the usage, exit code 2")
    void missingOptionIsAUsageError() {
        Run run = Run.of(new BillCommand(), "--invocations", "10", "--duration-ms", "5");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--memory-mb", "Usage: bill");
        assertThat(run.out).isEmpty();
    }

    @Test
    @DisplayName("memory outside 128..10240 MB names the option, the rule and the value")
    void memoryOutOfRangeIsAUsageError() {
        Run run = Run.of(new BillCommand(), "--memory-mb", "64", "--invocations", "10",
                "--duration-ms", "5");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--memory-mb must be 128..10240, was: 64", "Usage: bill");
    }

    @Test
    @DisplayName("negative invocations or duration are usage errors")
    void negativeCountsAreUsageErrors() {
        Run invocations = Run.of(new BillCommand(), "--memory-mb", "512", "--invocations", "-1",
                "--duration-ms", "5");
        Run duration = Run.of(new BillCommand(), "--memory-mb", "512", "--invocations", "1",
                "--duration-ms", "-5");

        assertThat(invocations.exitCode).isEqualTo(2);
        assertThat(invocations.err).contains("--invocations must be 0 or more, was: -1");
        assertThat(duration.exitCode).isEqualTo(2);
        assertThat(duration.err).contains("--duration-ms must be 0 or more, was: -5");
    }

    @Test
    @DisplayName("an unknown catalog lists the known ones")
    void unknownCatalogListsTheKnownOnes() {
        Run run = Run.of(new BillCommand(), "--prices", "lambda", "--memory-mb", "512",
                "--invocations", "1", "--duration-ms", "5");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("\"lambda\"", "Usage: bill");
        assertThat(run.err).contains(PriceCatalog.names().toArray(String[]::new));
    }

    @Test
    @DisplayName("prices lists every catalog with its source and the day read")
    void pricesListsEveryCatalog() {
        Run run = Run.of(new PricesCommand());

        assertThat(run.exitCode).as(run.err).isZero();
        for (String name : PriceCatalog.names()) {
            PriceCatalog catalog = PriceCatalog.load(name);
            assertThat(run.out).contains(name, catalog.source(), catalog.readOn().toString(),
                    catalog.provider());
        }
    }

    private static BigDecimal textTotal(String text) {
        Matcher m = TOTAL.matcher(text);
        assertThat(m.find()).as("a 'Total: $x' line in:%n%s", text).isTrue();
        return new BigDecimal(m.group(1).replace(",", ""));
    }

    private static String[] concat(String[] args, String more) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    /** One run of a command with its output and errors captured. */
    private static final class Run {
        final int exitCode;
        final String out;
        final String err;

        private Run(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        static Run of(Callable<Integer> command, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            int exitCode = cmd.execute(args);
            return new Run(exitCode, out.toString(), err.toString());
        }
    }
}
