///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 05: train the Fashion-MNIST CNN in slices, deploy it, classify over HTTP
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//DEPS dev.aiworkbook:functions-image:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.handler.ClassifyHttp;
import dev.aiworkbook.functions.image.handler.TrainFashionMnist;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.Invocation;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.time.Duration;
import javax.imageio.ImageIO;

public class ProjectPractice {

    public static void main(String[] args) throws Exception {
        boolean full = args.length > 0 && args[0].equals("--full");
        Path data = Path.of(System.getenv().getOrDefault("FASHION_MNIST_DIR",
                TrainFashionMnist.DEBIAN_DATA));
        Path testSet = Path.of("models/fashion-mnist-cnn/test-set");
        try (Dispatcher platform = Dispatcher.on(new SystemClock())) {
            if (Files.exists(data.resolve("train-images-idx3-ubyte.gz"))) train(platform, data, full);
            else System.out.println("No training set in " + data + ": skipping the slice"
                    + " (apt-get install dataset-fashion-mnist, or set FASHION_MNIST_DIR).");
            classify(platform, FashionMnist.load(testSet, FashionMnist.Split.TEST));
        }
    }

    static void train(Dispatcher platform, Path data, boolean full) {
        platform.deploy(FunctionSpec.of("train", TrainFashionMnist.class.getName())
                .withMemoryMb(2048).withTimeout(Duration.ofSeconds(60)),
                FunctionCode.ofClasspath(TrainFashionMnist.class));
        Path checkpoints = Path.of("target/chapter05-checkpoints");
        String event = "{\"checkpointDir\":\"" + checkpoints + "\",\"dataDir\":\"" + data
                + "\",\"sliceBatches\":50" + (full ? "" : ",\"maxSlices\":1") + "}";
        String answer;
        do {
            answer = platform.invoke(Invocation.of("train", event)).payloadText();
            System.out.println("train -> " + answer.replaceAll("\"history\":\\[.*?\\],?", ""));
        } while (full && answer.contains("\"done\":false"));
    }

    static void classify(Dispatcher platform, FashionMnist test) throws Exception {
        platform.deploy(FunctionSpec.of("classify-http", ClassifyHttp.class.getName())
                .withMemoryMb(1024).withTimeout(Duration.ofSeconds(10)),
                FunctionCode.ofClasspath(ClassifyHttp.class));
        HttpClient http = HttpClient.newHttpClient();
        try (HttpGateway gateway = HttpGateway.start(platform, 0)) {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(
                        gateway.url() + "/fn/classify-http?k=3")).POST(HttpRequest
                        .BodyPublishers.ofByteArray(photo(test, i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.printf("image %d (%s): %d in %.1f ms %s%n", i,
                        FashionMnist.LABELS.get(test.label(i)), reply.statusCode(),
                        (System.nanoTime() - started) / 1e6, reply.body());
            }
        }
    }

    /** A test image as a photo would be: 4x larger, dark garment on white, PNG. */
    static byte[] photo(FashionMnist test, int index) throws Exception {
        int[] pixels = test.pixels(index);
        BufferedImage image = new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                int gray = 255 - pixels[(y / 4) * 28 + x / 4];
                image.setRGB(x, y, gray * 0x010101);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
