package dev.aiworkbook.runtime.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The {@code X-Amz-Log-Result} header: the log's last 4 KB in base64 (chapter 01). */
final class LogTail {

    /** Lambda returns at most the last 4 KB of the log. */
    static final int MAX_BYTES = 4 * 1024;

    private LogTail() {
    }

    /**
     * Encodes the end of a log.
     *
     * @param log the invocation's log text
     * @return base64 of its last {@link #MAX_BYTES} bytes, starting on a whole character
     */
    static String of(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - MAX_BYTES);
        // A UTF-8 continuation byte is 10xxxxxx: skip them so the text decodes cleanly.
        while (from < bytes.length && from > 0 && (bytes[from] & 0xC0) == 0x80) from++;
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }
}
