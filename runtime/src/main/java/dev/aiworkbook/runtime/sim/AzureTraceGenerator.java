package dev.aiworkbook.runtime.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic day in the file format of the Azure Functions 2019 trace, since the real
 * trace cannot be downloaded here. {@link AzureTrace} reads both the same way.
 *
 * <p>The shape follows what "Serverless in the Wild" (USENIX ATC 2020) reports, not its data:
 * average rates per function log-normal over about eight orders of magnitude (about 45% of
 * functions invoked at most once an hour, 81% at most once a minute, see
 * {@link Workloads#AZURE_LOG10_RATE_MEDIAN}); triggers mostly HTTP, then timers and queues;
 * timers invoked on a fixed period; the others per minute as Poisson counts around a daily
 * cycle; median durations log-normal around 300 ms; app memory around 150 MB.
 * Simplification: rates are capped at 20 per second so a fixture stays small.
 */
public final class AzureTraceGenerator {

    private static final int MINUTES = 1440;
    private static final double MAX_RATE = 20;
    private static final String[] TRIGGERS = {"http", "timer", "queue", "event", "storage",
        "orchestration", "others"};
    private static final double[] TRIGGER_SHARES = {0.55, 0.16, 0.12, 0.07, 0.05, 0.03, 0.02};
    private static final int[] TIMER_PERIODS = {1, 5, 15, 60, 1440};

    private AzureTraceGenerator() {
    }

    /**
     * Writes day 1 of a synthetic trace: the invocations, durations and memory files.
     *
     * @param folder where to write; created if missing
     * @param functions how many functions, 1..100,000
     * @param seed the seed of every draw, so one seed gives the same files
     * @return the folder
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if {@code functions} is out of range
     */
    public static Path write(Path folder, int functions, long seed) throws IOException {
        if (functions < 1 || functions > 100_000) {
            throw new IllegalArgumentException("functions must be 1..100000, was: "
                    + functions);
        }
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        int apps = Math.max(1, functions / 3);
        String[] owners = new String[Math.max(1, apps / 2)];
        for (int i = 0; i < owners.length; i++) owners[i] = hash(random);
        String[] appHashes = new String[apps];
        String[] appOwners = new String[apps];
        for (int i = 0; i < apps; i++) {
            appHashes[i] = hash(random);
            appOwners[i] = owners[random.nextInt(owners.length)];
        }
        try (BufferedWriter invocations = writer(folder, AzureTrace.invocationsFile(1));
                BufferedWriter durations = writer(folder, AzureTrace.durationsFile(1))) {
            invocations.write(invocationsHeader());
            durations.write("HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,"
                    + "percentile_Average_0,percentile_Average_1,percentile_Average_25,"
                    + "percentile_Average_50,percentile_Average_75,percentile_Average_99,"
                    + "percentile_Average_100\n");
            for (int f = 0; f < functions; f++) {
                int app = f < apps ? f : random.nextInt(apps);
                String ids = appOwners[app] + "," + appHashes[app] + "," + hash(random);
                long total = writeFunction(invocations, ids, random);
                writeDurations(durations, ids, total, random);
            }
        }
        writeMemory(folder, appOwners, appHashes, random);
        return folder;
    }

    private static long writeFunction(BufferedWriter out, String ids, SplittableRandom random)
            throws IOException {
        String trigger = trigger(random);
        double rate = Math.min(MAX_RATE, Workloads.azureRate(random));
        double phase = random.nextDouble() * MINUTES;
        int period = TIMER_PERIODS[random.nextInt(TIMER_PERIODS.length)];
        int offset = random.nextInt(period);
        StringBuilder line = new StringBuilder(ids).append(',').append(trigger);
        long total = 0;
        for (int m = 0; m < MINUTES; m++) {
            int count;
            if (trigger.equals("timer")) {
                count = (m - offset) % period == 0 && m >= offset ? 1 : 0;
            } else {
                double daily = 1 + 0.5 * Math.sin(2 * Math.PI * (m + phase) / MINUTES);
                count = poisson(rate * 60 * daily, random);
            }
            total += count;
            line.append(',').append(count);
        }
        out.write(line.append('\n').toString());
        return total;
    }

    private static void writeDurations(BufferedWriter out, String ids, long count,
            SplittableRandom random) throws IOException {
        double median = Math.pow(10, 2.5 + 0.9 * gaussian(random));
        double[] shape = {0.2, 0.35, 0.7, 1, 1.5, 4, 6};
        StringBuilder line = new StringBuilder(ids);
        line.append(String.format(Locale.ROOT, ",%.2f,%d,%d,%d", median * 1.2, count,
                Math.round(median * shape[0]), Math.round(median * shape[6])));
        for (double s : shape) line.append(',').append(Math.round(median * s));
        out.write(line.append('\n').toString());
    }

    private static void writeMemory(Path folder, String[] owners, String[] apps,
            SplittableRandom random) throws IOException {
        double[] shape = {0.7, 0.8, 0.9, 1, 1.1, 1.3, 1.5, 1.8};
        try (BufferedWriter out = writer(folder, AzureTrace.memoryFile(1))) {
            out.write("HashOwner,HashApp,SampleCount,AverageAllocatedMb,"
                    + "AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,"
                    + "AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,"
                    + "AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,"
                    + "AverageAllocatedMb_pct100\n");
            for (int a = 0; a < apps.length; a++) {
                double median = Math.pow(10, 2.2 + 0.2 * gaussian(random));
                StringBuilder line = new StringBuilder(owners[a]).append(',').append(apps[a]);
                line.append(',').append(1 + random.nextInt(2000));
                line.append(String.format(Locale.ROOT, ",%.1f", median * 1.02));
                for (double s : shape) line.append(',').append(Math.round(median * s));
                out.write(line.append('\n').toString());
            }
        }
    }

    private static String invocationsHeader() {
        StringBuilder header = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int m = 1; m <= MINUTES; m++) header.append(',').append(m);
        return header.append('\n').toString();
    }

    private static String trigger(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < TRIGGERS.length; i++) {
            u -= TRIGGER_SHARES[i];
            if (u < 0) return TRIGGERS[i];
        }
        return TRIGGERS[TRIGGERS.length - 1];
    }

    /** Knuth's method for small means, a rounded normal above 50 (close enough there). */
    private static int poisson(double mean, SplittableRandom random) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static String hash(SplittableRandom random) {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < 4; i++) hex.append(String.format("%016x", random.nextLong()));
        return hex.toString();
    }

    private static BufferedWriter writer(Path folder, String name) throws IOException {
        return Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
    }
}
