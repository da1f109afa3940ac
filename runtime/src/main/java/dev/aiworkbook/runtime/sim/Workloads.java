package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whole workloads: one or many functions, each with a load of the chosen kind.
 *
 * <p>Many functions share the total rate unevenly, as production traces show: most functions
 * are invoked rarely and a few very often. Each function's weight is log-normal, with the
 * spread fitted to "Serverless in the Wild" (USENIX ATC 2020): about 45% of its functions are
 * invoked at most once an hour and 81% at most once a minute, which a normal distribution of
 * log10(rate per second) meets with median -3.33 and standard deviation 1.77. The weights are
 * then scaled so the functions' rates add up to the total asked for.
 */
public final class Workloads {

    /** log10 of the median function's invocations per second, fitted to the Azure trace. */
    public static final double AZURE_LOG10_RATE_MEDIAN = -3.33;
    /** The standard deviation of log10(rate), fitted to the Azure trace. */
    public static final double AZURE_LOG10_RATE_SIGMA = 1.77;

    /** How long each burst of a bursty load lasts. */
    public static final Duration BURST_ON = Duration.ofMinutes(1);
    /** How long the quiet between bursts lasts. */
    public static final Duration BURST_OFF = Duration.ofMinutes(4);
    /** How far a diurnal load swings around its average, as a share of it. */
    public static final double DIURNAL_AMPLITUDE = 0.8;
    /** The period of a diurnal load. */
    public static final Duration DAY = Duration.ofDays(1);

    private Workloads() {
    }

    /** The kinds of synthetic load. */
    public enum Load {
        CONSTANT, POISSON, BURSTY, DIURNAL;

        /**
         * @param text such as "poisson"
         * @return the load of that name
         * @throws IllegalArgumentException naming the accepted names
         */
        public static Load parse(String text) {
            for (Load load : values()) {
                if (load.name().equalsIgnoreCase(text == null ? "" : text.trim())) return load;
            }
            throw new IllegalArgumentException("load must be one of constant, poisson, bursty,"
                    + " diurnal, was: \"" + text + "\"");
        }

        /**
         * @param rate invocations per second
         * @param length when arrivals stop
         * @param random the load's random source
         * @return the arrivals of one function
         */
        public Arrivals arrivals(double rate, Duration length, SplittableRandom random) {
            return switch (this) {
                case CONSTANT -> Loads.constant(rate, length, random);
                case POISSON -> Loads.poisson(rate, length, random);
                case BURSTY -> Loads.bursty(rate, BURST_ON, BURST_OFF, length, random);
                case DIURNAL -> Loads.diurnal(rate, DIURNAL_AMPLITUDE, DAY, length, random);
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One workload of synthetic functions.
     *
     * @param load the kind of load of every function
     * @param totalRate invocations per second over all functions, more than zero
     * @param functions how many functions, 1 or more; with 1 it has the whole rate
     * @param length when arrivals stop
     * @param duration every function's run time
     * @param init every function's init time
     * @param memoryMb every function's memory
     * @param maxInstances every function's most instances
     * @param seed the seed of the rates and of the loads
     * @return the functions, named f0, f1, ...
     */
    public static List<SimulatedFunction> synthetic(Load load, double totalRate, int functions,
            Duration length, DurationDistribution duration, DurationDistribution init,
            int memoryMb, int maxInstances, long seed) {
        if (functions < 1) throw new IllegalArgumentException("functions must be 1 or more,"
                + " was: " + functions);
        SplittableRandom random = new SplittableRandom(seed);
        double[] rates = functions == 1 ? new double[] {totalRate}
                : heavyTailedRates(functions, totalRate, random);
        List<SimulatedFunction> out = new ArrayList<>(functions);
        for (int i = 0; i < functions; i++) {
            FunctionSpec spec = FunctionSpec.of("f" + i, "sim.Function").withMemoryMb(memoryMb)
                    .withMaxInstances(maxInstances);
            out.add(new SimulatedFunction(spec, load.arrivals(rates[i], length, random.split()),
                    duration, init));
        }
        return out;
    }

    /**
     * Rates for many functions, log-normal in shape and adding up to {@code totalRate}.
     *
     * @param functions how many
     * @param totalRate their sum, in invocations per second
     * @param random the random source
     * @return one rate per function
     */
    public static double[] heavyTailedRates(int functions, double totalRate,
            SplittableRandom random) {
        double[] rates = new double[functions];
        double sum = 0;
        for (int i = 0; i < functions; i++) {
            rates[i] = azureRate(random);
            sum += rates[i];
        }
        for (int i = 0; i < functions; i++) rates[i] *= totalRate / sum;
        return rates;
    }

    /** @return one function's rate drawn from the fit to the Azure trace, per second */
    static double azureRate(SplittableRandom random) {
        return Math.pow(10, AZURE_LOG10_RATE_MEDIAN
                + AZURE_LOG10_RATE_SIGMA * AzureTraceGenerator.gaussian(random));
    }
}
