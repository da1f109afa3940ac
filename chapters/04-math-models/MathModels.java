///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 04: the math models of serverless, each formula next to the simulated figure
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.experiment.ColdStartChart;
import dev.aiworkbook.runtime.experiment.MathModelsExperiment;
import dev.aiworkbook.runtime.model.BreakEven;
import dev.aiworkbook.runtime.model.ColdStarts;
import dev.aiworkbook.runtime.model.ErlangC;
import dev.aiworkbook.runtime.model.LittlesLaw;
import dev.aiworkbook.runtime.model.MonthlyBill;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

public class MathModels {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        System.out.println(run(seed));
    }

    static String run(long seed) {
        PriceCatalog aws = PriceCatalog.load("aws-lambda-x86");
        StringBuilder out = new StringBuilder("== The formulas, worked ==\n");
        out.append(line("Little: 50/s x 200 ms in flight",
                LittlesLaw.meanInFlight(50, Duration.ofMillis(200))));
        out.append(line("  instances for it at 70% utilisation",
                LittlesLaw.instancesFor(50, Duration.ofMillis(200), 1, 0.7)));
        out.append(line("P(cold): a call every 8 min, keep-alive 10 min",
                ColdStarts.probability(1 / 480.0, Duration.ofMinutes(10))));
        out.append(line("  keep-alive for 5% cold (minutes)",
                ColdStarts.keepAliveFor(1 / 480.0, 0.05).toSeconds() / 60.0));
        out.append(line("bill: 10/s for 30 days, 512 MB, 100 ms (US$)",
                MonthlyBill.expected(aws, 512, 10, Duration.ofMillis(100), MonthlyBill.MONTH,
                        false).doubleValue()));
        out.append(line("break-even vs a $0.0416/h VM, 1024 MB, 1 s (calls/s)",
                BreakEven.requestsPerSecond(aws, 1024, Duration.ofSeconds(1),
                        MathModelsExperiment.VM_USD_PER_HOUR)));
        out.append(line("Erlang C: P(wait), 5 instances, 3 erlangs",
                ErlangC.probabilityOfWaiting(5, 3)));
        out.append(line("  mean wait (s) with 1 s durations",
                ErlangC.meanWait(5, 3, Duration.ofSeconds(1)).toMillis() / 1000.0));

        long started = System.nanoTime();
        MathModelsExperiment.Report report = MathModelsExperiment.run(seed);
        out.append("\n== Each formula against the platform on a virtual clock (seed ")
                .append(seed).append(") ==\n").append(MathModelsExperiment.render(report.checks()))
                .append(report.holds() ? "every check holds" : "SOME CHECK FAILS")
                .append(String.format(Locale.ROOT, "; simulated in %.1f s%n",
                        (System.nanoTime() - started) / 1e9));
        return out.append(chart(report)).toString();
    }

    private static String line(String what, double value) {
        return String.format(Locale.ROOT, "%-54s %10.4f%n", what, value);
    }

    private static String chart(MathModelsExperiment.Report report) {
        try {
            return "chart: " + ColdStartChart.write(report.coldPoints(),
                    MathModelsExperiment.COLD_RATE, Path.of("target", "cold-starts.png"))
                    .toAbsolutePath();
        } catch (IllegalStateException e) {
            return "chart not drawn: " + e.getMessage();
        }
    }
}
