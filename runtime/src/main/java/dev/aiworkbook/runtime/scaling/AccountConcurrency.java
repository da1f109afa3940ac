package dev.aiworkbook.runtime.scaling;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account-wide concurrency limit of Lambda mode: all functions together run at most
 * {@code limit} invocations at once (AWS Lambda's default quota: 1,000 concurrent
 * executions per Region). Over it, an invocation is throttled (chapter 03).
 *
 * <p>Simplification: AWS also lets a function reserve part of the quota for itself; this
 * platform has no reserved concurrency, only the shared limit. Thread-safe, lock-free.
 */
public final class AccountConcurrency {

    /** AWS Lambda's default quota of concurrent executions per account and Region. */
    public static final int AWS_DEFAULT = 1000;

    private final int limit;
    private final AtomicInteger running = new AtomicInteger();

    /**
     * @param limit the most invocations at once, one or more
     * @throws IllegalArgumentException if the limit is below one
     */
    public AccountConcurrency(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("accountConcurrency must be 1 or more, was: "
                    + limit);
        }
        this.limit = limit;
    }

    /** @return true, counting it, if one more invocation fits under the limit */
    public boolean tryAcquire() {
        while (true) {
            int now = running.get();
            if (now >= limit) return false;
            if (running.compareAndSet(now, now + 1)) return true;
        }
    }

    /** Ends one invocation counted by {@link #tryAcquire()}. */
    public void release() {
        running.decrementAndGet();
    }

    /** @return how many invocations run now */
    public int running() {
        return running.get();
    }

    /** @return the limit */
    public int limit() {
        return limit;
    }
}
