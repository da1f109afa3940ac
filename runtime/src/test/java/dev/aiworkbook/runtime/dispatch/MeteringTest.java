package dev.aiworkbook.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.billing.Invoice;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeteringTest {

    private final PriceCatalog x86 = PriceCatalog.load("aws-lambda-x86");
    private final VirtualClock clock = VirtualClock.atEpoch();

    @Test
    @DisplayName("every invocation is metered at the function's memory and billed duration")
    void invocationsAreMetered() {
        try (Dispatcher platform = Dispatcher.on(clock)) {
            Metering metering = Metering.attach(platform);
            platform.deploy(FunctionSpec.of("sleeper", Sleeper.class.getName())
                    .withMemoryMb(1024), FunctionCode.ofClasspath(Sleeper.class));

            InvocationResult one = platform.invoke(Invocation.of("sleeper", "{\"millis\":50}"));
            InvocationResult two = platform.invoke(Invocation.of("sleeper", "{\"millis\":50}"));
            Invoice invoice = metering.invoice(x86, false);

            // 1 GB x (billed run time of both calls, plus the first one's init), in seconds
            InvocationRecord cold = one.record().orElseThrow();
            InvocationRecord warm = two.record().orElseThrow();
            double expected = (ms(cold.duration().plus(cold.initDuration()))
                    + ms(warm.duration())) / 1000.0;
            Invoice.FunctionLine line = invoice.functions().get(0);
            assertThat(line.requests()).isEqualTo(2);
            assertThat(line.gbSeconds().add(line.initGbSeconds()).doubleValue())
                    .isBetween(expected - 0.0021, expected + 0.0021);
        }
    }

    @Test
    @DisplayName("provisioned instances are billed for the time they are kept, once")
    void provisionedTimeIsBilledOnce() {
        try (Dispatcher platform = Dispatcher.on(clock)) {
            Metering metering = Metering.attach(platform);
            platform.deploy(FunctionSpec.of("greeter", Greeter.class.getName())
                    .withMemoryMb(512).withMinInstances(2), FunctionCode.ofClasspath(Greeter.class));

            // an hour passes with both provisioned instances kept warm
            clock.advance(Duration.ofHours(1));
            Invoice first = metering.invoice(x86, false);
            Invoice again = metering.invoice(x86, false);

            // 2 instances x 0.5 GB x 3,600 s, counted when first asked and not again
            assertThat(first.functions().get(0).keptGbSeconds()).isEqualByComparingTo("3600");
            assertThat(again.functions().get(0).keptGbSeconds()).isEqualByComparingTo("3600");
        }
    }

    private static long ms(Duration d) {
        return (d.toNanos() + 999_999) / 1_000_000;
    }
}
