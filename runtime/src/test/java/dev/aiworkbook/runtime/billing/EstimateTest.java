package dev.aiworkbook.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EstimateTest {

    private final PriceCatalog x86 = PriceCatalog.load("aws-lambda-x86");

    @Test
    @DisplayName("an estimate bills like a meter that recorded each invocation")
    void estimateEqualsRecordedInvocations() {
        Meter meter = new Meter();
        for (int i = 0; i < 1_000; i++) {
            meter.record(BillingRecord.warm(Estimate.FUNCTION, 256, Duration.ofNanos(33_300_001)));
        }

        Invoice estimated = Estimate.monthly(x86, 256, 1_000, Duration.ofNanos(33_300_001),
                false);

        assertThat(estimated).isEqualTo(meter.invoice(x86, false));
        assertThat(estimated.functions().get(0).gbSeconds()).isEqualByComparingTo("8.5");
    }

    @Test
    @DisplayName("zero invocations cost nothing")
    void zeroInvocationsCostNothing() {
        Invoice invoice = Estimate.monthly(x86, 512, 0, Duration.ofSeconds(1), true);

        assertThat(invoice.total()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("bad arguments name the field, the rule and the value")
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Estimate.monthly(x86, 512, -1, Duration.ofSeconds(1), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invocations must be zero or more, was: -1");
        assertThatThrownBy(() -> Estimate.monthly(x86, 64, 1, Duration.ofSeconds(1), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryMb must be 128..10240, was: 64");
        assertThatThrownBy(() -> Estimate.monthly(null, 512, 1, Duration.ofSeconds(1), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog");
    }
}
