package dev.aiworkbook.functions.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Returns its event unchanged (chapter 01): a stream handler, the rawest of the Lambda
 * interfaces, handy for seeing exactly what a trigger sends.
 */
public class Echo implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context)
            throws IOException {
        in.transferTo(out);
    }
}
