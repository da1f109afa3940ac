package dev.aiworkbook.functions.image.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One file in the IDX format of MNIST and Fashion-MNIST (chapter 05), gzipped or not.
 *
 * <p>The layout: two zero bytes, a type byte ({@code 0x08} for unsigned bytes, the only type
 * these datasets use), a byte giving the number of dimensions, one big-endian 32-bit size per
 * dimension, then the data in row-major order. Images are 3-dimensional (count, rows,
 * columns), labels 1-dimensional (count).
 *
 * @param file where it was read from, for messages
 * @param dimensions the size of each dimension
 * @param data the unsigned bytes, row-major
 */
public record IdxFile(Path file, int[] dimensions, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_ITEMS = 100_000_000;

    /**
     * Reads a whole IDX file; a name ending in {@code .gz} is unzipped on the way.
     *
     * @param file the file
     * @return its dimensions and bytes
     * @throws IOException naming the file and the byte offset where it stopped making sense
     */
    public static IdxFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such IDX file");
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz")
                        ? new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)
                        : new BufferedInputStream(raw, 1 << 16)) {
            return read(file, new DataInputStream(in));
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a valid gzip file (" + e.getMessage()
                    + "); the IDX files of Fashion-MNIST are *-ubyte.gz", e);
        }
    }

    private static IdxFile read(Path file, DataInputStream in) throws IOException {
        int zero = in.readUnsignedShort();
        int type = in.readUnsignedByte();
        int rank = in.readUnsignedByte();
        if (zero != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 3) {
            throw new IOException(String.format("%s at offset 0: not an IDX file of unsigned"
                    + " bytes; the magic number must be 0x0000080N with N = 1..3, was: 0x%04x%02x%02x",
                    file, zero, type, rank));
        }
        int[] dimensions = new int[rank];
        long items = 1;
        for (int i = 0; i < rank; i++) {
            dimensions[i] = in.readInt();
            if (dimensions[i] <= 0) {
                throw new IOException(file + " at offset " + (4 + 4 * i) + ": dimension " + i
                        + " must be positive, was: " + dimensions[i]);
            }
            items *= dimensions[i];
        }
        if (items > MAX_ITEMS) {
            throw new IOException(file + " at offset 4: the header announces " + items
                    + " bytes of data, more than the " + MAX_ITEMS + " this reader accepts");
        }
        byte[] data = new byte[(int) items];
        int offset = 4 + 4 * rank;
        try {
            in.readFully(data);
        } catch (EOFException e) {
            throw new IOException(file + ": ends early; the header at offset 4 announces "
                    + items + " bytes of data after offset " + offset
                    + ", but fewer are there (is the download or copy complete?)", e);
        }
        return new IdxFile(file, dimensions, data);
    }

    /** @return the number of items: the first dimension */
    public int count() {
        return dimensions[0];
    }
}
