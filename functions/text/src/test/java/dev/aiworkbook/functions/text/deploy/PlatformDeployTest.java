package dev.aiworkbook.functions.text.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.function.DeclaredFunction;
import dev.aiworkbook.runtime.function.DeployDescriptor;
import dev.aiworkbook.runtime.time.SystemClock;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment package (target/lambda, laid out as a Lambda zip) deployed on the real
 * platform from serverless.yml: each function runs in its own class loader, so this also
 * proves that three class loaders of one JVM can load the native libraries.
 */
class PlatformDeployTest {

    @Test
    @DisplayName("summary, index and query answer on the platform, each in its own class loader")
    void theThreeFunctionsAnswerOnThePlatform(@TempDir Path indexes) {
        DeployDescriptor descriptor = DeployDescriptor.load(Path.of("serverless.yml"));
        String dir = indexes.toString().replace("\\", "\\\\");

        try (Dispatcher dispatcher = Dispatcher.on(new SystemClock())) {
            for (DeclaredFunction f : descriptor.functions()) dispatcher.deploy(f.spec(), f.code());
            InvocationResult summary = dispatcher.invoke(Invocation.of("summary",
                    "{\"text\":\"Cats sleep a lot. Dogs bark at night. Cats and dogs are pets.\","
                            + "\"sentences\":1}"));
            InvocationResult index = dispatcher.invoke(Invocation.of("index", "{\"index\":\"pets\","
                    + "\"directory\":\"" + dir + "\",\"documents\":[{\"id\":\"a\",\"text\":\"A cat"
                    + " sleeps on the sofa.\"},{\"id\":\"b\",\"text\":\"The train leaves at"
                    + " noon.\"}]}"));
            InvocationResult query = dispatcher.invoke(Invocation.of("query", "{\"index\":\"pets\","
                    + "\"directory\":\"" + dir + "\",\"query\":\"a kitten napping\",\"k\":1}"));

            assertThat(summary.status()).as(summary.payloadText()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(summary.payloadText()).contains("\"sentences\":3");
            assertThat(index.status()).as(index.payloadText()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(index.payloadText()).contains("\"documents\":2");
            assertThat(query.status()).as(query.payloadText()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(query.payloadText()).contains("\"id\":\"a\"");
        }
    }

    @Test
    @DisplayName("a bad request on the platform is a function error that says what was wrong")
    void aBadRequestIsAClearFunctionError() {
        DeployDescriptor descriptor = DeployDescriptor.load(Path.of("serverless.yml"));

        try (Dispatcher dispatcher = Dispatcher.on(new SystemClock())) {
            DeclaredFunction summary = descriptor.functions().get(0);
            dispatcher.deploy(summary.spec(), summary.code());
            InvocationResult empty = dispatcher.invoke(Invocation.of("summary", "{\"text\":\"  \"}"));

            assertThat(empty.status()).isEqualTo(InvocationResult.Status.FUNCTION_ERROR);
            assertThat(empty.payloadText()).contains("BadRequestException")
                    .contains("text must have at least one sentence");
        }
    }
}
