package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Bills.charge;
import static dev.aiworkbook.runtime.billing.Bills.find;
import static dev.aiworkbook.runtime.billing.Bills.has;
import static dev.aiworkbook.runtime.billing.Bills.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MeterTest {

    private final PriceCatalog x86 = PriceCatalog.load("aws-lambda-x86");

    @Test
    @DisplayName("an empty meter bills nothing")
    void emptyMeterBillsNothing() {
        Invoice invoice = new Meter().invoice(x86, false);

        assertThat(invoice.functions()).isEmpty();
        assertThat(invoice.total()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("0 ms bills nothing, 1 ns and exactly 1 ms each bill 1 ms")
    void roundsEachInvocationUpToTheMillisecond() {
        Meter meter = new Meter();
        meter.record(BillingRecord.warm("zero", 1024, Duration.ZERO));
        meter.record(BillingRecord.warm("tiny", 1024, Duration.ofNanos(1)));
        meter.record(BillingRecord.warm("exact", 1024, Duration.ofMillis(1)));

        Invoice invoice = meter.invoice(x86, false);

        assertThat(line(invoice, "zero").gbSeconds()).isEqualByComparingTo("0");
        assertThat(line(invoice, "zero").requests()).isEqualTo(1);
        assertThat(line(invoice, "tiny").gbSeconds()).isEqualByComparingTo("0.001");
        assertThat(line(invoice, "exact").gbSeconds()).isEqualByComparingTo("0.001");
    }

    @Test
    @DisplayName("the free tier is taken off the account's total, not each function")
    void freeTierOnAndOff() {
        Meter meter = new Meter();
        meter.record(BillingRecord.warm("api", 512, Duration.ofSeconds(1)), 1_000_000);
        meter.record(BillingRecord.warm("cron", 128, Duration.ofMillis(100)), 2_000_000);

        Invoice full = meter.invoice(x86, false);
        Invoice free = meter.invoice(x86, true);

        // api: 500,000 GB-s $8.33 + 1M requests $0.20; cron: 25,000 GB-s $0.42 + $0.40.
        assertThat(line(full, "api").total()).isEqualByComparingTo("8.53");
        assertThat(line(full, "cron").total()).isEqualByComparingTo("0.82");
        assertThat(full.total()).isEqualByComparingTo("9.35");

        // 525,000 GB-s less 400,000 free is $2.08; 3M requests less 1M free is $0.40.
        assertThat(line(free, "api").total()).isEqualByComparingTo("8.53");
        assertThat(find(free, "compute (GB-s)").freeTier()).isEqualByComparingTo("400000");
        assertThat(charge(free, "compute (GB-s)")).isEqualByComparingTo("2.08");
        assertThat(charge(free, "requests")).isEqualByComparingTo("0.40");
        assertThat(free.total()).isEqualByComparingTo("2.48");
    }

    @Test
    @DisplayName("the free tier never makes a charge negative")
    void freeTierStopsAtZero() {
        Meter meter = new Meter();
        meter.record(BillingRecord.warm("api", 128, Duration.ofMillis(10)), 10);

        Invoice invoice = meter.invoice(x86, true);

        assertThat(find(invoice, "requests").freeTier()).isEqualByComparingTo("10");
        assertThat(find(invoice, "requests").billable()).isEqualByComparingTo("0");
        assertThat(invoice.total()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("init is rounded together with the run and billed where the catalog says so")
    void initIsBilledPerCatalog() {
        Meter meter = new Meter();
        meter.record(BillingRecord.cold("resize", 1024, Duration.ofNanos(100_200_000),
                Duration.ofNanos(250_300_000)));

        Invoice aws = meter.invoice(x86, false);
        Invoice azure = meter.invoice(PriceCatalog.load("azure-functions-consumption"), false);
        Invoice cloudRun = meter.invoice(PriceCatalog.load("google-cloud-run"), false);

        // AWS: 350.5 ms in all bills 351 ms, of which the run alone bills 101 ms.
        assertThat(line(aws, "resize").gbSeconds()).isEqualByComparingTo("0.101");
        assertThat(line(aws, "resize").initGbSeconds()).isEqualByComparingTo("0.25");
        assertThat(find(aws, "compute (GB-s)").quantity()).isEqualByComparingTo("0.351");
        assertThat(line(azure, "resize").initGbSeconds()).isEqualByComparingTo("0");

        // Cloud Run: 350.5 ms bills 400 ms, the run alone 200 ms.
        assertThat(line(cloudRun, "resize").initGbSeconds()).isEqualByComparingTo("0.2");
    }

    @Test
    @DisplayName("a million cold starts of a Java function add an init charge")
    void initChargeOfManyColdStarts() {
        Meter meter = new Meter();
        meter.record(BillingRecord.cold("java", 2048, Duration.ofMillis(50),
                Duration.ofSeconds(3)), 1_000_000);

        Invoice invoice = meter.invoice(x86, false);

        // 1M x 3 s x 2 GB = 6M GB-s at $0.0000166667 = $100.0002.
        assertThat(line(invoice, "java").initGbSeconds()).isEqualByComparingTo("6000000");
        assertThat(line(invoice, "java").initCharge()).isEqualByComparingTo("100.00");
    }

    @Test
    @DisplayName("provisioned instances are billed for the time kept, in 5-minute steps")
    void provisionedInstancesAreBilledWhileKept() {
        Meter meter = new Meter();
        meter.recordProvisioned("api", 1024, 2, Duration.ofMinutes(61));

        Invoice invoice = meter.invoice(x86, false);

        // 61 minutes bill 65: 2 instances x 1 GB x 3,900 s = 7,800 GB-s at $0.0000041667.
        assertThat(line(invoice, "api").keptGbSeconds()).isEqualByComparingTo("7800");
        assertThat(line(invoice, "api").provisionedCharge()).isEqualByComparingTo("0.03");
        assertThat(line(invoice, "api").requests()).isZero();
        assertThat(charge(invoice, "provisioned kept (GB-s)")).isEqualByComparingTo("0.03");
    }

    @Test
    @DisplayName("invocations on provisioned instances use the lower duration price")
    void servedInvocationsUseTheProvisionedPrice() {
        Meter meter = new Meter();
        meter.record(BillingRecord.onProvisioned("api", 1024, Duration.ofSeconds(1)), 1_000_000);

        Invoice invoice = meter.invoice(x86, true);

        // 1M GB-s at $0.0000097222 is $9.72; the free tier does not cover it.
        assertThat(line(invoice, "api").provisionedGbSeconds()).isEqualByComparingTo("1000000");
        assertThat(line(invoice, "api").computeCharge()).isEqualByComparingTo("0");
        assertThat(charge(invoice, "provisioned compute (GB-s)")).isEqualByComparingTo("9.72");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("0");
        assertThat(has(invoice, "provisioned kept (GB-s)")).isFalse();
    }

    @Test
    @DisplayName("provisioned usage on a catalog without provisioned prices is refused")
    void provisionedUsageNeedsProvisionedPrices() {
        Meter meter = new Meter();
        meter.recordProvisioned("api", 512, 1, Duration.ofHours(1));

        assertThatThrownBy(() -> meter.invoice(PriceCatalog.load("google-cloud-run"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"google-cloud-run\"")
                .hasMessageContaining("\"api\"");
    }

    @Test
    @DisplayName("bad provisioned arguments name the field and the value")
    void rejectsBadProvisionedArguments() {
        Meter meter = new Meter();

        assertThatThrownBy(() -> meter.recordProvisioned("api", 512, 0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instances must be 1 or more, was: 0");
        assertThatThrownBy(() -> meter.recordProvisioned("api", 64, 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryMb must be 128..10240, was: 64");
        assertThatThrownBy(() -> meter.recordProvisioned("api", 512, 1, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kept").hasMessageContaining("PT-1H");
        assertThatThrownBy(() -> meter.record(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record");
    }

    @Test
    @DisplayName("a learner's metering rule decides the rounding")
    void pluggedInRuleDecidesTheRounding() {
        MeteringRule wholeSeconds = new MeteringRule() {
            @Override
            public Duration billedDuration(Duration actual, Duration granularity,
                    Duration minimum) {
                long seconds = (actual.toNanos() + 999_999_999L) / 1_000_000_000L;
                return Duration.ofSeconds(seconds);
            }

            @Override
            public double gbSeconds(int memoryMb, Duration billed) {
                return memoryMb / 1024.0 * billed.toNanos() / 1e9;
            }
        };
        Meter meter = new Meter(wholeSeconds);
        meter.record(BillingRecord.warm("api", 1024, Duration.ofMillis(1)));

        Invoice invoice = meter.invoice(x86, false);

        assertThat(line(invoice, "api").gbSeconds()).isEqualByComparingTo("1");
    }

    @RepeatedTest(5)
    @DisplayName("records from many threads are all counted")
    void recordsFromManyThreads() throws Exception {
        Meter meter = new Meter();
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String function = t % 2 == 0 ? "even" : "odd";
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    meter.record(BillingRecord.warm(function, 512, Duration.ofMillis(1 + i % 3)));
                }
                return null;
            }));
        }

        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Invoice invoice = meter.invoice(x86, false);

        assertThat(find(invoice, "requests").quantity())
                .isEqualByComparingTo(BigDecimal.valueOf((long) threads * perThread));
        assertThat(line(invoice, "even").requests()).isEqualTo(4L * perThread);
        // Each thread bills 1,667 x 1 ms + 1,667 x 2 ms + 1,666 x 3 ms = 9,999 ms at 0.5 GB.
        assertThat(find(invoice, "compute (GB-s)").quantity())
                .isEqualByComparingTo(new BigDecimal("39.996"));
    }
}
