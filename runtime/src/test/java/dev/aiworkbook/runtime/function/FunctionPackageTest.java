package dev.aiworkbook.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.testfunctions.Await;
import dev.aiworkbook.runtime.testfunctions.Peeker;
import dev.aiworkbook.runtime.testfunctions.TestJars;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function deployed from a jar runs apart from the platform and from its other instances. */
class FunctionPackageTest {

    private final Dispatcher platform = Dispatcher.on(VirtualClock.atEpoch());

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    @DisplayName("a jar's handler sees the JDK and the Lambda libraries, not the platform's")
    void packageIsIsolated() throws Exception {
        deployPeekerJar(1);

        JsonNode seen = invoke("{}");

        assertThat(seen.get("javalin").asBoolean()).as("Javalin is the platform's").isFalse();
        assertThat(seen.get("platform").asBoolean()).as("the dispatcher too").isFalse();
        assertThat(seen.get("lambdaEvents").asBoolean()).as("the shared contract").isTrue();
        assertThat(seen.get("loader").asText()).startsWith("peeker-");
    }

    @Test
    @DisplayName("two instances of one jar hold separate static state")
    void instancesDoNotShareStatics() throws Exception {
        deployPeekerJar(2);

        // two calls at once: the second cannot wait for the first, so it starts an instance
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() ->
                invokeQuietly("{\"sleepMs\":400}"));
        Await.inFlight(platform, "peeker", 1);
        JsonNode second = invoke("{\"sleepMs\":400}");
        JsonNode third = invoke("{}");

        assertThat(first.get().get("calls").asInt()).isEqualTo(1);
        assertThat(second.get("calls").asInt()).as("a fresh class, a fresh counter").isEqualTo(1);
        assertThat(second.get("loader").asText()).isNotEqualTo(first.get().get("loader").asText());
        assertThat(third.get("calls").asInt()).as("warm: the counter lives on").isEqualTo(2);
    }

    private void deployPeekerJar(int maxInstances) throws Exception {
        Path jar = TestJars.build(dir.resolve("peeker.jar"), Peeker.class);
        platform.deploy(FunctionSpec.of("peeker", Peeker.class.getName())
                .withMaxInstances(maxInstances), FunctionCode.ofPackage(jar));
    }

    private JsonNode invoke(String json) throws Exception {
        InvocationResult result = platform.invoke(Invocation.of("peeker", json));
        assertThat(result.status()).as(result.payloadText())
                .isEqualTo(InvocationResult.Status.SUCCESS);
        return Json.mapper().readTree(result.payload());
    }

    private JsonNode invokeQuietly(String json) {
        try {
            return invoke(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
