package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Throws on every call. */
public class Failing implements RequestHandler<Object, String> {

    @Override
    public String handleRequest(Object event, Context context) {
        throw new IllegalStateException("the database is down");
    }
}
