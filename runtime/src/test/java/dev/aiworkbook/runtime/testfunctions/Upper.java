package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler: upper-cases its bytes; also a plain method handler, {@code ::shout}. */
public class Upper implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context)
            throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        out.write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
    }

    public String shout(String word) {
        return word.toUpperCase() + "!";
    }
}
