package dev.aiworkbook.runtime.scaling;

/**
 * One tick's outcome of the concurrency autoscaler.
 *
 * @param desiredInstances how many instances the function should have now
 * @param panicking whether the scaler is in panic mode (it then never scales down)
 * @param stableConcurrency the average in-flight invocations over the stable window
 * @param panicConcurrency the average in-flight invocations over the panic window
 */
public record ScaleDecision(int desiredInstances, boolean panicking, double stableConcurrency,
        double panicConcurrency) {
}
