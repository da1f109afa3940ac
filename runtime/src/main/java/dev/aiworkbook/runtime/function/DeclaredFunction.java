package dev.aiworkbook.runtime.function;

import java.util.List;

/**
 * One function of a deploy descriptor, ready to deploy (chapter 01).
 *
 * @param spec its validated configuration
 * @param code where its classes come from
 * @param httpPaths the paths of its http triggers, such as {@code /fn/hello}
 */
public record DeclaredFunction(FunctionSpec spec, FunctionCode code, List<String> httpPaths) {

    public DeclaredFunction {
        httpPaths = List.copyOf(httpPaths);
    }

    public String name() {
        return spec.name();
    }
}
