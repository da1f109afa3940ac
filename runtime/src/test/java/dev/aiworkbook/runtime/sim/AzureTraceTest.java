package dev.aiworkbook.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureTraceTest {

    private static final Path FIXTURE = Path.of("..", "traces", "azure2019-sample");

    @Test
    @DisplayName("the committed sample is exactly what the generator writes for its seed")
    void fixtureIsTheGeneratorsOutput(@TempDir Path dir) throws Exception {
        AzureTraceGenerator.write(dir, 60, 2019);

        for (String name : List.of(AzureTrace.invocationsFile(1), AzureTrace.durationsFile(1),
                AzureTrace.memoryFile(1))) {
            assertThat(Files.readString(FIXTURE.resolve(name))).as(name)
                    .isEqualTo(Files.readString(dir.resolve(name)));
        }
    }

    @Test
    @DisplayName("the three files join per function: counts, duration percentiles, app memory")
    void joinsTheThreeFiles(@TempDir Path dir) throws Exception {
        String owner = "o1";
        StringBuilder minutes = new StringBuilder();
        for (int m = 1; m <= 1440; m++) minutes.append(',').append(m == 2 ? 3 : 0);
        StringBuilder header = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int m = 1; m <= 1440; m++) header.append(',').append(m);
        Files.writeString(dir.resolve(AzureTrace.invocationsFile(1)), header + "\n"
                + owner + ",a1,f1,http" + minutes + "\n"
                + owner + ",a1,f2,timer" + minutes + "\n");
        Files.writeString(dir.resolve(AzureTrace.durationsFile(1)), "HashOwner,HashApp,"
                + "HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,"
                + "percentile_Average_1,percentile_Average_25,percentile_Average_50,"
                + "percentile_Average_75,percentile_Average_99,percentile_Average_100\n"
                + "o1,a1,f1,120.5,3,10,900,10,12,50,100,200,800,900\n");
        Files.writeString(dir.resolve(AzureTrace.memoryFile(1)), "HashOwner,HashApp,"
                + "SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,"
                + "AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,"
                + "AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,"
                + "AverageAllocatedMb_pct100\n"
                + "o1,a1,10,180,100,120,150,170.4,190,220,250,300\n");

        AzureTrace trace = AzureTrace.read(dir);

        assertThat(trace.functions()).hasSize(1);
        assertThat(trace.withoutDurations()).isEqualTo(1);
        AzureTrace.TracedFunction f1 = trace.functions().get(0);
        assertThat(f1.minutes()).containsExactly(1);
        assertThat(f1.counts()).containsExactly(3);
        assertThat(f1.durationMs()).containsExactly(10, 12, 50, 100, 200, 800, 900);
        assertThat(f1.memoryMb()).isEqualTo(171);
        List<SimulatedFunction> simulated = trace.simulated(Duration.ofHours(1), 1,
                DurationDistribution.constant(0), 512, 100);
        assertThat(simulated.get(0).spec().memoryMb()).isEqualTo(171);
    }

    @Test
    @DisplayName("a missing column is named with the file it is missing from")
    void missingColumnIsNamed(@TempDir Path dir) throws Exception {
        AzureTraceGenerator.write(dir, 3, 1);
        Path durations = dir.resolve(AzureTrace.durationsFile(1));
        Files.writeString(durations, Files.readString(durations)
                .replace("percentile_Average_99", "p99"));

        assertThatThrownBy(() -> AzureTrace.read(dir))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(AzureTrace.durationsFile(1))
                .hasMessageContaining("line 1").hasMessageContaining("percentile_Average_99");
    }

    @Test
    @DisplayName("a short line names its line and both column counts")
    void shortLineIsNamed(@TempDir Path dir) throws Exception {
        AzureTraceGenerator.write(dir, 3, 1);
        Path memory = dir.resolve(AzureTrace.memoryFile(1));
        Files.writeString(memory, Files.readString(memory) + "o,a,1\n");

        assertThatThrownBy(() -> AzureTrace.read(dir))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("3 columns")
                .hasMessageContaining("header has 12");
    }

    @Test
    @DisplayName("a folder without the trace says which file it looked for")
    void emptyFolderIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> AzureTrace.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invocations_per_function_md.anon.d01.csv");
    }
}
