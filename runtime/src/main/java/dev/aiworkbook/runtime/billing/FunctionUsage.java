package dev.aiworkbook.runtime.billing;

import java.math.BigDecimal;

/**
 * The billed quantities of one function after a catalog's rounding, before any price.
 *
 * @param function the function's name
 * @param requests invocations, on demand and on provisioned instances
 * @param gbSeconds GB-seconds of on-demand invocations, initialisation excluded
 * @param vcpuSeconds vCPU-seconds of on-demand invocations, where CPU is priced on its own
 * @param initGbSeconds GB-seconds of billed initialisation
 * @param initVcpuSeconds vCPU-seconds of billed initialisation
 * @param provisionedGbSeconds GB-seconds of invocations served by provisioned instances
 * @param keptGbSeconds GB-seconds for which provisioned instances were kept
 */
record FunctionUsage(
        String function,
        long requests,
        BigDecimal gbSeconds,
        BigDecimal vcpuSeconds,
        BigDecimal initGbSeconds,
        BigDecimal initVcpuSeconds,
        BigDecimal provisionedGbSeconds,
        BigDecimal keptGbSeconds) {

    static FunctionUsage none(String function) {
        BigDecimal zero = BigDecimal.ZERO;
        return new FunctionUsage(function, 0, zero, zero, zero, zero, zero, zero);
    }

    FunctionUsage withRequests(long value) {
        return new FunctionUsage(function, value, gbSeconds, vcpuSeconds, initGbSeconds,
                initVcpuSeconds, provisionedGbSeconds, keptGbSeconds);
    }

    FunctionUsage withOnDemand(BigDecimal gb, BigDecimal vcpu, BigDecimal initGb,
            BigDecimal initVcpu) {
        return new FunctionUsage(function, requests, gb, vcpu, initGb, initVcpu,
                provisionedGbSeconds, keptGbSeconds);
    }

    FunctionUsage withProvisioned(BigDecimal served) {
        return new FunctionUsage(function, requests, gbSeconds, vcpuSeconds, initGbSeconds,
                initVcpuSeconds, served, keptGbSeconds);
    }

    FunctionUsage withKept(BigDecimal kept) {
        return new FunctionUsage(function, requests, gbSeconds, vcpuSeconds, initGbSeconds,
                initVcpuSeconds, provisionedGbSeconds, kept);
    }

    /** @return the sum of both usages, under this one's function name */
    FunctionUsage plus(FunctionUsage other) {
        return new FunctionUsage(function,
                requests + other.requests,
                gbSeconds.add(other.gbSeconds),
                vcpuSeconds.add(other.vcpuSeconds),
                initGbSeconds.add(other.initGbSeconds),
                initVcpuSeconds.add(other.initVcpuSeconds),
                provisionedGbSeconds.add(other.provisionedGbSeconds),
                keptGbSeconds.add(other.keptGbSeconds));
    }
}
