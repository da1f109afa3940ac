package dev.aiworkbook.runtime.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a caller gets back from the {@link Dispatcher}.
 *
 * @param requestId the invocation's id
 * @param status how it ended
 * @param payload the result or the error JSON; empty when nothing ran
 * @param record the measured facts, absent when nothing ran (throttled, accepted, dry run)
 * @param handlerLog the lines the handler logged through its {@code LambdaLogger}
 * @param refusal why it was refused, when THROTTLED: the limit, the HTTP status (429 or 503)
 *     and the knob
 */
public record InvocationResult(String requestId, Status status, byte[] payload,
        Optional<InvocationRecord> record, String handlerLog, Optional<Refusal> refusal) {

    /** A result that was not refused. */
    public InvocationResult(String requestId, Status status, byte[] payload,
            Optional<InvocationRecord> record, String handlerLog) {
        this(requestId, status, payload, record, handlerLog, Optional.empty());
    }

    /**
     * The invocation's log as Lambda writes it: START, the handler's lines, END and REPORT.
     * It is built on request, so a call that nobody logs pays nothing for it.
     *
     * @return the log text, one line each, or only the handler's lines if nothing ran
     */
    public String log() {
        if (record.isEmpty()) return handlerLog;
        InvocationRecord r = record.get();
        return r.startLine() + "\n" + handlerLog + r.endLine() + "\n" + r.reportLine() + "\n";
    }

    /** How an invocation ended, from the caller's side. */
    public enum Status {
        /** The handler returned a result. */
        SUCCESS,
        /** The handler threw, its event was unreadable, or its init failed. */
        FUNCTION_ERROR,
        /** The handler ran past the function's timeout and was stopped. */
        TIMED_OUT,
        /**
         * Refused: a limit was reached (maxInstances, the burst limit, the account's
         * concurrency, a full activator) or it waited too long; {@link #refusal()} says which.
         */
        THROTTLED,
        /** Taken for asynchronous invocation; it runs later. */
        ACCEPTED,
        /** A dry run: the call would have been allowed. */
        DRY_RUN
    }

    /** @return the payload as UTF-8 text */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** @return true if the function failed, by throwing or by timing out */
    public boolean isFunctionError() {
        return status == Status.FUNCTION_ERROR || status == Status.TIMED_OUT;
    }
}
