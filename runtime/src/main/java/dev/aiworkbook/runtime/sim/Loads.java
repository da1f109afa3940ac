package dev.aiworkbook.runtime.sim;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The synthetic loads: when one function's invocations arrive, generated lazily and ending at
 * the simulation's length. Every load takes its own random source, so one seed gives one
 * stream whatever else the simulation draws.
 *
 * <p>Rates are invocations per second; times are nanoseconds since the start.
 */
public final class Loads {

    private static final double NANOS = 1e9;

    private Loads() {
    }

    /**
     * Evenly spaced arrivals, from a random phase within the first gap (so many functions
     * with the same rate do not all arrive at once).
     *
     * @param rate invocations per second, more than zero
     * @param length when arrivals stop
     * @param random the load's random source
     * @return the arrivals
     */
    public static Arrivals constant(double rate, Duration length, SplittableRandom random) {
        requireRate(rate);
        double gap = NANOS / rate;
        double phase = random.nextDouble() * gap;
        long end = length.toNanos();
        return new Arrivals() {
            private long k;

            @Override
            public long next() {
                long at = (long) (phase + gap * k++);
                return at < end ? at : END;
            }
        };
    }

    /**
     * A Poisson process: independent arrivals, exponential gaps with mean 1 / rate.
     *
     * @param rate invocations per second, more than zero
     * @param length when arrivals stop
     * @param random the load's random source
     * @return the arrivals
     */
    public static Arrivals poisson(double rate, Duration length, SplittableRandom random) {
        requireRate(rate);
        return new Poisson(rate, length.toNanos(), random);
    }

    /**
     * On/off bursts: Poisson at {@code rate × (on + off) / on} during each on period, nothing
     * during the off period, so the long-run average is {@code rate}. Each function starts at
     * a random point of its cycle.
     *
     * @param rate the average invocations per second, more than zero
     * @param on how long each burst lasts, more than zero
     * @param off how long each quiet period lasts, zero or more
     * @param length when arrivals stop
     * @param random the load's random source
     * @return the arrivals
     */
    public static Arrivals bursty(double rate, Duration on, Duration off, Duration length,
            SplittableRandom random) {
        requireRate(rate);
        if (on.isNegative() || on.isZero() || off.isNegative()) {
            throw new IllegalArgumentException("on must be more than zero and off zero or more,"
                    + " were: " + on + ", " + off);
        }
        long onNanos = on.toNanos();
        long cycle = onNanos + off.toNanos();
        double peak = rate * cycle / onNanos;
        long phase = (long) (random.nextDouble() * cycle);
        return thinned(new Poisson(peak, length.toNanos(), random),
                t -> Math.floorMod(t + phase, cycle) < onNanos ? 1 : 0, random);
    }

    /**
     * A daily cycle: rate × (1 + amplitude × sin), lowest at the start of each period and
     * highest half a period later, made by thinning a Poisson process at the peak rate.
     *
     * @param rate the average invocations per second, more than zero
     * @param amplitude how far the rate swings around the average, 0..1
     * @param period the length of one cycle, such as a day
     * @param length when arrivals stop
     * @param random the load's random source
     * @return the arrivals
     */
    public static Arrivals diurnal(double rate, double amplitude, Duration period,
            Duration length, SplittableRandom random) {
        requireRate(rate);
        if (!(amplitude >= 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be 0..1, was: " + amplitude);
        }
        double omega = 2 * Math.PI / period.toNanos();
        return thinned(new Poisson(rate * (1 + amplitude), length.toNanos(), random),
                t -> (1 - amplitude * Math.cos(omega * t)) / (1 + amplitude), random);
    }

    /** Keeps each arrival of a faster process with a probability that depends on its time. */
    private static Arrivals thinned(Arrivals faster, Keep keep, SplittableRandom random) {
        return () -> {
            while (true) {
                long at = faster.next();
                if (at == Arrivals.END) return at;
                if (random.nextDouble() < keep.probability(at)) return at;
            }
        };
    }

    private static void requireRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be more than zero invocations per"
                    + " second, was: " + rate);
        }
    }

    @FunctionalInterface
    private interface Keep {
        double probability(long at);
    }

    private static final class Poisson implements Arrivals {
        private final double meanGap;
        private final long end;
        private final SplittableRandom random;
        private double at;

        Poisson(double rate, long end, SplittableRandom random) {
            this.meanGap = NANOS / rate;
            this.end = end;
            this.random = random;
        }

        @Override
        public long next() {
            if (at >= end) return END;
            at += -Math.log(1 - random.nextDouble()) * meanGap;
            return at < end ? (long) at : END;
        }
    }
}
