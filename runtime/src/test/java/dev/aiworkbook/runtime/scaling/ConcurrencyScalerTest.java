package dev.aiworkbook.runtime.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrencyScalerTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final ConcurrencyScaler scaler =
            new ConcurrencyScaler(ScalerSettings.knativeDefaults(1));

    @Test
    @DisplayName("steady traffic asks for in-flight / (target x utilisation) instances")
    void steadyTrafficSizesThePool() {
        Instant now = feed(T0, 60, 7);

        ScaleDecision decision = scaler.decide(now, 10);

        // ceil(7 / (1 x 0.7)) = 10
        assertThat(decision.desiredInstances()).isEqualTo(10);
        assertThat(decision.panicking()).isFalse();
        assertThat(decision.stableConcurrency()).isEqualTo(7);
    }

    @Test
    @DisplayName("a burst the panic window sees at twice the ready instances starts panic")
    void burstStartsPanic() {
        Instant now = feed(T0, 54, 1);
        now = feed(now, 6, 10);

        ScaleDecision decision = scaler.decide(now, 2);

        // the 6 s panic window averages 10: ceil(10 / 0.7) = 15, 7.5x the 2 ready
        assertThat(decision.panicking()).isTrue();
        assertThat(decision.panicConcurrency()).isEqualTo(10);
        assertThat(decision.desiredInstances()).isEqualTo(15);
    }

    @Test
    @DisplayName("while panicking the scaler never scales down")
    void panicNeverScalesDown() {
        Instant now = feed(feed(T0, 54, 1), 6, 10);
        scaler.decide(now, 2);

        // the burst is over: the panic window sees nothing, but panic lasts a stable window
        now = feed(now, 30, 0);
        ScaleDecision decision = scaler.decide(now, 15);

        assertThat(decision.panicking()).isTrue();
        assertThat(decision.desiredInstances()).isEqualTo(15);
    }

    @Test
    @DisplayName("panic ends after a whole stable window below the threshold")
    void panicEndsAfterAStableWindow() {
        Instant now = feed(feed(T0, 54, 1), 6, 10);
        scaler.decide(now, 2);

        // 60 s later, with 3 in flight all along, the stable window takes over again
        now = feed(now, 60, 3);
        ScaleDecision decision = scaler.decide(now, 15);

        assertThat(decision.panicking()).isFalse();
        // the wish is ceil(3 / 0.7) = 5, but one tick may only shrink 15 to 7
        assertThat(decision.desiredInstances()).isEqualTo(7);
    }

    @Test
    @DisplayName("one tick may shrink the pool to half of the ready instances, no more")
    void scaleDownIsRateLimited() {
        Instant now = feed(T0, 60, 0.5);

        ScaleDecision decision = scaler.decide(now, 10);

        // the wish is ceil(0.5 / 0.7) = 1, but at most half of 10 may go in one tick
        assertThat(decision.desiredInstances()).isEqualTo(5);
    }

    @Test
    @DisplayName("one tick may grow the pool by the scale-up rate, no more")
    void scaleUpIsRateLimited() {
        ScalerSettings slow = new ScalerSettings(1, 0.7, Duration.ofSeconds(60), 10, 2.0, 2, 2,
                Duration.ofSeconds(30));
        ConcurrencyScaler limited = new ConcurrencyScaler(slow);
        Instant now = T0;
        for (int i = 0; i < 60; i++) limited.observe(now = now.plusSeconds(1), 100);

        ScaleDecision decision = limited.decide(now, 3);

        assertThat(decision.desiredInstances()).isEqualTo(6);
    }

    @Test
    @DisplayName("after the grace period without traffic the function scales to zero")
    void scalesToZeroAfterGrace() {
        Instant now = feed(T0, 10, 1);
        now = feed(now, 60, 0);

        // a minute of silence: the stable window is empty of traffic
        ScaleDecision quiet = scaler.decide(now, 1);
        assertThat(quiet.desiredInstances()).isZero();
    }

    @Test
    @DisplayName("within the grace period the last instance stays")
    void lastInstanceStaysWithinGrace() {
        Instant now = feed(T0, 10, 0.2);
        now = feed(now, 20, 0);

        // 20 s of silence: the 30 s grace has not passed
        ScaleDecision decision = scaler.decide(now, 1);

        assertThat(decision.desiredInstances()).isEqualTo(1);
    }

    @Test
    @DisplayName("from zero, the first traffic asks for instances at once")
    void scalesFromZero() {
        Instant now = feed(T0, 2, 3);

        ScaleDecision decision = scaler.decide(now, 0);

        assertThat(decision.desiredInstances()).isEqualTo(5);
    }

    @Test
    @DisplayName("bad observations and settings are refused, naming the field and value")
    void badInputIsRefused() {
        scaler.observe(T0, 1);

        assertThatThrownBy(() -> scaler.observe(T0.plusSeconds(1), -1))
                .hasMessageContaining("inFlight").hasMessageContaining("-1");
        assertThatThrownBy(() -> scaler.observe(T0.minusSeconds(1), 1))
                .hasMessageContaining("back in time");
        assertThatThrownBy(() -> new ScalerSettings(1, 1.5, Duration.ofSeconds(60), 10, 2, 1000,
                2, Duration.ofSeconds(30))).hasMessageContaining("targetUtilization")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new ScalerSettings(1, 0.7, Duration.ofSeconds(1), 10, 2, 1000,
                2, Duration.ofSeconds(30))).hasMessageContaining("stableWindow")
                .hasMessageContaining("PT1S");
    }

    /** Observes {@code inFlight} once a second for {@code seconds}; returns the last instant. */
    private Instant feed(Instant from, int seconds, double inFlight) {
        Instant now = from;
        for (int i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            scaler.observe(now, inFlight);
        }
        return now;
    }
}
