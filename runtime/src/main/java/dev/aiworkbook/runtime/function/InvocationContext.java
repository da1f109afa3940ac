package dev.aiworkbook.runtime.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The {@link Context} a handler receives: who is being invoked, and how long it has left.
 *
 * <p>The remaining time counts down on the JVM's monotonic clock, since the deadline it
 * reports is the one the platform enforces on the running handler.
 */
public final class InvocationContext implements Context {

    private final String requestId;
    private final FunctionSpec spec;
    private final int version;
    private final String instanceId;
    private final long deadlineNanos;
    private final StringBuilder log;

    public InvocationContext(String requestId, FunctionSpec spec, int version, String instanceId,
            long deadlineNanos, StringBuilder log) {
        this.requestId = requestId;
        this.spec = spec;
        this.version = version;
        this.instanceId = instanceId;
        this.deadlineNanos = deadlineNanos;
        this.log = log;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + spec.name();
    }

    @Override
    public String getLogStreamName() {
        return "[" + version + "]" + instanceId;
    }

    @Override
    public String getFunctionName() {
        return spec.name();
    }

    @Override
    public String getFunctionVersion() {
        return String.valueOf(version);
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + spec.name();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, left);
    }

    @Override
    public int getMemoryLimitInMB() {
        return spec.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                synchronized (log) {
                    log.append(message);
                    if (!message.endsWith("\n")) log.append('\n');
                }
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
