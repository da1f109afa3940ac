package dev.aiworkbook.runtime.trigger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a request body up to a limit, so the gateway itself can refuse an oversized payload
 * with Lambda's error instead of letting the server cut the connection (chapter 01).
 */
final class RequestBody {

    /**
     * How much of an oversized body is still read and thrown away, so that a client that
     * sends it all before reading the answer (as java.net.http does) gets the 413, not a reset.
     */
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;

    private RequestBody() {
    }

    /**
     * Reads the whole body, refusing it past {@code limit} bytes.
     *
     * @param in the request's body
     * @param declaredLength the Content-Length header, or -1 if the body is chunked
     * @param limit the most bytes accepted
     * @param what what the limit is for, such as "a synchronous invocation"
     * @return the body
     * @throws GatewayException 413 RequestEntityTooLargeException past the limit
     */
    static byte[] read(InputStream in, long declaredLength, long limit, String what) {
        try {
            if (declaredLength > limit) {
                drain(in);
                throw tooLarge(String.format(Locale.ROOT, "%,d bytes", declaredLength), limit,
                        what);
            }
            int expected = (int) Math.max(0, Math.min(declaredLength, limit));
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(expected, 32));
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() + (long) n > limit) {
                    drain(in);
                    throw tooLarge("more than that", limit, what);
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static GatewayException tooLarge(String size, long limit, String what) {
        String message = String.format(Locale.ROOT, "The payload may be at most %,d bytes for"
                + " %s, was: %s. Send a smaller payload, or store the data elsewhere and pass"
                + " a reference to it.", limit, what, size);
        return new GatewayException(413, "RequestEntityTooLargeException", message, "Payload");
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAIN_BYTES && (n = in.read(sink)) > 0) drained += n;
    }
}
