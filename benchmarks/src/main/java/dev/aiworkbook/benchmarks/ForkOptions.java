package dev.aiworkbook.benchmarks;

/**
 * JVM options of every benchmark fork.
 *
 * <p>Logging is switched off below WARN, so the REPORT line of each invocation (logger
 * {@code faas.report}) and the platform's INFO lines are not part of what is measured. The
 * heap is fixed so that its resizing is not either.
 */
final class ForkOptions {

    static final String QUIET_LOGS = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    static final String QUIET_REPORTS = "-Dorg.slf4j.simpleLogger.log.faas.report=warn";
    static final String MIN_HEAP = "-Xms1g";
    static final String MAX_HEAP = "-Xmx1g";

    private ForkOptions() {
    }
}
