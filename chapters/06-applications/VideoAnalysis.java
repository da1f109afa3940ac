///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 06: a video stream fanned out to the image function; instances, cold starts, latency, cost per 1,000 frames
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//DEPS dev.aiworkbook:functions-image:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
// Without a GPU the engines warn on every start that CUDA is missing: show only their errors.
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine=error

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbook.functions.image.data.FashionMnist;
import dev.aiworkbook.functions.image.video.*;
import dev.aiworkbook.runtime.experiment.*;
import dev.aiworkbook.runtime.experiment.StreamFanOutExperiment.*;
import dev.aiworkbook.runtime.function.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;

public class VideoAnalysis {
    static final int FPS = 20, SECONDS = 12;

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: VideoAnalysis.java [FOLDER of PNG/JPEG frames]");
            System.exit(64);
        }
        FrameSource source = args.length == 1 ? ImageFolder.open(Path.of(args[0]))
                : SyntheticCamera.of(FashionMnist.load(Path.of("models/fashion-mnist-cnn/test-set"),
                        FashionMnist.Split.TEST), 160, 120, FPS * SECONDS, FPS, 1, "jpeg");
        System.out.println(run(RegionOfInterest.of(source)));
    }

    static String run(FrameSource source) throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < Math.min(source.frames(), FPS * SECONDS); i++) frames.add(source.frame(i));
        FunctionSpec spec = DeployDescriptor.load(Path.of("functions/image/serverless.yml"))
                .functions().stream().filter(f -> f.name().equals("classify-http")).findFirst()
                .orElseThrow().spec();
        FunctionCode code = FunctionCode.ofPackage(Path.of("functions/image/target/lambda"));
        Settings settings = Settings.of("/fn/classify-http?k=1", "image/jpeg", FPS,
                Duration.ofSeconds(SECONDS));
        AutoscalingSpec kpa = AutoscalingSpec.defaults().withScaler(AutoscalingSpec.Scaler.KPA)
                .withWindows(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofMillis(200));
        StringBuilder out = new StringBuilder(source.describe() + "\n");
        List<Result> runs = new ArrayList<>();
        for (AutoscalingSpec mode : List.of(AutoscalingSpec.defaults(), kpa)) {
            Result r = StreamFanOutExperiment.run(spec.withAutoscaling(mode), code, settings,
                    i -> frames.get(i).bytes());
            runs.add(r);
            out.append(report(mode.scaler().label(), r, frames));
        }
        out.append("chart: ").append(StreamFanOutChart.write("Video frames at " + FPS + " fps,"
                + " classify-http", List.of("lambda", "kpa"), runs, Path.of("target", "video.png")));
        return out.toString();
    }

    static String report(String mode, Result r, List<Frame> frames) throws Exception {
        StringBuilder out = new StringBuilder(String.format("%n== %s mode: %d frames at %d fps,"
                + " %d MB, maxInstances %d ==%n   t(s) due  ok  not  ready  starting  running"
                + "  cold  p50(ms)%n", mode, r.frames().size(), FPS, r.spec().memoryMb(),
                r.spec().maxInstances()));
        for (Interval t : r.timeline(Duration.ofSeconds(1))) {
            out.append(String.format("  %5.0f %4d %3d %4d %6d %9d %8d %5d %8.0f%n",
                    t.fromMillis() / 1000.0, t.due(), t.answered(), t.notAnswered(),
                    t.maxReady(), t.maxStarting(), t.maxRunning(), t.coldStarts(), t.p50Ms()));
        }
        Map<String, Integer> reasons = new TreeMap<>();
        int right = 0;
        ObjectMapper json = new ObjectMapper();
        for (FrameResult f : r.frames()) {
            if (f.outcome() != Outcome.ANSWERED) reasons.merge(f.reason(), 1, Integer::sum);
            else if (frames.get(f.index()).labelName().orElse("?").equals(json.readTree(f.body())
                    .path("predictions").path(0).path("label").asText())) right++;
        }
        Stats p = r.latency();
        out.append(String.format("answered %d, refused %d, dropped %d, failed %d; cold starts %d,"
                + " most instances %d%nlatency p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms"
                + "%naccuracy on the stream %.3f (%d of %d answered)%n", r.count(Outcome.ANSWERED),
                r.count(Outcome.REFUSED), r.count(Outcome.DROPPED), r.count(Outcome.FAILED),
                r.coldStarts(), r.maxInstances(), p.p50(), p.p90(), p.p99(), p.max(),
                (double) right / Math.max(1, p.count()), right, p.count()));
        out.append(String.format("billed %.3f GB-s; per 1,000 frames $%.6f at %d MB"
                + " ($%.6f at 1024 MB, $%.6f at 4096 MB)%n", r.gbSeconds(), r.costPer1000Frames(),
                r.spec().memoryMb(), r.costPer1000FramesAt(1024), r.costPer1000FramesAt(4096)));
        reasons.forEach((why, n) -> out.append(String.format("  %d x %s%n", n, why)));
        return out.toString();
    }
}
