package dev.aiworkbook.runtime.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.dispatch.Deployment;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.PoolListener;
import dev.aiworkbook.runtime.testfunctions.Await;
import dev.aiworkbook.runtime.testfunctions.Upper;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hybrid histogram policy run by the platform's own pool, on a virtual clock. */
class HybridHistogramPolicyOnThePoolTest {

    private static final Duration GAP = Duration.ofSeconds(630);

    private final VirtualClock clock = VirtualClock.atEpoch();
    private final List<String> reclaims = new CopyOnWriteArrayList<>();
    private final HybridHistogramPolicy policy = HybridHistogramPolicy.paper();

    @Test
    @DisplayName("a function called every 10.5 min: learnt, then unloaded between calls and"
            + " pre-warmed for the next")
    void learnsThenPrewarms() {
        try (Dispatcher platform = Dispatcher.builder(clock).keepAlivePolicy(policy).build()) {
            platform.addPoolListener(new PoolListener() {
                @Override
                public void reclaimed(String function, InstanceView instance, String reason) {
                    reclaims.add(reason);
                }
            });
            Deployment fn = platform.deploy(FunctionSpec.of("f", Upper.class.getName()),
                    FunctionCode.ofClasspath(Upper.class));

            // Eleven calls 10.5 min apart: too few idle times at first, so the 4-hour range
            // keeps the one instance loaded and every call after the first is warm.
            int cold = 0;
            for (int i = 0; i < 11; i++) {
                if (i > 0) clock.advance(GAP);
                if (invoke(platform)) cold++;
            }
            assertThat(cold).isEqualTo(1);
            assertThat(policy.choose("f").basis())
                    .isEqualTo(HybridHistogramPolicy.Basis.HISTOGRAM);

            // With 10 idle times in bin 10: pre-warm 9 min, keep to 12.1 min. The 11th call's
            // instance was unloaded as it went idle.
            assertThat(reclaims).containsExactly("prewarm");
            assertThat(fn.pool().instances()).isEmpty();

            // 9 min later a fresh instance is loaded, and the call at 10.5 min finds it warm.
            clock.advance(Duration.ofMinutes(9));
            Await.until("the pre-warmed instance ready", () -> fn.pool().readyInstances() == 1);
            clock.advance(GAP.minusMinutes(9));
            assertThat(invoke(platform)).as("the call after the pre-warm is cold").isFalse();
        }
    }

    @Test
    @DisplayName("when no call comes, the pre-warmed instance goes at the end of its"
            + " keep-alive window")
    void prewarmedInstanceExpires() {
        try (Dispatcher platform = Dispatcher.builder(clock).keepAlivePolicy(policy).build()) {
            Deployment fn = platform.deploy(FunctionSpec.of("f", Upper.class.getName()),
                    FunctionCode.ofClasspath(Upper.class));
            for (int i = 0; i < 11; i++) {
                if (i > 0) clock.advance(GAP);
                invoke(platform);
            }

            // pre-warmed at 9 min, kept for 3.1 min: still there at 12 min, gone at 12.2
            clock.advance(Duration.ofMinutes(9));
            Await.until("the pre-warmed instance ready", () -> fn.pool().readyInstances() == 1);
            clock.advance(Duration.ofMinutes(3));
            assertThat(fn.pool().instances()).hasSize(1);
            clock.advance(Duration.ofSeconds(12));
            assertThat(fn.pool().instances()).isEmpty();
        }
    }

    private static boolean invoke(Dispatcher platform) {
        return platform.invoke(Invocation.of("f", "\"hi\"")).record().orElseThrow().coldStart();
    }
}
