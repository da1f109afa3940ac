package dev.aiworkbook.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BillModelsTest {

    private static final PriceCatalog AWS = PriceCatalog.load("aws-lambda-x86");

    @Test
    @DisplayName("10 calls a second for a month, 512 MB, 100 ms: $26.78 on AWS")
    void monthlyBill() {
        BigDecimal bill = MonthlyBill.expected(AWS, 512, 10, Duration.ofMillis(100),
                MonthlyBill.MONTH, false);

        // 25,920,000 calls: $5.18 of requests + 1,296,000 GB-s x $0.0000166667 = $21.60
        assertThat(bill).isEqualByComparingTo("26.78");
    }

    @Test
    @DisplayName("the free tier takes a million requests and 400,000 GB-s off")
    void monthlyBillWithFreeTier() {
        BigDecimal bill = MonthlyBill.expected(AWS, 512, 10, Duration.ofMillis(100),
                MonthlyBill.MONTH, true);

        // 24.92 M calls: $4.98; 896,000 GB-s: $14.93
        assertThat(bill).isEqualByComparingTo("19.91");
    }

    @Test
    @DisplayName("one invocation: the request fee plus its GB-seconds")
    void perInvocation() {
        double cost = MonthlyBill.perInvocation(AWS, 512, Duration.ofMillis(100));

        assertThat(cost).isCloseTo(0.0000002 + 0.05 * 0.0000166667, within(1e-11));
    }

    @Test
    @DisplayName("break-even against a $0.0416/h VM: 11.2 calls a second")
    void breakEven() {
        double rate = BreakEven.requestsPerSecond(AWS, 512, Duration.ofMillis(100), 0.0416);

        assertThat(rate).isCloseTo(0.0416 / 3600 / 1.03333e-6, within(1e-3))
                .isCloseTo(11.18, within(0.01));
        // at that rate a month on each side costs the same
        BigDecimal serverless = MonthlyBill.expected(AWS, 512, rate, Duration.ofMillis(100),
                MonthlyBill.MONTH, false);
        assertThat(serverless.doubleValue()).isCloseTo(0.0416 * 720, within(0.01));
    }

    @Test
    @DisplayName("a VM serves concurrency / duration calls a second")
    void vmCapacity() {
        assertThat(BreakEven.vmCapacity(4, Duration.ofMillis(100))).isCloseTo(40, within(1e-9));
    }

    @Test
    @DisplayName("bad input is refused, naming the field and the value")
    void refusesBadInput() {
        assertThatThrownBy(() -> BreakEven.requestsPerSecond(AWS, 512, Duration.ofMillis(100),
                0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vmUsdPerHour").hasMessageContaining("0.0");
        assertThatThrownBy(() -> MonthlyBill.expected(AWS, 64, 1, Duration.ofMillis(100),
                MonthlyBill.MONTH, false)).hasMessageContaining("memoryMb")
                .hasMessageContaining("64");
        assertThatThrownBy(() -> MonthlyBill.expected(AWS, 512, 1, Duration.ofMillis(100),
                Duration.ZERO, false)).hasMessageContaining("period")
                .hasMessageContaining("PT0S");
    }
}
