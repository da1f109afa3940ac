/**
 * The discrete-event simulator: the platform's own pool, keep-alive, autoscaler and billing
 * code driven on a virtual clock by synthetic loads, with simulated instances that have an
 * init time and a duration but no thread and no handler.
 */
package dev.aiworkbook.runtime.sim;
