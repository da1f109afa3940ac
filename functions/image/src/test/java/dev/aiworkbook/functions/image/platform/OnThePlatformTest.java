package dev.aiworkbook.functions.image.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import dev.aiworkbook.functions.image.Pictures;
import dev.aiworkbook.functions.image.TestData;
import dev.aiworkbook.functions.image.handler.ClassifyHttp;
import dev.aiworkbook.functions.image.handler.TrainFashionMnist;
import dev.aiworkbook.functions.image.training.Checkpoint;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.dispatch.InvocationResult;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment package target/lambda on the real platform: each instance loads DJL, libtorch
 * and the model in a class loader of its own.
 */
class OnThePlatformTest {

    private final Dispatcher platform = Dispatcher.on(new SystemClock());

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    @DisplayName("the package deploys and answers a PNG over HTTP with the right garment")
    void classifiesOverHttp() throws Exception {
        platform.deploy(spec(), FunctionCode.ofPackage(TestData.PACKAGE));
        byte[] png = Pictures.encode(Pictures.of(0, 4, true), "png");

        try (HttpGateway gateway = HttpGateway.start(platform, 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(gateway.url() + "/fn/classify-http?k=2"))
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject body = JsonUtils.GSON.fromJson(response.body(), JsonObject.class);
            assertThat(body.getAsJsonArray("predictions").get(0).getAsJsonObject()
                    .get("label").getAsString()).isEqualTo("Ankle boot");
        }
    }

    @Test
    @DisplayName("two instances at once, then a redeploy: each class loader gets libtorch")
    void manyClassLoadersLoadLibtorch() throws Exception {
        platform.deploy(spec().withMaxConcurrency(1), FunctionCode.ofPackage(TestData.PACKAGE));
        String event = httpEvent(Pictures.encode(Pictures.of(0, 2, true), "png"));

        CompletableFuture<InvocationResult> first = CompletableFuture.supplyAsync(() ->
                platform.invoke(Invocation.of("classify-http", event)));
        InvocationResult second = platform.invoke(Invocation.of("classify-http", event));
        platform.undeploy("classify-http");
        platform.deploy(spec(), FunctionCode.ofPackage(TestData.PACKAGE));
        InvocationResult afterRedeploy = platform.invoke(Invocation.of("classify-http", event));

        for (InvocationResult result : new InvocationResult[] {first.get(), second,
                afterRedeploy}) {
            assertThat(result.payloadText()).contains("\"statusCode\":200")
                    .contains("Ankle boot");
        }
    }

    @Test
    @DisplayName("training stopped at its deadline loses one slice; the next call resumes")
    void trainingSurvivesATimeout(@TempDir Path folder) throws Exception {
        Path data = TestData.testSetAsTrainingSet(Files.createDirectory(folder.resolve("data")));
        Path checkpoints = folder.resolve("checkpoints");
        FunctionSpec train = FunctionSpec.of("train", TrainFashionMnist.class.getName())
                .withMemoryMb(2048).withTimeout(Duration.ofSeconds(60));
        platform.deploy(train, FunctionCode.ofPackage(TestData.PACKAGE));
        // The same code with a 4 s timeout, on the same checkpoint folder.
        platform.deploy(FunctionSpec.of("train-short", train.handler()).withMemoryMb(2048)
                .withTimeout(Duration.ofSeconds(4)), FunctionCode.ofPackage(TestData.PACKAGE));
        String small = trainEvent(checkpoints, data, 3);

        InvocationResult first = platform.invoke(Invocation.of("train", small));
        assertThat(first.status()).as(first.payloadText())
                .isEqualTo(InvocationResult.Status.SUCCESS);
        byte[] saved = Files.readAllBytes(checkpoints.resolve(Checkpoint.FILE));
        // 79 batches take longer than the 4 s the function has (2 s are kept for saving): it is stopped midway.
        InvocationResult killed = platform.invoke(Invocation.of("train-short",
                trainEvent(checkpoints, data, 79)));
        Thread.sleep(500);
        byte[] afterKill = Files.readAllBytes(checkpoints.resolve(Checkpoint.FILE));
        InvocationResult resumed = platform.invoke(Invocation.of("train", small));

        assertThat(first.payloadText()).as(first.payloadText()).contains("\"done\":false");
        assertThat(killed.status()).isEqualTo(InvocationResult.Status.TIMED_OUT);
        assertThat(afterKill).as("the checkpoint is untouched by the stopped slice")
                .isEqualTo(saved);
        JsonObject answer = JsonUtils.GSON.fromJson(resumed.payloadText(), JsonObject.class);
        assertThat(answer.getAsJsonObject("resumedFrom").get("batch").getAsInt()).isEqualTo(3);
        assertThat(answer.getAsJsonObject("position").get("batch").getAsInt()).isEqualTo(6);
    }

    private static FunctionSpec spec() {
        return FunctionSpec.of("classify-http", ClassifyHttp.class.getName())
                .withMemoryMb(1024).withTimeout(Duration.ofSeconds(10));
    }

    private static String httpEvent(byte[] png) {
        return "{\"version\":\"2.0\",\"rawPath\":\"/fn/classify-http\",\"isBase64Encoded\":true,"
                + "\"body\":\"" + java.util.Base64.getEncoder().encodeToString(png) + "\"}";
    }

    private static String trainEvent(Path checkpoints, Path data, int sliceBatches) {
        return "{\"checkpointDir\":\"" + checkpoints + "\",\"dataDir\":\"" + data
                + "\",\"sliceBatches\":" + sliceBatches + ",\"maxSlices\":1}";
    }
}
