package dev.aiworkbook.functions.text.search;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Opens Lucene's one writer of an index, waiting a little while another holds it (chapter
 * 06). Lucene allows one {@link IndexWriter} per index, guarded by the file {@code write.lock}:
 * two index-function instances that write at once take turns, since each holds the writer
 * only for one invocation.
 */
final class IndexWriterLock {

    private static final Duration POLL = Duration.ofMillis(25);

    private IndexWriterLock() {
    }

    /**
     * @param directory the index's directory
     * @param config makes the writer's configuration, a new one per try (Lucene refuses reuse)
     * @param patience how long to wait for the other writer
     * @return the writer, holding the lock until closed
     * @throws IndexBusyException if the lock stayed taken for all of {@code patience}
     */
    static IndexWriter open(Directory directory, Supplier<IndexWriterConfig> config,
            Duration patience,
            String name) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return new IndexWriter(directory, config.get());
            } catch (LockObtainFailedException taken) {
                if (System.nanoTime() > deadline) throw new IndexBusyException(name, patience);
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index writer", e);
        }
    }

    /** Another writer held the index for longer than the wait allowed. */
    static final class IndexBusyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        IndexBusyException(String name, Duration patience) {
            super("index \"" + name + "\" is being written by another instance and stayed locked"
                    + " for " + patience.toMillis() + " ms; nothing was written: retry");
        }
    }
}
