package dev.aiworkbook.runtime.cli;

import dev.aiworkbook.runtime.function.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faas invoke NAME}: calls a function through the gateway's Lambda Invoke API, the
 * same request the AWS SDKs send, and prints the result (chapter 01).
 *
 * <p>The result goes to standard output, everything else (the log, notes, errors) to
 * standard error, so the output can be piped. Exit codes: 0 success, 1 the function failed,
 * 2 the call did not happen (bad usage, refused by the gateway, or the gateway unreachable).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Invokes a function through the gateway's Lambda Invoke API.")
final class InvokeCommand implements Callable<Integer> {

    /** Long enough for the longest function timeout Lambda allows, 900 s, plus a margin. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(960);

    @Parameters(index = "0", paramLabel = "NAME", description = "The function's name.")
    String name;

    @Option(names = "--payload", paramLabel = "JSON|@FILE", defaultValue = "{}",
            description = "The event: JSON text, or @ and a file (default: ${DEFAULT-VALUE}).")
    String payload;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--log", description = "Print the end of the invocation's log to stderr.")
    boolean log;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:3000",
            description = "The gateway (default: ${DEFAULT-VALUE}).")
    String url;

    @Spec
    CommandSpec spec;

    /** How to run it: at most one of the two. */
    static final class Mode {
        @Option(names = "--async", description = "Queue it (Event) and return at once.")
        boolean async;

        @Option(names = "--dry-run", description = "Check that the call is allowed; run nothing.")
        boolean dryRun;
    }

    @Override
    public Integer call() {
        HttpRequest request = request(gatewayUri(), readPayload());
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(e);
        }
        return report(response);
    }

    private HttpRequest request(URI gateway, String body) {
        String path = "/2015-03-31/functions/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "/invocations";
        String type = mode.async ? "Event" : mode.dryRun ? "DryRun" : "RequestResponse";
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (log) builder.header("X-Amz-Log-Type", "Tail");
        return builder.build();
    }

    private int report(HttpResponse<String> response) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = response.statusCode();
        if (status == 202) {
            err.println("faas invoke: accepted; the event runs in the background (request "
                    + requestId(response) + ").");
            return 0;
        }
        if (status == 204) {
            err.println("faas invoke: dry run: function \"" + name + "\" exists and may be"
                    + " invoked; nothing ran.");
            return 0;
        }
        if (status != 200) return refused(response);

        if (log) printLog(response, err);
        out.println(response.body());
        Optional<String> functionError = response.headers().firstValue("X-Amz-Function-Error");
        if (functionError.isPresent()) {
            err.println("faas invoke: function \"" + name + "\" failed (" + functionError.get()
                    + "); its error is above.");
            return 1;
        }
        return 0;
    }

    private int refused(HttpResponse<String> response) {
        String type = response.headers().firstValue("x-amzn-ErrorType").orElse("error");
        String message = response.body();
        try {
            message = Json.mapper().readTree(response.body()).path("message").asText(message);
        } catch (IOException notJson) {
            // keep the body as it came
        }
        spec.commandLine().getErr().println("faas invoke: " + response.statusCode() + " " + type
                + ": " + message);
        return Faas.USAGE;
    }

    private void printLog(HttpResponse<String> response, PrintWriter err) {
        response.headers().firstValue("X-Amz-Log-Result").ifPresent(tail -> err.print(
                new String(Base64.getDecoder().decode(tail), StandardCharsets.UTF_8)));
        err.flush();
    }

    private int unreachable(Exception e) {
        String reason = e instanceof ConnectException ? "connection refused"
                : String.valueOf(e.getMessage());
        spec.commandLine().getErr().println("faas invoke: cannot reach the gateway at " + url
                + " (" + reason + "). Start it with 'faas serve', or pass --url.");
        return Faas.USAGE;
    }

    private URI gatewayUri() {
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new ParameterException(spec.commandLine(), "--url must be an http(s) URL such as"
                + " http://127.0.0.1:3000, was: \"" + url + "\"");
    }

    private String readPayload() {
        if (!payload.startsWith("@")) return payload;
        Path file = Path.of(payload.substring(1));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--payload @FILE must name a"
                    + " readable file, was: \"" + file + "\" (" + e.getMessage() + ")");
        }
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("X-Amzn-RequestId").orElse("unknown");
    }
}
