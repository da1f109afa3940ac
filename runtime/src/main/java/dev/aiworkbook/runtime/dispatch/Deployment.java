package dev.aiworkbook.runtime.dispatch;

import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstancePool;
import java.time.Instant;

/**
 * One deployed version of a function: its spec, its code and its pool of instances.
 *
 * @param spec the configuration
 * @param code where the classes come from
 * @param version 1 for the first deployment, one more for each redeployment
 * @param deployedAt when it was deployed, on the platform's clock
 * @param pool its instances
 */
public record Deployment(FunctionSpec spec, FunctionCode code, int version, Instant deployedAt,
        InstancePool pool) {

    public String name() {
        return spec.name();
    }
}
