package dev.aiworkbook.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BillingRecordTest {

    @Test
    @DisplayName("the factories set the cold and provisioned flags")
    void factoriesSetTheFlags() {
        BillingRecord warm = BillingRecord.warm("resize", 512, Duration.ofMillis(80));
        BillingRecord cold = BillingRecord.cold("resize", 512, Duration.ofMillis(80),
                Duration.ofMillis(900));
        BillingRecord served = BillingRecord.onProvisioned("resize", 512, Duration.ofMillis(80));

        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.initDuration()).isZero();
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initDuration()).isEqualTo(Duration.ofMillis(900));
        assertThat(served.provisioned()).isTrue();
        assertThat(served.coldStart()).isFalse();
    }

    @Test
    @DisplayName("memory outside 128..10240 MB is refused with the rule and the value")
    void rejectsMemoryOutOfRange() {
        assertThatThrownBy(() -> BillingRecord.warm("resize", 64, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryMb must be 128..10240, was: 64");
        assertThatThrownBy(() -> BillingRecord.warm("resize", 10_241, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryMb must be 128..10240, was: 10241");
    }

    @Test
    @DisplayName("a blank function name or a negative duration is refused")
    void rejectsBlankNamesAndNegativeDurations() {
        assertThatThrownBy(() -> BillingRecord.warm(" ", 512, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function").hasMessageContaining("\" \"");
        assertThatThrownBy(() -> BillingRecord.warm("resize", 512, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration").hasMessageContaining("PT-0.005S");
        assertThatThrownBy(() -> BillingRecord.warm("resize", 512, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration").hasMessageContaining("null");
    }

    @Test
    @DisplayName("only a cold start carries an init duration, and never on a provisioned one")
    void initBelongsToColdStartsOnDemand() {
        assertThatThrownBy(() -> new BillingRecord("resize", 512, Duration.ofMillis(80),
                Duration.ofMillis(900), false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initDuration").hasMessageContaining("PT0.9S");
        assertThatThrownBy(() -> new BillingRecord("resize", 512, Duration.ofMillis(80),
                Duration.ZERO, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coldStart").hasMessageContaining("provisioned");
    }
}
