package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Sleeps for the given milliseconds, or spins ignoring interruption when asked to. */
public class Sleeper implements RequestHandler<Sleeper.Order, String> {

    /** How long to take, and whether to ignore interruption while doing it. */
    public record Order(long millis, boolean stubborn) {
    }

    @Override
    public String handleRequest(Order order, Context context) {
        long until = System.nanoTime() + order.millis() * 1_000_000;
        if (order.stubborn()) {
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return "spun";
        }
        try {
            Thread.sleep(order.millis());
            return "slept";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
