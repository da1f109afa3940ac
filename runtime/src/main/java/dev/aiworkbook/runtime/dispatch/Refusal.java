package dev.aiworkbook.runtime.dispatch;

import java.util.Objects;

/**
 * Why the platform refused an invocation, as the gateway answers it (chapter 03): 429 when a
 * limit is reached (the activator is full, the burst limit, maxInstances, the account's
 * concurrency), 503 when an invocation waited its whole activator timeout for a slot.
 *
 * @param httpStatus 429 or 503
 * @param errorType the Lambda error type, such as {@code TooManyRequestsException}
 * @param message a full sentence: the function, the limit and its value, and what to do
 * @param field the knob that set the limit, such as {@code activatorCapacity}
 */
public record Refusal(int httpStatus, String errorType, String message, String field) {

    public Refusal {
        if (httpStatus != 429 && httpStatus != 503) {
            throw new IllegalArgumentException("httpStatus must be 429 or 503, was: "
                    + httpStatus);
        }
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }

    /**
     * A limit was reached: 429 Too Many Requests.
     *
     * @param message what was reached
     * @param field the knob
     * @return the refusal
     */
    public static Refusal tooManyRequests(String message, String field) {
        return new Refusal(429, "TooManyRequestsException", message, field);
    }

    /**
     * Waited too long: 503 Service Unavailable.
     *
     * @param message how long it waited and why no slot came
     * @param field the knob
     * @return the refusal
     */
    public static Refusal unavailable(String message, String field) {
        return new Refusal(503, "ServiceUnavailableException", message, field);
    }
}
