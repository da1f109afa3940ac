package dev.aiworkbook.runtime.function;

import com.amazonaws.services.lambda.runtime.Context;

/** One loaded handler, ready to be called with a JSON payload. */
@FunctionalInterface
public interface HandlerCall {

    /**
     * Runs the handler once.
     *
     * @param payload the event as JSON bytes; empty means no event
     * @param context the invocation's context
     * @return the handler's result as JSON bytes
     * @throws Throwable whatever the handler throws, unwrapped
     */
    byte[] call(byte[] payload, Context context) throws Throwable;
}
