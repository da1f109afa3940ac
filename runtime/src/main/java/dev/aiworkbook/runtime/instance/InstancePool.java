package dev.aiworkbook.runtime.instance;

import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.scaling.KeepAliveWindows;
import dev.aiworkbook.runtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of one function version, and the rules for starting and reclaiming them
 * (chapters 02 and 03).
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li>On demand, as AWS Lambda does: each invocation is {@link #admit() admitted} to a slot
 *       on a warm instance if one has a free slot, else on a new instance (a cold start the
 *       caller {@link #initialize(Lease) initialises}) while the pool is under its maximum and
 *       the {@link ColdStartGate} (the burst limit) allows, else it is refused.
 *   <li>Scaled ahead, as Knative's KPA does: an autoscaler {@link #startInstances(int)
 *       starts} instances (they initialise in the background, or on the clock when simulated)
 *       and {@link #reclaimIdle(int) reclaims} idle ones; an invocation takes only a
 *       {@link #acquireWarm() warm slot}, and otherwise waits in an activator, which is told
 *       of every freed slot through {@link #onSlotFree(Runnable)}.
 * </ul>
 *
 * <p>An instance that goes idle asks the {@link KeepAlivePolicy} for its
 * {@link KeepAliveWindows}: it is kept for the keep-alive window, or, with a pre-warm window,
 * unloaded at once and a new one loaded when the pre-warm window ends. The policy also hears
 * every arrival and every time the function's last busy instance goes idle. Provisioned
 * instances ({@code minInstances}) are initialised at {@link #provision()} and always kept.
 *
 * <p>Cost: the warm path allocates nothing of its own (no list, stream or view; leases are
 * made once per instance) and arms no timer: an idle instance has at most one keep-alive
 * timer, which re-arms itself if the instance was used since. With the platform's
 * {@link WarmestFirst} the pool places invocations itself, on a list of instances with a free
 * slot kept in order of last use; any other {@link StartPolicy} is asked with a fresh list of
 * {@link InstanceView}s on every arrival, as chapter 02's exercise expects.
 *
 * <p>Time comes only from the {@link Clock}, so the same pool runs live and on a virtual
 * clock. All methods are thread-safe.
 */
public final class InstancePool {

    private static final Logger LOG = LoggerFactory.getLogger(InstancePool.class);
    private static final Runnable NOBODY = () -> { };

    private final FunctionSpec spec;
    private final InstanceFactory factory;
    private final Clock clock;
    private final StartPolicy startPolicy;
    private final KeepAlivePolicy keepAlivePolicy;
    private final PoolListener listener;
    private final ColdStartGate gate;
    private final boolean placesItself;
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** Ready instances with a free slot, least recently used first. */
    private Member freeHead;
    private Member freeTail;
    private int nextId;
    private int inFlight;
    private int ready;
    private int starting;
    private int failedStarts;
    private long inFlightNanos;
    private long inFlightSinceNanos = Long.MIN_VALUE;
    private Clock.Timer prewarmTimer;
    private Duration prewarmKeepAlive;
    private boolean draining;
    private volatile Runnable slotListener = NOBODY;

    /**
     * A pool with no burst limit.
     *
     * @param spec the function version's configuration
     * @param factory makes its instances
     * @param clock the platform's time
     * @param startPolicy where an arriving invocation runs
     * @param keepAlivePolicy when idle instances go
     * @param listener told of instances started and reclaimed
     */
    public InstancePool(FunctionSpec spec, InstanceFactory factory, Clock clock,
            StartPolicy startPolicy, KeepAlivePolicy keepAlivePolicy, PoolListener listener) {
        this(spec, factory, clock, startPolicy, keepAlivePolicy, listener, ColdStartGate.OPEN);
    }

    /**
     * A pool whose cold starts on demand pass a gate.
     *
     * @param spec the function version's configuration
     * @param factory makes its instances
     * @param clock the platform's time
     * @param startPolicy where an arriving invocation runs
     * @param keepAlivePolicy when idle instances go
     * @param listener told of instances started and reclaimed
     * @param gate asked before each cold start of {@link #admit()}, such as a burst limit
     */
    public InstancePool(FunctionSpec spec, InstanceFactory factory, Clock clock,
            StartPolicy startPolicy, KeepAlivePolicy keepAlivePolicy, PoolListener listener,
            ColdStartGate gate) {
        this.spec = spec;
        this.factory = factory;
        this.clock = clock;
        this.startPolicy = startPolicy;
        this.keepAlivePolicy = keepAlivePolicy;
        this.listener = listener;
        this.gate = gate;
        this.placesItself = startPolicy instanceof WarmestFirst;
    }

    /**
     * Admits one arriving invocation on demand: warm if a slot is free, else a cold start
     * while the pool is under {@code maxInstances} and the gate allows, else a refusal.
     *
     * @return a lease (cold ones must be {@link #initialize(Lease) initialised} by the caller),
     *     or the limit that refused it
     * @throws IllegalStateException if the pool is draining
     */
    public synchronized Admission admit() {
        Instant now = arrive();
        if (placesItself) {
            if (freeTail != null) return warm(freeTail, now, false);
            if (members.size() >= spec.maxInstances()) return Admission.Refusal.MAX_INSTANCES;
            return gate.tryStart(now) ? coldLease(false, now) : Admission.Refusal.BURST_LIMIT;
        }
        StartDecision decision = startPolicy.place(views(), spec.maxConcurrency(),
                spec.maxInstances());
        return switch (decision.kind()) {
            case WARM -> warm(chosen(decision.instanceId()), now, false);
            case COLD -> gate.tryStart(now) ? coldLease(false, now)
                    : Admission.Refusal.BURST_LIMIT;
            case THROTTLE -> Admission.Refusal.MAX_INSTANCES;
        };
    }

    /**
     * Reserves a slot for one invocation, as {@link #admit()} does.
     *
     * @return a lease on a warm instance, or on a new one that the caller must
     *     {@link #initialize(Lease) initialize}; empty when refused (throttled)
     * @throws IllegalStateException if the pool is draining
     */
    public Optional<Lease> acquire() {
        return admit() instanceof Lease lease ? lease.optional : Optional.empty();
    }

    /**
     * Takes a free slot on a ready instance for an arriving invocation, never starting one:
     * the first step of an invocation under the KPA.
     *
     * @return a warm lease, or empty when every ready instance is full (or none is ready)
     * @throws IllegalStateException if the pool is draining
     */
    public synchronized Optional<Lease> acquireWarm() {
        Instant now = arrive();
        return freeTail == null ? Optional.empty() : warm(freeTail, now, false).optional;
    }

    /**
     * Hands a free slot to an invocation that has waited for one (in an activator), without
     * counting a new arrival. The lease is a cold start if it is the instance's first
     * invocation, since the caller then waited for its init.
     *
     * @return the lease, or empty when no slot is free or the pool is draining
     */
    public synchronized Optional<Lease> takeFreeSlot() {
        if (draining || freeTail == null) return Optional.empty();
        return warm(freeTail, clock.now(), true).optional;
    }

    /**
     * Runs the init phase of a cold lease's new instance, outside the pool's lock. A
     * simulated instance returns at once, and becomes ready on the clock when its init time
     * has passed.
     *
     * @param lease a lease from {@link #admit()} whose {@link Lease#needsInitialize()} is true
     * @return how long the init phase took (or, simulated, will take)
     * @throws InitException if init failed; the instance is then gone and the lease released
     */
    public Duration initialize(Lease lease) throws InitException {
        Member member = lease.member;
        Duration took;
        try {
            took = member.instance.initialize();
        } catch (InitException | RuntimeException e) {
            discard(member, "init-failed");
            throw e;
        }
        if (member.instance.isSimulated()) {
            clock.schedule(took, () -> ready(member, took));
        } else {
            ready(member, took);
        }
        return took;
    }

    /**
     * Ends an invocation's use of its slot; a waiting invocation may then take it.
     *
     * @param lease the lease to return
     * @param broken true if the instance must not be used again (its invocation timed out)
     */
    public void release(Lease lease, boolean broken) {
        boolean freed;
        synchronized (this) {
            freed = released(lease.member, broken);
        }
        if (freed) slotListener.run();
    }

    /**
     * Starts new instances in the background, up to {@code maxInstances} in all. Live, each
     * initialises on its own thread; simulated, each becomes ready on the clock after its init
     * time. Every one that becomes ready frees a slot for waiting invocations.
     *
     * @param count how many to start, zero or more
     * @return how many were started
     */
    public int startInstances(int count) {
        if (count < 0) throw new IllegalArgumentException("count must be 0 or more, was: "
                + count);
        List<Member> started;
        synchronized (this) {
            started = startLocked(count, spec.keepAlive());
        }
        for (Member member : started) initializeInBackground(member);
        return started.size();
    }

    /**
     * Starts one instance if the pool has none ready or starting: scale from zero, done at
     * once for an arrival rather than at the autoscaler's next tick.
     *
     * @return true if an instance was started
     */
    public boolean startIfNone() {
        List<Member> started;
        synchronized (this) {
            if (draining || ready + starting > 0) return false;
            started = startLocked(1, spec.keepAlive());
        }
        for (Member member : started) initializeInBackground(member);
        return !started.isEmpty();
    }

    /**
     * Reclaims idle instances, oldest last use first, never provisioned ones and never below
     * {@code minInstances}: the autoscaler's scale-down.
     *
     * @param count how many to reclaim at most
     * @return how many were reclaimed
     */
    public synchronized int reclaimIdle(int count) {
        int reclaimed = 0;
        Member member = freeHead;
        while (member != null && reclaimed < count && members.size() > spec.minInstances()) {
            Member next = member.nextFree;
            if (member.state == InstanceState.IDLE && !member.provisioned) {
                closeMember(member, "scale-down");
                reclaimed++;
            }
            member = next;
        }
        return reclaimed;
    }

    /**
     * Sets who is told, outside the pool's lock, that a slot has become free: an instance
     * became ready or an invocation ended. One listener; the last one set wins.
     *
     * @param listener such as an activator's hand-over, or nothing
     */
    public void onSlotFree(Runnable listener) {
        this.slotListener = listener == null ? NOBODY : listener;
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
                lease = coldLease(true, clock.now());
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
        cancelPrewarm();
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
        return inFlight;
    }

    /** @return how many instances are initialised (idle or busy) */
    public synchronized int readyInstances() {
        return ready;
    }

    /** @return how many instances are still initialising */
    public synchronized int startingInstances() {
        return starting;
    }

    /** @return how many instances started in the background failed their init so far */
    public synchronized int failedStarts() {
        return failedStarts;
    }

    /**
     * The integral of in-flight invocations over time, so an autoscaler can average
     * concurrency between two ticks: (difference of two readings) / (time between them).
     *
     * @return invocation-nanoseconds since the first invocation, up to now
     */
    public synchronized long inFlightNanos() {
        advanceIntegral(nanos(clock.now()));
        return inFlightNanos;
    }

    public FunctionSpec spec() {
        return spec;
    }

    private Instant arrive() {
        if (draining) throw new IllegalStateException(spec.name() + " is draining");
        Instant now = clock.now();
        keepAlivePolicy.invoked(spec.name(), now);
        // An arrival during a pre-warm window is served now; the pre-warm load is not needed.
        if (prewarmTimer != null) cancelPrewarm();
        return now;
    }

    private Member chosen(String instanceId) {
        Member member = members.get(instanceId);
        if (member == null) {
            throw new IllegalStateException("the start policy chose instance " + instanceId
                    + ", which the pool does not hold");
        }
        return member;
    }

    private Lease warm(Member member, Instant now, boolean waited) {
        long at = nanos(now);
        changeInFlight(at, 1);
        if (member.state == InstanceState.IDLE) member.idleNanos += at - member.idleSinceNanos;
        member.inFlight++;
        member.state = InstanceState.BUSY;
        boolean first = member.served++ == 0;
        touch(member, now, at);
        return waited && first ? member.readyColdLease : member.warmLease;
    }

    private Lease coldLease(boolean provisioned, Instant now) {
        Member member = newMember(provisioned, now, spec.keepAlive());
        member.inFlight = 1;
        member.served = 1;
        changeInFlight(nanos(now), 1);
        return member.coldLease;
    }

    private Member newMember(boolean provisioned, Instant now, Duration keepAlive) {
        String id = spec.name() + "-" + (++nextId);
        Member member = new Member(this, factory.create(id), provisioned, now, keepAlive);
        members.put(id, member);
        starting++;
        return member;
    }

    private List<Member> startLocked(int count, Duration keepAlive) {
        if (draining) return List.of();
        int room = Math.max(0, Math.min(count, spec.maxInstances() - members.size()));
        List<Member> started = new ArrayList<>(room);
        Instant now = clock.now();
        for (int i = 0; i < room; i++) started.add(newMember(false, now, keepAlive));
        return started;
    }

    private void initializeInBackground(Member member) {
        if (member.instance.isSimulated()) {
            initializeNow(member);
            return;
        }
        Thread init = new Thread(() -> initializeNow(member), member.instance.id() + "-init");
        init.setDaemon(true);
        init.start();
    }

    private void initializeNow(Member member) {
        Duration took;
        try {
            took = member.instance.initialize();
        } catch (InitException | RuntimeException e) {
            LOG.warn("function={} instance={} failed to start: {}", spec.name(),
                    member.instance.id(), e.getMessage());
            synchronized (this) {
                failedStarts++;
            }
            discard(member, "init-failed");
            return;
        }
        if (member.instance.isSimulated()) {
            clock.schedule(took, () -> ready(member, took));
        } else {
            ready(member, took);
        }
    }

    /** The init phase is over: the instance serves its lease holders or waits idle. */
    private void ready(Member member, Duration took) {
        boolean freed;
        synchronized (this) {
            freed = becameReady(member, took);
        }
        if (freed) slotListener.run();
    }

    private boolean becameReady(Member member, Duration took) {
        if (member.state != InstanceState.INITIALIZING) return false;
        Instant now = clock.now();
        long at = nanos(now);
        starting--;
        ready++;
        member.initDuration = took;
        member.state = member.inFlight > 0 ? InstanceState.BUSY : InstanceState.IDLE;
        LOG.info("function={} instance={} cold start, init {} ms", spec.name(),
                member.instance.id(), took.toMillis());
        listener.started(spec.name(), member.view(), took);
        if (draining && member.inFlight == 0) {
            closeMember(member, "drained");
            return false;
        }
        if (member.state == InstanceState.IDLE) member.idleSinceNanos = at;
        touch(member, now, at);
        if (member.state == InstanceState.IDLE) scheduleKeepAlive(member, at);
        return member.inFree;
    }

    private boolean released(Member member, boolean broken) {
        Instant now = clock.now();
        long at = nanos(now);
        member.inFlight--;
        changeInFlight(at, -1);
        if (inFlight == 0) keepAlivePolicy.idle(spec.name(), now);
        if (broken) {
            closeMember(member, "timeout");
            if (member.provisioned && !draining) replaceProvisionedLater();
            return false;
        }
        if (member.state == InstanceState.INITIALIZING || member.state
                == InstanceState.RECLAIMED) {
            return false;
        }
        if (member.inFlight > 0) {
            touch(member, now, at);
            return true;
        }
        return wentIdle(member, now, at);
    }

    private boolean wentIdle(Member member, Instant now, long at) {
        member.state = InstanceState.IDLE;
        member.idleSinceNanos = at;
        if (draining) {
            closeMember(member, "drained");
            return false;
        }

        // The policy may ask to unload now and load again just before the next call.
        KeepAliveWindows windows = keepAlivePolicy.windows(spec.name(), now, spec.keepAlive());
        if (windows.prewarms() && !member.provisioned) {
            closeMember(member, "prewarm");
            schedulePrewarm(windows);
            return false;
        }
        member.keepAlive = windows.keepAlive();
        touch(member, now, at);
        scheduleKeepAlive(member, at);
        return true;
    }

    /** Marks a ready instance as just used: last in the free list while it has a slot. */
    private void touch(Member member, Instant now, long at) {
        member.lastUsed = now;
        member.lastUsedNanos = at;
        unlinkFree(member);
        if (member.inFlight < spec.maxConcurrency()) linkFreeLast(member);
    }

    private synchronized void discard(Member member, String reason) {
        if (member.inFlight > 0) changeInFlight(nanos(clock.now()), -member.inFlight);
        member.inFlight = 0;
        closeMember(member, reason);
    }

    /**
     * Arms an instance's keep-alive timer for its deadline, unless one is armed already that
     * fires no later.
     *
     * <p>A warm call neither cancels nor re-arms the timer, since that would cost every
     * invocation a timer (and, on a scheduler that keeps cancelled tasks, their pile-up).
     * Instead a timer that finds its instance used since it was armed re-arms itself for the
     * time left. Example: keep-alive 10 min, released at 0:00 and again at 0:05; the timer
     * fires at 0:10, finds 5 min left, and fires again at 0:15 to reclaim it (see
     * {@code InstancePoolKeepAliveTest}). Only a policy that shortens the window re-arms
     * earlier.
     */
    private void scheduleKeepAlive(Member member, long at) {
        long due = saturatedAdd(at, member.keepAlive.toNanos());
        if (member.keepAliveTimer != null) {
            if (member.timerDueNanos <= due) return;
            member.keepAliveTimer.cancel();
        }
        armKeepAlive(member, at, due - at);
    }

    private void armKeepAlive(Member member, long at, long delayNanos) {
        member.timerDueNanos = saturatedAdd(at, delayNanos);
        member.keepAliveTimer = clock.schedule(Duration.ofNanos(delayNanos),
                () -> keepAliveDue(member));
    }

    private synchronized void keepAliveDue(Member member) {
        member.keepAliveTimer = null;
        if (member.state == InstanceState.RECLAIMED) return;
        Instant now = clock.now();
        reclaimExpired(now, member.keepAlive);

        // Still idle and not expired: it was used since. Busy: its release re-arms the timer.
        if (member.state != InstanceState.IDLE) return;
        long at = nanos(now);
        long left = saturatedAdd(member.lastUsedNanos, member.keepAlive.toNanos()) - at;
        if (left <= 0) return;
        armKeepAlive(member, at, left);
    }

    private void reclaimExpired(Instant now, Duration keepAlive) {
        List<String> expired = keepAlivePolicy.reclaimable(views(), now, keepAlive,
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

    private void schedulePrewarm(KeepAliveWindows windows) {
        cancelPrewarm();
        prewarmKeepAlive = windows.keepAlive();
        prewarmTimer = clock.schedule(windows.prewarm(), this::prewarmDue);
    }

    private void prewarmDue() {
        List<Member> started;
        synchronized (this) {
            if (prewarmTimer == null) return;
            prewarmTimer = null;
            started = startLocked(1, prewarmKeepAlive);
        }
        for (Member member : started) initializeInBackground(member);
    }

    private void cancelPrewarm() {
        if (prewarmTimer == null) return;
        prewarmTimer.cancel();
        prewarmTimer = null;
    }

    private void closeMember(Member member, String reason) {
        if (member.state == InstanceState.RECLAIMED) return;
        if (member.keepAliveTimer != null) member.keepAliveTimer.cancel();
        member.keepAliveTimer = null;
        long at = nanos(clock.now());
        if (member.state == InstanceState.IDLE) member.idleNanos += at - member.idleSinceNanos;
        if (member.state == InstanceState.INITIALIZING) {
            starting--;
        } else {
            ready--;
        }
        InstanceView before = member.view();
        unlinkFree(member);
        member.state = InstanceState.RECLAIMED;
        members.remove(member.instance.id());
        member.instance.close();
        LOG.info("function={} instance={} reclaimed ({})", spec.name(), member.instance.id(),
                reason);
        listener.reclaimed(spec.name(), before, reason, Duration.ofNanos(member.idleNanos));
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
            lease = coldLease(true, clock.now());
        }
        try {
            initialize(lease);
            release(lease, false);
        } catch (InitException e) {
            LOG.warn("function={} instance={} replacement failed to start: {}", spec.name(),
                    lease.instanceId(), e.getMessage());
        }
    }

    private void changeInFlight(long at, int delta) {
        advanceIntegral(at);
        inFlight += delta;
    }

    private void advanceIntegral(long at) {
        if (inFlightSinceNanos != Long.MIN_VALUE && at > inFlightSinceNanos) {
            inFlightNanos += inFlight * (at - inFlightSinceNanos);
        }
        if (at > inFlightSinceNanos) inFlightSinceNanos = at;
    }

    private void linkFreeLast(Member member) {
        member.inFree = true;
        member.prevFree = freeTail;
        member.nextFree = null;
        if (freeTail == null) {
            freeHead = member;
        } else {
            freeTail.nextFree = member;
        }
        freeTail = member;
    }

    private void unlinkFree(Member member) {
        if (!member.inFree) return;
        if (member.prevFree == null) {
            freeHead = member.nextFree;
        } else {
            member.prevFree.nextFree = member.nextFree;
        }
        if (member.nextFree == null) {
            freeTail = member.prevFree;
        } else {
            member.nextFree.prevFree = member.prevFree;
        }
        member.prevFree = null;
        member.nextFree = null;
        member.inFree = false;
    }

    private List<InstanceView> views() {
        List<InstanceView> views = new ArrayList<>(members.size());
        for (Member member : members.values()) views.add(member.view());
        return views;
    }

    /** Nanoseconds since the epoch; no allocation, good for 292 years from 1970. */
    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * One invocation's hold on a slot of an instance. Leases are made once per instance and
     * reused, so holding one costs nothing; return each one exactly once.
     */
    public static final class Lease implements Admission {
        private final InstancePool pool;
        private final Member member;
        private final boolean coldStart;
        private final boolean needsInitialize;
        private final Optional<Lease> optional;

        private Lease(InstancePool pool, Member member, boolean coldStart,
                boolean needsInitialize) {
            this.pool = pool;
            this.member = member;
            this.coldStart = coldStart;
            this.needsInitialize = needsInitialize;
            this.optional = Optional.of(this);
        }

        public FunctionInstance instance() {
            return member.instance;
        }

        public String instanceId() {
            return member.instance.id();
        }

        /** @return true if this invocation started, or waited for, a new instance */
        public boolean coldStart() {
            return coldStart;
        }

        /** @return true if the caller must run the instance's init phase (on-demand start) */
        public boolean needsInitialize() {
            return needsInitialize;
        }

        /** @return the instance's init phase, zero until it is known */
        public Duration initDuration() {
            Duration took = member.initDuration;
            return took == null ? Duration.ZERO : took;
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
        final Lease warmLease;
        final Lease coldLease;
        final Lease readyColdLease;
        InstanceState state = InstanceState.INITIALIZING;
        int inFlight;
        int served;
        Instant lastUsed;
        long lastUsedNanos;
        long idleSinceNanos;
        long idleNanos;
        Duration keepAlive;
        Duration initDuration;
        Clock.Timer keepAliveTimer;
        long timerDueNanos;
        boolean inFree;
        Member prevFree;
        Member nextFree;

        Member(InstancePool pool, FunctionInstance instance, boolean provisioned,
                Instant created, Duration keepAlive) {
            this.instance = instance;
            this.provisioned = provisioned;
            this.lastUsed = created;
            this.lastUsedNanos = nanos(created);
            this.keepAlive = keepAlive;
            this.warmLease = new Lease(pool, this, false, false);
            this.coldLease = new Lease(pool, this, true, true);
            this.readyColdLease = new Lease(pool, this, true, false);
        }

        InstanceView view() {
            return new InstanceView(instance.id(), state, inFlight, lastUsed, provisioned);
        }
    }
}
