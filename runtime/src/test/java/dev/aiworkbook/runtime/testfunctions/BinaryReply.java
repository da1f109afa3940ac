package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Base64;
import java.util.Map;

/**
 * Answers with a base64 body the way a hand-written map or a Jackson bean names the flag:
 * {@code base64Encoded}, not AWS's {@code isBase64Encoded}; the event says which to use.
 */
public class BinaryReply implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String flag = String.valueOf(event.getOrDefault("rawQueryString", ""))
                .contains("aws") ? "isBase64Encoded" : "base64Encoded";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};
        return Map.of("statusCode", 200, "headers", Map.of("content-type", "image/png"),
                "body", Base64.getEncoder().encodeToString(png), flag, true);
    }
}
