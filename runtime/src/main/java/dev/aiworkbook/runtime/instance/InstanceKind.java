package dev.aiworkbook.runtime.instance;

import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;

/** A way of running instances: in a class loader of this JVM, simulated, or in a process. */
@FunctionalInterface
public interface InstanceKind {

    /** Instances in class loaders of this JVM: the platform's default. */
    InstanceKind CLASS_LOADER = ClassLoaderInstance::factory;

    /**
     * The factory for one deployed version's instances.
     *
     * @param spec the function
     * @param version its version number
     * @param code where its classes come from
     * @return the factory the version's pool uses on every cold start
     */
    InstanceFactory factory(FunctionSpec spec, int version, FunctionCode code);
}
