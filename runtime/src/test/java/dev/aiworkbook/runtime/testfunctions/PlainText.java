package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler whose result is plain text, not JSON. */
public class PlainText implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context)
            throws java.io.IOException {
        out.write("this is not JSON".getBytes(StandardCharsets.UTF_8));
    }
}
