package dev.aiworkbook.exercises.ch02;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A function that answers at once, deployed by the graders that use the real platform. */
public class Ping implements RequestHandler<Object, String> {

    @Override
    public String handleRequest(Object event, Context context) {
        return "pong";
    }
}
