package dev.aiworkbook.runtime.instance;

import dev.aiworkbook.runtime.function.FunctionError;

/** An instance whose init phase failed: the handler class is missing, or its setup threw. */
public final class InitException extends Exception {

    private final FunctionError error;

    public InitException(FunctionError error, Throwable cause) {
        super(error.errorMessage(), cause);
        this.error = error;
    }

    /** @return the failure as the caller will see it */
    public FunctionError error() {
        return error;
    }
}
