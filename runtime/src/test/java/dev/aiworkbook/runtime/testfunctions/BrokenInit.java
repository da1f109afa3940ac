package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Fails in its constructor, as a handler with a missing model would. */
public class BrokenInit implements RequestHandler<Object, String> {

    public BrokenInit() {
        throw new IllegalStateException("model file missing");
    }

    @Override
    public String handleRequest(Object event, Context context) {
        return "never";
    }
}
