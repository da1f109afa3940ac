package dev.aiworkbook.functions.text.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A note beside a model file, {@code NAME.verified}, saying that its sha256 was checked and
 * for which size and modification time (chapter 06).
 *
 * <p>Hashing the two embedding models takes about 0.6 s of a text function's 1.7 s cold start
 * in a JVM just started, where the digest runs before it is compiled. Once a file has passed,
 * the next instance trusts the stamp while the file's size and modification time are those
 * the stamp names, and skips the hash. A file rewritten since (extracted again, copied over,
 * edited) has a new time and is hashed again. What the stamp cannot see is a change that keeps
 * size and time: damage on the disk itself. Anyone who can change the model can change the
 * stamp too, so it is no weaker against tampering than the check it replaces, which was
 * against damage, not attack.
 *
 * <p>Where the folder is read-only (a Lambda layer), no stamp can be written and every cold
 * start hashes, as before.
 */
final class VerifiedStamp {

    private static final String SUFFIX = ".verified";

    private VerifiedStamp() {
    }

    /**
     * @param file a model file
     * @param expected what its manifest says of it
     * @return whether a stamp beside it vouches for this sha256 at its present size and time
     */
    static boolean vouchesFor(Path file, ModelManifest.ModelFile expected) {
        Path stamp = of(file);
        if (!Files.isRegularFile(stamp)) return false;
        try {
            return Files.readAllLines(stamp).equals(lines(file, expected));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the stamp, if the folder allows it; a folder that does not is no error.
     *
     * @param file a model file whose sha256 was just checked
     * @param expected what its manifest says of it
     */
    static void write(Path file, ModelManifest.ModelFile expected) {
        Path stamp = of(file);
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".stamp", ".tmp");
            try {
                Files.write(temporary, lines(file, expected));
                readableByAll(temporary);
                try {
                    Files.move(temporary, stamp, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, stamp, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Read-only: the next cold start hashes again.
        }
    }

    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** @return the stamp's path beside a model file */
    static Path of(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    private static List<String> lines(Path file, ModelManifest.ModelFile expected)
            throws IOException {
        long modified = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        return List.of("sha256 " + expected.sha256(), "bytes " + Files.size(file),
                "modified " + modified);
    }
}
