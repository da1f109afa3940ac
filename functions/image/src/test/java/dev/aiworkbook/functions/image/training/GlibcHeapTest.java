package dev.aiworkbook.functions.image.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.Platform;
import dev.aiworkbook.functions.image.model.PyTorchEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The malloc settings, judged by the page faults of a training step's allocation pattern. */
class GlibcHeapTest {

    /** 256 × 16 × 28 × 28 floats: the first convolution's output for a batch of 256. */
    private static final Shape BLOCK = new Shape(256, 16, 28, 28);
    private static final int BLOCKS_PER_STEP = 16;
    private static final int STEPS = 20;
    private static final long PAGES_PER_BLOCK = BLOCK.size() * Float.BYTES / 4096;

    @Test
    @DisplayName("with the settings, a step's freed blocks are reused without faulting pages in")
    void freedBlocksStayWithTheProcess() throws IOException {
        assumeTrue(Platform.isLinux() && Files.exists(Path.of("/proc/self/stat")),
                "page faults are read from Linux's /proc");
        PyTorchEngine.start();
        assumeTrue(GlibcHeap.keepFreedMemory(), "the C library is glibc");

        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            step(manager); // the first step takes its pages from the kernel in any case
            long before = minorFaults();
            for (int i = 0; i < STEPS; i++) step(manager);
            long faults = minorFaults() - before;

            // Faulting every block in again each step would be 20 × 16 × 3,136 pages, about a
            // million. Measured on one machine: 166,000 and 185,000 faults without the settings,
            // 25,000 and 28,500 with them, about as many as with two blocks a step: the JVM's.
            long everyPageAgain = STEPS * BLOCKS_PER_STEP * PAGES_PER_BLOCK;
            assertThat(faults).as("page faults over %d steps", STEPS)
                    .isLessThan(everyPageAgain / 20);
        }
    }

    @Test
    @DisplayName("asking twice is harmless: the settings are applied once")
    void appliedOnce() {
        assertThat(GlibcHeap.keepFreedMemory()).isEqualTo(GlibcHeap.keepFreedMemory());
    }

    /** Allocates a step's blocks, writes every page, and frees them all. */
    private static void step(NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> blocks = new ArrayList<>();
            for (int i = 0; i < BLOCKS_PER_STEP; i++) blocks.add(scratch.ones(BLOCK));
            assertThat(blocks.get(BLOCKS_PER_STEP - 1).getFloat(255, 15, 27, 27)).isEqualTo(1f);
        }
    }

    /** The tenth field of /proc/self/stat after the command's closing parenthesis. */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
