package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Returns one sentence, whatever the event: a result that is a JSON string. */
public class Motto implements RequestHandler<Object, String> {

    @Override
    public String handleRequest(Object event, Context context) {
        return "Keep functions small.";
    }
}
