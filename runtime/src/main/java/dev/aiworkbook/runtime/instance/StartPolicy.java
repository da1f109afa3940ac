package dev.aiworkbook.runtime.instance;

import java.util.List;

/**
 * Decides whether an arriving invocation gets a warm start, a cold start, or is throttled.
 *
 * <p>The pool asks this once per invocation, under its lock, with a fresh picture of its
 * instances. Chapter 02 explains the choice; {@link WarmestFirst} is the platform's answer.
 */
public interface StartPolicy {

    /**
     * Places one invocation.
     *
     * @param instances every instance of the function version that is not reclaimed
     * @param maxConcurrency how many invocations one instance may serve at once
     * @param maxInstances how many instances the pool may hold
     * @return warm on an instance with a free slot, cold while the pool may grow,
     *     otherwise throttle
     */
    StartDecision place(List<InstanceView> instances, int maxConcurrency, int maxInstances);
}
