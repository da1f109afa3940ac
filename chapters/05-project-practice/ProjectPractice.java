///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 05: train the Fashion-MNIST CNN in slices, deploy it, classify over HTTP
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//DEPS dev.aiworkbook:functions-image:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
// Without a GPU the engine warns on every start that CUDA is missing: show only its errors.
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error

import ai.djl.util.JsonUtils;
import dev.aiworkbook.functions.image.data.*;
import dev.aiworkbook.functions.image.handler.*;
import dev.aiworkbook.functions.image.model.*;
import dev.aiworkbook.functions.image.training.TrainingRecipe;
import dev.aiworkbook.runtime.billing.*;
import dev.aiworkbook.runtime.dispatch.*;
import dev.aiworkbook.runtime.function.*;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.math.*;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

public class ProjectPractice {
    static final Path MODEL = Path.of("models/fashion-mnist-cnn");

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && !args[0].equals("--full"))) {
            System.err.println("usage: ProjectPractice.java [--full]");
            System.exit(64);
        }
        FashionMnist test = FashionMnist.load(MODEL.resolve("test-set"), FashionMnist.Split.TEST);
        ColdStart cold = ColdStart.measure(MODEL, test.inputs(0, 1)[0]);
        System.out.printf("Cold start in this JVM: engine init %d ms, model load %d ms, first"
                + " inference %d ms%n", cold.engineInit().toMillis(),
                cold.modelLoad().toMillis(), cold.firstInference().toMillis());
        Path data = Path.of(System.getenv().getOrDefault("FASHION_MNIST_DIR",
                TrainFashionMnist.DEBIAN_DATA));
        try (Dispatcher platform = Dispatcher.on(new SystemClock())) {
            if (Files.exists(data.resolve("train-images-idx3-ubyte.gz"))) {
                train(platform, data, args.length == 1);
            } else {
                System.out.println("No training set in " + data + ": training skipped"
                        + " (apt-get install dataset-fashion-mnist, or set FASHION_MNIST_DIR).");
            }
            classify(platform, test);
        }
        try (FashionClassifier model = FashionClassifier.load(MODEL)) {
            System.out.printf("Committed model: test accuracy %.4f; prediction (median of 50)"
                    + " %.2f ms for 1 image, %.2f ms for 32%n", model.accuracy(test),
                    Latency.median(model, test.inputs(0, 1), 50).toNanos() / 1e6,
                    Latency.median(model, test.inputs(0, 32), 50).toNanos() / 1e6);
        }
    }

    static void train(Dispatcher platform, Path data, boolean full) {
        platform.deploy(FunctionSpec.of("train", TrainFashionMnist.class.getName())
                .withMemoryMb(2048).withTimeout(Duration.ofSeconds(60)),
                FunctionCode.ofClasspath(TrainFashionMnist.class));
        String event = "{\"checkpointDir\":\"target/chapter05-checkpoints\",\"dataDir\":\""
                + data + "\",\"sliceBatches\":50,\"progress\":true"
                + (full ? "" : ",\"maxSlices\":1") + "}";
        Map<?, ?> answer;
        do {
            String reply = platform.invoke(Invocation.of("train", event)).payloadText();
            answer = JsonUtils.GSON.fromJson(reply, Map.class);
            System.out.println("train -> " + answer.get(answer.containsKey("message")
                    ? "message" : "errorMessage"));
        } while (full && Boolean.FALSE.equals(answer.get("done")));
        if (answer.get("history") instanceof List<?> epochs) epochs.forEach(e -> System.out.println(
                "  epoch " + e.toString().replaceAll("[{}]", "")));
        int perEpoch = TrainingRecipe.DEFAULT.batchesPerEpoch(60_000);
        if (answer.get("position") instanceof Map<?, ?> at) System.out.printf("  %.0f steps"
                + " in %.1f s of training: %.0f s an epoch of %d steps%n", at.get("step"),
                answer.get("trainingSeconds"), (Double) answer.get("trainingSeconds")
                / (Double) at.get("step") * perEpoch, perEpoch);
    }

    static void classify(Dispatcher platform, FashionMnist test) throws Exception {
        platform.deploy(FunctionSpec.of("classify-http", ClassifyHttp.class.getName())
                .withMemoryMb(1024).withTimeout(Duration.ofSeconds(10)),
                FunctionCode.ofClasspath(ClassifyHttp.class));
        List<InvocationRecord> records = Collections.synchronizedList(new ArrayList<>());
        platform.addListener(records::add);
        HttpClient http = HttpClient.newHttpClient();
        try (HttpGateway gateway = HttpGateway.start(platform, 0)) {
            for (int i = 0; i < 105; i++) {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(
                        gateway.url() + "/fn/classify-http?k=2")).POST(HttpRequest
                        .BodyPublishers.ofByteArray(Photos.png(test, i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                InvocationRecord r = records.get(records.size() - 1);
                if (i < 5) System.out.printf("image %d (%s): %d %s, %s%n", i,
                        FashionMnist.LABELS.get(test.label(i)), reply.statusCode(),
                        reply.body().replaceAll(".*\"predictions\":(\\[.*?]).*", "$1")
                        .replaceAll("\"index\":\\d+,|\"(label|probability)\":", ""),
                        r.coldStart() ? "cold start, init " + r.initDuration().toMillis()
                        + " ms" : "warm, " + r.billedDuration().toMillis() + " ms billed");
            }
        }
        Meter meter = new Meter();
        List<InvocationRecord> warm = records.subList(5, records.size());
        warm.forEach(r -> meter.record(BillingRecord.warm(r.function(), r.memoryMb(), r.duration())));
        BigDecimal total = meter.invoice(PriceCatalog.load("aws-lambda-x86"), false).exactTotal();
        System.out.printf("%d more warm calls: %.1f ms billed on average; 1,000 predictions"
                + " cost $%s on aws-lambda-x86 at 1024 MB (no free tier)%n", warm.size(),
                warm.stream().mapToLong(r -> r.billedDuration().toMillis()).average().orElse(0),
                total.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(warm.size()),
                6, RoundingMode.HALF_UP).toPlainString());
    }
}
