package dev.aiworkbook.runtime.dispatch;

/** Hears every finished invocation: the REPORT log, the meter and the metrics listen here. */
@FunctionalInterface
public interface InvocationListener {

    /**
     * One invocation finished, on the thread that ran it: keep the work short.
     *
     * @param record what was measured
     */
    void finished(InvocationRecord record);
}
