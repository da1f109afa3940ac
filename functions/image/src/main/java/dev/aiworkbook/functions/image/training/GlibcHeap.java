package dev.aiworkbook.functions.image.training;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks glibc's {@code malloc} to keep freed memory for reuse instead of handing it back to the
 * operating system at once (chapter 05).
 *
 * <p>A training step of {@code FashionCnn} on a batch of 256 allocates about 100 MB of
 * activations and gradients in blocks of up to 13 MB, and frees them all when the step ends.
 * By default glibc returns such freed blocks to the kernel, so the next step faults every page
 * back in, and the kernel zeroes each one: a fifth of the CPU time went to the system, not to
 * libtorch. With the settings here (blocks under 32 MB from the heap, no trimming) the pages
 * stay with the process. On 2 cores, in alternating runs, two epochs took 38.8 and 40.3 s with
 * them against 48.1 and 45.1 s without (single epochs vary from 18 to 28 s), and
 * {@code FashionTrainingBenchmark} gave 0.84× and 0.79× the time of a slice;
 * {@code GlibcHeapTest} counts the page faults.
 *
 * <p>The setting is for the whole process and stays: the process keeps the peak of what it
 * used (a few hundred MB here) instead of shrinking after each step. On AWS Lambda a function
 * has its process to itself; on the workbook's platform all functions share the JVM, so one
 * training function changes it for all of them. Only glibc has {@code mallopt}: on macOS,
 * Windows and musl-based Linux this does nothing and says so. {@code
 * -Dworkbook.malloc.keepFreed=false} leaves malloc as it is anywhere, for a process that must
 * shrink after its peak, or to measure the difference ({@code FashionTrainingBenchmark}).
 */
public final class GlibcHeap {

    /** The system property that, set to {@code false}, leaves malloc as it is. */
    public static final String PROPERTY = "workbook.malloc.keepFreed";
    private static final Logger LOG = LoggerFactory.getLogger(GlibcHeap.class);

    // From glibc's malloc.h.
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    /** glibc's largest allowed threshold for serving a block from the heap, on 64 bits. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TOP_PAD = 64 << 20;

    private static Boolean applied;

    private GlibcHeap() {
    }

    /** The two functions of the C library used here. */
    interface CLibrary extends Library {
        int mallopt(int parameter, int value);

        String gnu_get_libc_version();
    }

    /**
     * Applies the settings the first time; later calls give the first answer. (On the
     * workbook's platform each instance loads this class anew and applies them again, which
     * changes nothing.)
     *
     * @return whether they are in force: false where the C library is not glibc, or the
     *     property turns them off
     */
    public static synchronized boolean keepFreedMemory() {
        if (applied == null) applied = apply();
        return applied;
    }

    private static boolean apply() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            LOG.info("{}=false: malloc left as it is", PROPERTY);
            return false;
        }
        if (!Platform.isLinux()) {
            LOG.debug("not Linux: malloc left as it is");
            return false;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            String version = c.gnu_get_libc_version();
            // & rather than &&: each setting is tried even if one is refused.
            boolean ok = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    & c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE) == 1
                    & c.mallopt(M_TOP_PAD, TOP_PAD) == 1;
            LOG.info("glibc {}: malloc keeps freed memory (mmap threshold 32 MB, no trim): {}",
                    version, ok ? "applied" : "refused");
            return ok;
        } catch (UnsatisfiedLinkError e) {
            LOG.info("the C library is not glibc ({}): malloc left as it is", e.getMessage());
            return false;
        }
    }
}
