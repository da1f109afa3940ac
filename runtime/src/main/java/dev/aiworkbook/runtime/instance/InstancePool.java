package dev.aiworkbook.runtime.instance;

import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of one function version, and the rules for starting and reclaiming them.
 *
 * <p>Each invocation {@link #acquire() acquires} a slot: on a warm instance if one has a free
 * slot, else on a new instance (a cold start) while the pool is under its maximum, else none
 * (throttled). An instance idle for the keep-alive is reclaimed, so a quiet function scales to
 * zero; its minimum instances are initialised at {@link #provision()} and always kept.
 *
 * <p>The decisions are the pluggable {@link StartPolicy} and {@link KeepAlivePolicy}; time
 * comes only from the {@link Clock}, so the same pool runs live and on a virtual clock.
 */
public final class InstancePool {

    private static final Logger LOG = LoggerFactory.getLogger(InstancePool.class);

    private final FunctionSpec spec;
    private final InstanceFactory factory;
    private final Clock clock;
    private final StartPolicy startPolicy;
    private final KeepAlivePolicy keepAlivePolicy;
    private final PoolListener listener;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private boolean draining;

    public InstancePool(FunctionSpec spec, InstanceFactory factory, Clock clock,
            StartPolicy startPolicy, KeepAlivePolicy keepAlivePolicy, PoolListener listener) {
        this.spec = spec;
        this.factory = factory;
        this.clock = clock;
        this.startPolicy = startPolicy;
        this.keepAlivePolicy = keepAlivePolicy;
        this.listener = listener;
    }

    /**
     * Reserves a slot for one invocation.
     *
     * @return a lease on a warm instance, or on a new one that the caller must
     *     {@link #initialize(Lease) initialize}; empty when the pool is full (throttled)
     * @throws IllegalStateException if the pool is draining
     */
    public synchronized Optional<Lease> acquire() {
        if (draining) throw new IllegalStateException(spec.name() + " is draining");
        StartDecision decision = startPolicy.place(views(), spec.maxConcurrency(),
                spec.maxInstances());
        return switch (decision.kind()) {
            case WARM -> Optional.of(warmLease(decision.instanceId()));
            case COLD -> Optional.of(coldLease(false));
            case THROTTLE -> Optional.empty();
        };
    }

    /**
     * Runs the init phase of a cold lease's new instance, outside the pool's lock.
     *
     * @param lease a lease from {@link #acquire()} whose {@link Lease#coldStart()} is true
     * @return how long the init phase took
     * @throws InitException if init failed; the instance is then gone and the lease released
     */
    public Duration initialize(Lease lease) throws InitException {
        Member member = lease.member;
        try {
            Duration took = member.instance.initialize();
            ready(member, took);
            return took;
        } catch (InitException | RuntimeException e) {
            discard(member, "init-failed");
            throw e;
        }
    }

    /**
     * Ends an invocation's use of its slot.
     *
     * @param lease the lease to return
     * @param broken true if the instance must not be used again (its invocation timed out)
     */
    public synchronized void release(Lease lease, boolean broken) {
        Member member = lease.member;
        if (broken) {
            member.inFlight--;
            closeMember(member, "timeout");
            if (member.provisioned && !draining) replaceProvisionedLater();
            return;
        }
        member.inFlight--;
        member.lastUsed = clock.now();
        if (member.inFlight > 0) return;
        member.state = InstanceState.IDLE;
        if (draining) {
            closeMember(member, "drained");
        } else {
            scheduleKeepAlive(member);
        }
    }

    /**
     * Initialises the function's minimum instances, so its first calls are warm.
     *
     * @return how many instances failed to initialise
     */
    public int provision() {
        int failed = 0;
        for (int i = 0; i < spec.minInstances(); i++) {
            Lease lease;
            synchronized (this) {
                lease = coldLease(true);
            }
            try {
                initialize(lease);
                release(lease, false);
            } catch (InitException e) {
                failed++;
                LOG.warn("function={} instance={} provisioned instance failed to start: {}",
                        spec.name(), lease.instanceId(), e.getMessage());
            }
        }
        return failed;
    }

    /** Stops taking invocations; idle instances close now, busy ones when they finish. */
    public synchronized void drain() {
        draining = true;
        for (Member member : List.copyOf(members.values())) {
            if (member.state == InstanceState.IDLE) closeMember(member, "drained");
        }
    }

    /** @return true once drained and every instance is closed */
    public synchronized boolean isDrained() {
        return draining && members.isEmpty();
    }

    /** @return a picture of every instance that is not reclaimed */
    public synchronized List<InstanceView> instances() {
        return views();
    }

    /** @return how many invocations are running now */
    public synchronized int inFlight() {
        return members.values().stream().mapToInt(m -> m.inFlight).sum();
    }

    public FunctionSpec spec() {
        return spec;
    }

    private Lease warmLease(String instanceId) {
        Member member = members.get(instanceId);
        if (member == null) {
            throw new IllegalStateException("the start policy chose instance " + instanceId
                    + ", which the pool does not hold");
        }
        member.inFlight++;
        member.state = InstanceState.BUSY;
        member.lastUsed = clock.now();
        return new Lease(this, member, false);
    }

    private Lease coldLease(boolean provisioned) {
        String id = spec.name() + "-" + nextId.incrementAndGet();
        Member member = new Member(factory.create(id), provisioned, clock.now());
        member.inFlight = 1;
        members.put(id, member);
        return new Lease(this, member, true);
    }

    private synchronized void ready(Member member, Duration took) {
        member.state = InstanceState.BUSY;
        member.lastUsed = clock.now();
        LOG.info("function={} instance={} cold start, init {} ms", spec.name(),
                member.instance.id(), took.toMillis());
        listener.started(spec.name(), member.view(), took);
    }

    private synchronized void discard(Member member, String reason) {
        member.inFlight = 0;
        closeMember(member, reason);
    }

    /**
     * Arms an instance's keep-alive timer, unless one is armed already.
     *
     * <p>A warm call neither cancels nor re-arms the timer, since that would cost every
     * invocation a timer (and, on a scheduler that keeps cancelled tasks, their pile-up).
     * Instead a timer that finds its instance used since it was armed re-arms itself for the
     * time left. Example: keep-alive 10 min, released at 0:00 and again at 0:05; the timer
     * fires at 0:10, finds 5 min left, and fires again at 0:15 to reclaim it (see
     * {@code InstancePoolKeepAliveTest}).
     */
    private void scheduleKeepAlive(Member member) {
        if (member.keepAliveTimer == null) armKeepAlive(member, spec.keepAlive());
    }

    private void armKeepAlive(Member member, Duration delay) {
        member.keepAliveTimer = clock.schedule(delay, () -> keepAliveDue(member));
    }

    private synchronized void keepAliveDue(Member member) {
        member.keepAliveTimer = null;
        reclaimExpired();

        // Still idle and not expired: it was used since. Busy: its release re-arms the timer.
        if (member.state != InstanceState.IDLE) return;
        Duration left = Duration.between(clock.now(), member.lastUsed.plus(spec.keepAlive()));
        if (left.isNegative() || left.isZero()) return;
        armKeepAlive(member, left);
    }

    private synchronized void reclaimExpired() {
        Instant now = clock.now();
        List<String> expired = keepAlivePolicy.reclaimable(views(), now, spec.keepAlive(),
                spec.minInstances());
        for (String id : expired) {
            Member member = members.get(id);
            if (member == null || member.state != InstanceState.IDLE) {
                throw new IllegalStateException("the keep-alive policy chose instance " + id
                        + ", which is not idle");
            }
            closeMember(member, "keep-alive");
        }
    }

    private void closeMember(Member member, String reason) {
        if (member.state == InstanceState.RECLAIMED) return;
        if (member.keepAliveTimer != null) member.keepAliveTimer.cancel();
        InstanceView before = member.view();
        member.state = InstanceState.RECLAIMED;
        members.remove(member.instance.id());
        member.instance.close();
        LOG.info("function={} instance={} reclaimed ({})", spec.name(), member.instance.id(),
                reason);
        listener.reclaimed(spec.name(), before, reason);
    }

    private void replaceProvisionedLater() {
        clock.schedule(Duration.ZERO, () -> {
            Thread refill = new Thread(this::refillProvisioned, spec.name() + "-provision");
            refill.setDaemon(true);
            refill.start();
        });
    }

    private void refillProvisioned() {
        Lease lease;
        synchronized (this) {
            long kept = members.values().stream().filter(m -> m.provisioned).count();
            if (draining || kept >= spec.minInstances()) return;
            lease = coldLease(true);
        }
        try {
            initialize(lease);
            release(lease, false);
        } catch (InitException e) {
            LOG.warn("function={} instance={} replacement failed to start: {}", spec.name(),
                    lease.instanceId(), e.getMessage());
        }
    }

    private List<InstanceView> views() {
        List<InstanceView> views = new ArrayList<>(members.size());
        for (Member member : members.values()) views.add(member.view());
        return views;
    }

    /** One invocation's hold on a slot of an instance. */
    public static final class Lease {
        private final InstancePool pool;
        private final Member member;
        private final boolean coldStart;

        private Lease(InstancePool pool, Member member, boolean coldStart) {
            this.pool = pool;
            this.member = member;
            this.coldStart = coldStart;
        }

        public FunctionInstance instance() {
            return member.instance;
        }

        public String instanceId() {
            return member.instance.id();
        }

        /** @return true if this invocation started a new instance */
        public boolean coldStart() {
            return coldStart;
        }

        /** @return true if the instance is one of the function's provisioned minimum */
        public boolean provisioned() {
            return member.provisioned;
        }

        public InstancePool pool() {
            return pool;
        }
    }

    private static final class Member {
        final FunctionInstance instance;
        final boolean provisioned;
        InstanceState state = InstanceState.INITIALIZING;
        int inFlight;
        Instant lastUsed;
        Clock.Timer keepAliveTimer;

        Member(FunctionInstance instance, boolean provisioned, Instant created) {
            this.instance = instance;
            this.provisioned = provisioned;
            this.lastUsed = created;
        }

        InstanceView view() {
            return new InstanceView(instance.id(), state, inFlight, lastUsed, provisioned);
        }
    }
}
