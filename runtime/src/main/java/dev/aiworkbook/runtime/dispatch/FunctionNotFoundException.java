package dev.aiworkbook.runtime.dispatch;

import java.util.Collection;

/** An invocation named a function that is not deployed. */
public final class FunctionNotFoundException extends RuntimeException {

    private final String function;

    public FunctionNotFoundException(String function, Collection<String> deployed) {
        super("Function not found: \"" + function + "\". Deployed functions: "
                + (deployed.isEmpty() ? "none" : String.join(", ", deployed)));
        this.function = function;
    }

    public String function() {
        return function;
    }
}
