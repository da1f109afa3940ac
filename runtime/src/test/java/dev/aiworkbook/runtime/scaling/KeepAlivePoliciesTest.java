package dev.aiworkbook.runtime.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.instance.InstanceState;
import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeepAlivePoliciesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @ParameterizedTest(name = "{0} keeps an idle instance {1}")
    @CsvSource({
        "aws, PT10M",
        "azure, PT20M",
        "fixed:10m, PT10M",
        "fixed:300s, PT5M",
        "fixed:1d, PT24H",
        "fixed:1500ms, PT1.5S",
        "' AWS ', PT10M",
    })
    @DisplayName("fixed presets and values give their keep-alive, whatever was configured")
    void fixedPresets(String name, Duration keepAlive) {
        KeepAlivePolicy policy = KeepAlivePolicies.parse(name);

        assertThat(policy.windows("f", T0, Duration.ofMinutes(3)))
                .isEqualTo(KeepAliveWindows.fixed(keepAlive));
    }

    @Test
    @DisplayName("a fixed override reclaims by its own keep-alive, not the configured one")
    void fixedOverrideReclaimsByItsOwnValue() {
        KeepAlivePolicy policy = KeepAlivePolicies.parse("fixed:20m");
        var idle = List.of(new InstanceView("a", InstanceState.IDLE, 0, T0, false));

        // configured 10 min; at 15 min the 20-minute override still keeps it, at 20 it goes
        assertThat(policy.reclaimable(idle, T0.plusSeconds(900), Duration.ofMinutes(10), 0))
                .isEmpty();
        assertThat(policy.reclaimable(idle, T0.plusSeconds(1200), Duration.ofMinutes(10), 0))
                .containsExactly("a");
    }

    @Test
    @DisplayName("plain fixed keeps the function's configured keep-alive")
    void plainFixedUsesTheConfiguredValue() {
        KeepAlivePolicy policy = KeepAlivePolicies.parse("fixed");
        var idle = List.of(new InstanceView("a", InstanceState.IDLE, 0, T0, false));

        assertThat(policy.windows("f", T0, Duration.ofMinutes(3)))
                .isEqualTo(KeepAliveWindows.fixed(Duration.ofMinutes(3)));
        assertThat(policy.reclaimable(idle, T0.plusSeconds(180), Duration.ofMinutes(3), 0))
                .containsExactly("a");
    }

    @Test
    @DisplayName("hybrid and none give their policies, and every name reads back")
    void namedPolicies() {
        assertThat(KeepAlivePolicies.parse("hybrid")).isInstanceOf(HybridHistogramPolicy.class);
        assertThat(KeepAlivePolicies.parse("none")).isInstanceOf(NeverUnload.class);
        assertThat(KeepAlivePolicies.parse("hybrid")).isNotSameAs(
                KeepAlivePolicies.parse("hybrid"));
        assertThat(List.of("fixed", "aws", "azure", "hybrid", "none", "fixed:90s"))
                .extracting(n -> KeepAlivePolicies.parse(n).toString())
                .containsExactly("fixed", "fixed:10m", "fixed:20m", "hybrid", "none",
                        "fixed:90s");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "lru", "fixed:", "fixed:ten", "fixed:-5m", "hybrid:2"})
    @DisplayName("anything else is refused with the value and the accepted names")
    void refusesUnknownNames(String name) {
        assertThatThrownBy(() -> KeepAlivePolicies.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + name + "\"")
                .hasMessageContaining("hybrid").hasMessageContaining("fixed:10m");
    }

    @Test
    @DisplayName("null is refused like any unknown name")
    void refusesNull() {
        assertThatThrownBy(() -> KeepAlivePolicies.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null").hasMessageContaining("none");
    }

    @Test
    @DisplayName("never unload keeps every instance, whatever its idle time")
    void neverUnload() {
        KeepAlivePolicy policy = new NeverUnload();
        var idle = List.of(new InstanceView("a", InstanceState.IDLE, 0, T0, false));

        assertThat(policy.reclaimable(idle, T0.plus(Duration.ofDays(30)), Duration.ZERO, 0))
                .isEmpty();
        assertThat(policy.windows("f", T0, Duration.ZERO).keepAlive())
                .isEqualTo(KeepAliveWindows.FOREVER);
    }
}
