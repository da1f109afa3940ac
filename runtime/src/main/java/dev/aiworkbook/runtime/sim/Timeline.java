package dev.aiworkbook.runtime.sim;

/**
 * A run over time, in fixed memory: per time bucket, the average loaded instances and
 * in-flight invocations, and the cold starts and throttles. It listens to a simulation and
 * feeds {@link SimulationChart}.
 *
 * <p>Averages are weighted by time: an instance loaded for half of a bucket counts one half.
 * An invocation is in flight from its arrival to its end, so waiting for init counts.
 */
public final class Timeline implements SimulationListener {

    private final long lengthNanos;
    private final long bucketNanos;
    private final double[] instanceNanos;
    private final double[] inFlightNanos;
    private final long[] coldStarts;
    private final long[] throttled;
    private long loaded;
    private long lastChange;

    /**
     * @param lengthNanos the simulation's length, more than zero
     * @param buckets how many buckets to split it into, 1..100,000
     * @throws IllegalArgumentException if an argument breaks its rule
     */
    public Timeline(long lengthNanos, int buckets) {
        if (lengthNanos <= 0) throw new IllegalArgumentException("lengthNanos must be more"
                + " than zero, was: " + lengthNanos);
        if (buckets < 1 || buckets > 100_000) {
            throw new IllegalArgumentException("buckets must be 1..100000, was: " + buckets);
        }
        this.lengthNanos = lengthNanos;
        this.bucketNanos = Math.max(1, (lengthNanos + buckets - 1) / buckets);
        int count = (int) ((lengthNanos + bucketNanos - 1) / bucketNanos);
        this.instanceNanos = new double[count];
        this.inFlightNanos = new double[count];
        this.coldStarts = new long[count];
        this.throttled = new long[count];
    }

    @Override
    public void invoked(String function, long arrival, long start, long end, boolean cold) {
        spread(inFlightNanos, arrival, end, 1);
        if (cold && arrival < lengthNanos) coldStarts[bucket(arrival)]++;
    }

    @Override
    public void throttled(String function, long at, String reason) {
        if (at < lengthNanos) throttled[bucket(at)]++;
    }

    @Override
    public void instanceStarted(String function, long at, long init) {
        step(at, +1);
    }

    @Override
    public void instanceReclaimed(String function, long at, String reason, long idle,
            int memoryMb) {
        step(at, -1);
    }

    /** @return how many buckets there are */
    public int buckets() {
        return coldStarts.length;
    }

    /** @return the width of one bucket, in nanoseconds */
    public long bucketNanos() {
        return bucketNanos;
    }

    /** @return the time-weighted average of loaded instances, per bucket */
    public double[] instances() {
        closeSteps();
        return averages(instanceNanos);
    }

    /** @return the time-weighted average of in-flight invocations, per bucket */
    public double[] inFlight() {
        return averages(inFlightNanos);
    }

    /** @return the cold starts that arrived in each bucket */
    public long[] coldStarts() {
        return coldStarts.clone();
    }

    /** @return the throttled invocations in each bucket */
    public long[] throttled() {
        return throttled.clone();
    }

    private void step(long at, int change) {
        long now = Math.min(at, lengthNanos);
        spread(instanceNanos, lastChange, now, loaded);
        lastChange = Math.max(lastChange, now);
        loaded += change;
    }

    private void closeSteps() {
        spread(instanceNanos, lastChange, lengthNanos, loaded);
        lastChange = lengthNanos;
    }

    /** Adds {@code weight × overlap} of [from, to) to every bucket it covers. */
    private void spread(double[] into, long from, long to, double weight) {
        long end = Math.min(to, lengthNanos);
        long at = Math.max(0, from);
        while (at < end) {
            int b = bucket(at);
            long bucketEnd = Math.min(end, (b + 1) * bucketNanos);
            into[b] += weight * (bucketEnd - at);
            at = bucketEnd;
        }
    }

    private int bucket(long at) {
        return (int) Math.min(coldStarts.length - 1, at / bucketNanos);
    }

    private double[] averages(double[] nanos) {
        double[] out = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            long width = Math.min(bucketNanos, lengthNanos - i * bucketNanos);
            out[i] = nanos[i] / width;
        }
        return out;
    }
}
