package dev.aiworkbook.runtime.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The measured facts of one finished invocation: the source of REPORT lines, the bill and
 * the chapters' figures.
 *
 * @param requestId the invocation's id
 * @param function the function's name
 * @param version the version that ran it
 * @param instanceId the instance that ran it
 * @param coldStart whether it started a new instance
 * @param initDuration the new instance's init phase, zero on a warm start
 * @param duration the invoke phase (the full timeout if it timed out)
 * @param billedDuration the duration rounded up to the next millisecond
 * @param memoryMb the function's configured memory
 * @param maxMemoryUsedMb the instance's memory use, as far as it is known
 * @param status how it ended
 * @param provisioned whether a provisioned instance served it
 * @param startedAt when the platform took it, on the platform's clock
 * @param trigger what started it
 */
public record InvocationRecord(
        String requestId,
        String function,
        int version,
        String instanceId,
        boolean coldStart,
        Duration initDuration,
        Duration duration,
        Duration billedDuration,
        int memoryMb,
        long maxMemoryUsedMb,
        InvocationResult.Status status,
        boolean provisioned,
        Instant startedAt,
        String trigger) {

    /** @return the Lambda-style {@code REPORT} line of this invocation */
    public String reportLine() {
        StringBuilder line = new StringBuilder(160)
                .append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(duration)).append(" ms")
                .append("\tBilled Duration: ").append(billedDuration.toMillis()).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (coldStart) line.append("\tInit Duration: ").append(millis(initDuration)).append(" ms");
        if (status == InvocationResult.Status.TIMED_OUT) line.append("\tStatus: timeout");
        return line.toString();
    }

    /** @return the {@code START} line */
    public String startLine() {
        return "START RequestId: " + requestId + " Version: " + version;
    }

    /** @return the {@code END} line */
    public String endLine() {
        return "END RequestId: " + requestId;
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
    }
}
