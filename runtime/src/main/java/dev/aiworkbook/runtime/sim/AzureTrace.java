package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.function.FunctionSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One day of the Azure Functions 2019 trace ("Serverless in the Wild", USENIX ATC 2020), read
 * from its three files and joined per function:
 * <ul>
 *   <li>{@code invocations_per_function_md.anon.dNN.csv}: HashOwner, HashApp, HashFunction,
 *       Trigger, then the invocations in each minute of the day, columns 1..1440;</li>
 *   <li>{@code function_durations_percentiles.anon.dNN.csv}: HashOwner, HashApp,
 *       HashFunction, Average, Count, Minimum, Maximum, then percentile_Average_0, _1, _25,
 *       _50, _75, _99 and _100, in milliseconds;</li>
 *   <li>{@code app_memory_percentiles.anon.dNN.csv} (optional): HashOwner, HashApp,
 *       SampleCount, AverageAllocatedMb, then AverageAllocatedMb_pct1, _pct5, _pct25, _pct50,
 *       _pct75, _pct95, _pct99 and _pct100.</li>
 * </ul>
 * Columns are found by their header names, so the public files are read unchanged. A value
 * that cannot be read stops the reading with a {@link TraceFormatException} that names the
 * file, the line and the column.
 *
 * <p>Simplifications, each also said where it applies: a function with no duration row is
 * left out (the public trace has such functions), and so is one never invoked that day; an
 * app's memory is its median allocation, rounded up to the 128 MB the billing rules allow at
 * least; a row of duration percentiles that decreases is made non-decreasing; the trace has
 * no init times, so the caller gives one distribution for all.
 */
public final class AzureTrace {

    /** Percentile ranks of the duration columns, in the trace's order. */
    private static final double[] DURATION_RANKS = {0, 1, 25, 50, 75, 99, 100};
    private static final String[] DURATION_COLUMNS = {"percentile_Average_0",
        "percentile_Average_1", "percentile_Average_25", "percentile_Average_50",
        "percentile_Average_75", "percentile_Average_99", "percentile_Average_100"};
    private static final int MINUTES = 1440;

    private final List<TracedFunction> functions;
    private final int withoutDurations;
    private final int appsWithMemory;

    private AzureTrace(List<TracedFunction> functions, int withoutDurations,
            int appsWithMemory) {
        this.functions = functions;
        this.withoutDurations = withoutDurations;
        this.appsWithMemory = appsWithMemory;
    }

    /**
     * One function of the trace, joined with its durations and its app's memory.
     *
     * @param app the owner's and app's hashes, which identify the app
     * @param function the function's hash
     * @param trigger its trigger, such as "http" or "timer"
     * @param minutes the minutes of the day (from 0) in which it was invoked
     * @param counts its invocations in each of those minutes
     * @param durationMs its duration percentiles p0, p1, p25, p50, p75, p99, p100, in ms
     * @param memoryMb its app's memory, or 0 when the trace has none for the app
     */
    public record TracedFunction(String app, String function, String trigger, int[] minutes,
            int[] counts, double[] durationMs, int memoryMb) {

        /** @return its invocations over the day */
        public long invocations() {
            long sum = 0;
            for (int c : counts) sum += c;
            return sum;
        }
    }

    /** @return the file names of one day, such as d01 */
    static String invocationsFile(int day) {
        return String.format("invocations_per_function_md.anon.d%02d.csv", day);
    }

    static String durationsFile(int day) {
        return String.format("function_durations_percentiles.anon.d%02d.csv", day);
    }

    static String memoryFile(int day) {
        return String.format("app_memory_percentiles.anon.d%02d.csv", day);
    }

    /**
     * Reads the first day found in a folder (d01, else d02, ... d14).
     *
     * @param folder the folder holding the trace's files
     * @return the joined trace of that day
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the folder holds no day of the trace
     * @throws TraceFormatException naming the file, line and column of a bad value
     */
    public static AzureTrace read(Path folder) throws IOException {
        for (int day = 1; day <= 14; day++) {
            if (Files.exists(folder.resolve(invocationsFile(day)))) return read(folder, day);
        }
        throw new IllegalArgumentException("trace folder " + folder + " holds no "
                + invocationsFile(1) + " (nor any other day, d01..d14): give the folder of"
                + " the Azure Functions 2019 trace, or generate one with AzureTraceGenerator");
    }

    /**
     * Reads one day of the trace.
     *
     * @param folder the folder holding the trace's files
     * @param day the day, 1..14
     * @return the joined trace of that day
     * @throws IOException if a file cannot be read, or the durations file is missing
     * @throws TraceFormatException naming the file, line and column of a bad value
     */
    public static AzureTrace read(Path folder, int day) throws IOException {
        Map<String, double[]> durations = readDurations(folder.resolve(durationsFile(day)));
        Path memoryPath = folder.resolve(memoryFile(day));
        Map<String, Integer> memory = Files.exists(memoryPath) ? readMemory(memoryPath)
                : Map.of();
        return readInvocations(folder.resolve(invocationsFile(day)), durations, memory);
    }

    /** @return the functions read, in the order of the invocations file */
    public List<TracedFunction> functions() {
        return functions;
    }

    /** @return how many functions were left out because they have no duration row */
    public int withoutDurations() {
        return withoutDurations;
    }

    /** @return how many of the apps read have a memory row */
    public int appsWithMemory() {
        return appsWithMemory;
    }

    /** @return the invocations of the day, over every function read */
    public long invocations() {
        return functions.stream().mapToLong(TracedFunction::invocations).sum();
    }

    /**
     * The trace as functions to simulate.
     *
     * @param length when arrivals stop; a trace day is 24 hours, so longer runs end there
     * @param seed the seed of the spreading within minutes and of the duration draws
     * @param init how long a cold start's init takes (the trace has no init times)
     * @param defaultMemoryMb the memory of functions whose app has no memory row
     * @param maxInstances the most instances each function may have
     * @return one simulated function per traced function, named fn-0, fn-1, ...
     */
    public List<SimulatedFunction> simulated(Duration length, long seed,
            DurationDistribution init, int defaultMemoryMb, int maxInstances) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedFunction> out = new ArrayList<>(functions.size());
        long end = length.toNanos();
        for (int i = 0; i < functions.size(); i++) {
            TracedFunction f = functions.get(i);
            int memoryMb = f.memoryMb() > 0 ? f.memoryMb() : defaultMemoryMb;
            FunctionSpec spec = FunctionSpec.of("fn-" + i, "trace.Function")
                    .withMemoryMb(memoryMb).withMaxInstances(maxInstances)
                    .withTimeout(FunctionSpec.MAX_TIMEOUT);
            double[] nanos = new double[f.durationMs().length];
            for (int k = 0; k < nanos.length; k++) nanos[k] = f.durationMs()[k] * 1e6;
            out.add(new SimulatedFunction(spec,
                    new TraceArrivals(f.minutes(), f.counts(), end, random.split()),
                    new PercentileDistribution(DURATION_RANKS, nanos), init, f.app()));
        }
        return out;
    }

    private static AzureTrace readInvocations(Path path, Map<String, double[]> durations,
            Map<String, Integer> memory) throws IOException {
        List<TracedFunction> out = new ArrayList<>();
        int withoutDurations = 0;
        java.util.Set<String> apps = new java.util.HashSet<>();
        try (Csv csv = Csv.open(path)) {
            int owner = csv.column("HashOwner");
            int app = csv.column("HashApp");
            int function = csv.column("HashFunction");
            int trigger = csv.column("Trigger");
            int[] minuteColumns = new int[MINUTES];
            for (int m = 0; m < MINUTES; m++) minuteColumns[m] = csv.column(String.valueOf(m + 1));
            int[] minutes = new int[MINUTES];
            int[] counts = new int[MINUTES];
            while (csv.next()) {
                String appKey = csv.text(owner) + "/" + csv.text(app);
                String key = appKey + "/" + csv.text(function);
                int used = 0;
                for (int m = 0; m < MINUTES; m++) {
                    int count = csv.count(minuteColumns[m]);
                    if (count == 0) continue;
                    minutes[used] = m;
                    counts[used++] = count;
                }
                double[] percentiles = durations.get(key);
                if (percentiles == null) {
                    withoutDurations++;
                    continue;
                }
                if (used == 0) continue;
                apps.add(appKey);
                out.add(new TracedFunction(appKey, csv.text(function), csv.text(trigger),
                        java.util.Arrays.copyOf(minutes, used),
                        java.util.Arrays.copyOf(counts, used), percentiles,
                        memory.getOrDefault(appKey, 0)));
            }
        }
        int withMemory = (int) apps.stream().filter(memory::containsKey).count();
        return new AzureTrace(List.copyOf(out), withoutDurations, withMemory);
    }

    private static Map<String, double[]> readDurations(Path path) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        try (Csv csv = Csv.open(path)) {
            int owner = csv.column("HashOwner");
            int app = csv.column("HashApp");
            int function = csv.column("HashFunction");
            int[] columns = new int[DURATION_COLUMNS.length];
            for (int i = 0; i < columns.length; i++) columns[i] = csv.column(DURATION_COLUMNS[i]);
            while (csv.next()) {
                double[] values = new double[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    // Simplification: a decreasing row is made non-decreasing (running max).
                    values[i] = Math.max(csv.number(columns[i], "a duration in ms"),
                            i == 0 ? 0 : values[i - 1]);
                }
                out.put(csv.text(owner) + "/" + csv.text(app) + "/" + csv.text(function),
                        values);
            }
        }
        return out;
    }

    private static Map<String, Integer> readMemory(Path path) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (Csv csv = Csv.open(path)) {
            int owner = csv.column("HashOwner");
            int app = csv.column("HashApp");
            int median = csv.column("AverageAllocatedMb_pct50");
            while (csv.next()) {
                double mb = csv.number(median, "a memory size in MB");
                // Simplification: the app's median allocation, at least the billed 128 MB.
                int rounded = (int) Math.min(FunctionSpec.MAX_MEMORY_MB,
                        Math.max(FunctionSpec.MIN_MEMORY_MB, Math.ceil(mb)));
                out.put(csv.text(owner) + "/" + csv.text(app), rounded);
            }
        }
        return out;
    }

    /** A comma-separated file without quoting, as the trace is, read one line at a time. */
    private static final class Csv implements AutoCloseable {
        private final String name;
        private final BufferedReader reader;
        private final Map<String, Integer> header = new HashMap<>();
        private final int width;
        private String[] fields;
        private long line = 1;

        private Csv(String name, BufferedReader reader, String headerLine) {
            this.name = name;
            this.reader = reader;
            String[] names = split(headerLine);
            for (int i = 0; i < names.length; i++) header.putIfAbsent(names[i].trim(), i);
            this.width = names.length;
        }

        static Csv open(Path path) throws IOException {
            BufferedReader reader;
            try {
                reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(path.toString(), null, "the trace needs this file"
                        + " next to " + invocationsFile(1) + " (same day)");
            }
            String first = reader.readLine();
            if (first == null) {
                reader.close();
                throw new TraceFormatException(path.getFileName().toString(), 1, 0,
                        "the file is empty; expected a header line of column names");
            }
            if (first.startsWith("\uFEFF")) first = first.substring(1);
            return new Csv(path.getFileName().toString(), reader, first);
        }

        int column(String wanted) {
            Integer at = header.get(wanted);
            if (at == null) {
                throw new TraceFormatException(name, 1, 0, "the header has no column \""
                        + wanted + "\"; expected the column names of the Azure Functions"
                        + " 2019 trace");
            }
            return at;
        }

        boolean next() throws IOException {
            while (true) {
                String text = reader.readLine();
                if (text == null) return false;
                line++;
                if (text.isBlank()) continue;
                fields = split(text);
                if (fields.length != width) {
                    throw new TraceFormatException(name, line, 0, "has " + fields.length
                            + " columns, the header has " + width);
                }
                return true;
            }
        }

        String text(int column) {
            return fields[column];
        }

        int count(int column) {
            String value = fields[column];
            try {
                int count = Integer.parseInt(value.trim());
                if (count >= 0) return count;
            } catch (NumberFormatException e) {
                // reported below, with the position
            }
            throw bad(column, value, "a whole number of invocations, 0 or more");
        }

        double number(int column, String what) {
            String value = fields[column];
            try {
                double number = Double.parseDouble(value.trim());
                if (number >= 0 && Double.isFinite(number)) return number;
            } catch (NumberFormatException e) {
                // reported below, with the position
            }
            throw bad(column, value, what + ", a number 0 or more");
        }

        private TraceFormatException bad(int column, String value, String expected) {
            return new TraceFormatException(name, line, column + 1, "\"" + value
                    + "\" is not " + expected);
        }

        private static String[] split(String text) {
            String trimmed = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            return trimmed.split(",", -1);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
