package dev.aiworkbook.runtime.instance;

/** Makes the instances of one function version; the pool calls it on every cold start. */
@FunctionalInterface
public interface InstanceFactory {

    /**
     * Creates an instance that is not yet initialised.
     *
     * @param instanceId the id the pool gave it
     * @return the new instance
     */
    FunctionInstance create(String instanceId);
}
