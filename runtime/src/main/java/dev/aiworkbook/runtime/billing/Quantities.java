package dev.aiworkbook.runtime.billing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Exact GB-seconds and vCPU-seconds from billed durations, in decimal arithmetic.
 *
 * <p>Dividing by 1024 MB per GB and 10^9 ns per second always ends, because 1024 * 10^9 is
 * 2^19 * 5^9; so no quotient here is ever rounded.
 */
final class Quantities {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MB_NANOS_PER_GB_SECOND =
            BigDecimal.valueOf(1024L).multiply(NANOS_PER_SECOND);

    private Quantities() {
    }

    /** @return memory in GB times billed seconds, times {@code times} invocations */
    static BigDecimal gbSeconds(int memoryMb, Duration billed, long times) {
        return BigDecimal.valueOf(memoryMb)
                .multiply(BigDecimal.valueOf(billed.toNanos()))
                .multiply(BigDecimal.valueOf(times))
                .divide(MB_NANOS_PER_GB_SECOND)
                .stripTrailingZeros();
    }

    /** @return vCPUs times billed seconds, times {@code times} invocations */
    static BigDecimal vcpuSeconds(BigDecimal vcpus, Duration billed, long times) {
        return vcpus.multiply(BigDecimal.valueOf(billed.toNanos()))
                .multiply(BigDecimal.valueOf(times))
                .divide(NANOS_PER_SECOND)
                .stripTrailingZeros();
    }

    /** @return memory in GB times a total of billed nanoseconds, which may exceed a long */
    static BigDecimal gbSeconds(int memoryMb, BigInteger billedNanos) {
        return BigDecimal.valueOf(memoryMb)
                .multiply(new BigDecimal(billedNanos))
                .divide(MB_NANOS_PER_GB_SECOND)
                .stripTrailingZeros();
    }

    /** @return vCPUs times a total of billed nanoseconds, which may exceed a long */
    static BigDecimal vcpuSeconds(BigDecimal vcpus, BigInteger billedNanos) {
        return vcpus.multiply(new BigDecimal(billedNanos))
                .divide(NANOS_PER_SECOND)
                .stripTrailingZeros();
    }
}
