package dev.aiworkbook.runtime.trigger;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.FunctionError;
import dev.aiworkbook.runtime.function.Json;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's HTTP front door (chapter 01): the AWS Lambda API, so the official SDKs and
 * CLI can list and invoke functions, and an API-Gateway-style route that turns any request to
 * {@code /fn/{name}} into a payload format 2.0 event.
 *
 * <p>Routes:
 * <ul>
 *   <li>{@code GET /2015-03-31/functions} (ListFunctions, with {@code MaxItems} and
 *       {@code Marker});
 *   <li>{@code POST /2015-03-31/functions/{name}/invocations} (Invoke): the
 *       {@code X-Amz-Invocation-Type} header picks RequestResponse (200), Event (202) or DryRun
 *       (204); {@code X-Amz-Log-Type: Tail} returns the end of the log in
 *       {@code X-Amz-Log-Result}; a failed or timed-out invocation is a 200 with
 *       {@code X-Amz-Function-Error: Unhandled};
 *   <li>any method on {@code /fn/{name}} and {@code /fn/{name}/...}.
 * </ul>
 *
 * <p>A qualifier, {@code ?Qualifier=} or {@code name:qualifier}, is checked: this platform
 * keeps only the current deployment of each function, so {@code $LATEST} and that
 * deployment's version number are accepted and anything else is a 404. The name may also be
 * a function ARN.
 *
 * <p>Bad input is answered with a JSON body of {@code errorType}, {@code message},
 * {@code field} and {@code docs}, and the {@code x-amzn-ErrorType} header the SDKs read:
 * 400 for a malformed payload or header, 404 for an unknown function, 413 past the payload
 * limits, 429 with {@code Retry-After} over a scaling limit (maxInstances, the burst limit,
 * the account's concurrency, a full activator), 503 with {@code Retry-After} when an
 * invocation waited its whole activator timeout (chapter 03).
 *
 * <p>Known limitation: requests are not authenticated. The SigV4 signature the SDKs send is
 * accepted without being checked, so bind the gateway to loopback (the default) only.
 */
public final class HttpGateway implements AutoCloseable {

    /** The loopback address the gateway binds to unless told otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Lambda's limit on a synchronous request or response payload: 6 MB. */
    public static final int SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    /**
     * Lambda's limit on an asynchronous (Event) payload: 1 MB, as the Invoke API reference
     * states since the limit was raised from 256 KB in 2025.
     */
    public static final int ASYNC_PAYLOAD_LIMIT = 1024 * 1024;
    /** Where the gateway is explained; error bodies point here. */
    static final String DOCS = "chapters/01-background/README.md#the-http-trigger";
    /** Where throttling and the activator are explained; 429 and 503 bodies point here. */
    static final String SCALING_DOCS = "chapters/03-algorithm-steps/README.md#limits-and-refusals";

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    private static final List<HandlerType> ANY_METHOD = List.of(HandlerType.GET,
            HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
            HandlerType.HEAD, HandlerType.OPTIONS);

    private final Javalin app;
    private final String host;

    private HttpGateway(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts a gateway in front of a dispatcher.
     *
     * @param dispatcher the platform whose functions it serves
     * @param host the address to bind, such as {@link #DEFAULT_HOST}
     * @param port the port, or 0 for any free port
     * @return the running gateway
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws IllegalStateException if the server cannot bind
     */
    public static HttpGateway start(Dispatcher dispatcher, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was: " + port);
        }
        LambdaApi lambda = new LambdaApi(dispatcher);
        ApiGatewayRoute http = new ApiGatewayRoute(dispatcher);
        Javalin app = Javalin.create(cfg -> configure(cfg, lambda, http));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + "; choose another --port, or 0 for any free one", e);
        }
        return new HttpGateway(app, host);
    }

    /**
     * Starts a gateway on loopback.
     *
     * @param dispatcher the platform whose functions it serves
     * @param port the port, or 0 for any free port
     * @return the running gateway
     */
    public static HttpGateway start(Dispatcher dispatcher, int port) {
        return start(dispatcher, DEFAULT_HOST, port);
    }

    /** @return the port the gateway listens on */
    public int port() {
        return app.port();
    }

    /** @return the base URL, such as {@code http://127.0.0.1:3000} */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        if (host.equals("0.0.0.0")) shown = "127.0.0.1";
        return "http://" + shown + ":" + port();
    }

    /** Stops listening; the dispatcher and its functions are left running. */
    @Override
    public void close() {
        app.stop();
    }

    private static void configure(JavalinConfig cfg, LambdaApi lambda, ApiGatewayRoute http) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        // The gateway reads bodies itself and answers 413 with Lambda's error; Javalin's own
        // limit (1 MB by default) sits above every limit the gateway checks.
        cfg.http.maxRequestSize = 2L * SYNC_PAYLOAD_LIMIT;
        // The request log costs a few percent of throughput, so it exists only when asked for.
        if (LOG.isDebugEnabled()) {
            cfg.requestLogger.http((ctx, ms) -> LOG.debug("{} {} -> {} in {} ms", ctx.method(),
                    ctx.path(), ctx.statusCode(), String.format(Locale.ROOT, "%.1f", ms)));
        }

        cfg.routes.get("/2015-03-31/functions", lambda::listFunctions);
        cfg.routes.post("/2015-03-31/functions/{name}/invocations", lambda::invoke);
        for (HandlerType method : ANY_METHOD) {
            cfg.routes.addHttpHandler(method, ApiGatewayRoute.ROUTE, http::handle);
            cfg.routes.addHttpHandler(method, ApiGatewayRoute.PROXY_ROUTE, http::handle);
        }

        cfg.routes.exception(GatewayException.class, HttpGateway::writeError);
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(
                new GatewayException(e.getStatus(), errorType(e.getStatus()), e.getMessage()
                        + ". " + routesHint(), null), ctx));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed inside the gateway", ctx.method(), ctx.path(), e);
            writeError(new GatewayException(500, "ServiceException", "The gateway failed: "
                    + e + ". This is a bug of the platform, not of the function.", null), ctx);
        });
    }

    private static void writeError(GatewayException e, Context ctx) {
        ctx.status(e.status());
        ctx.header("x-amzn-ErrorType", e.body().errorType());
        e.headers().forEach(ctx::header);
        json(ctx, e.status(), e.body());
    }

    private static String errorType(int status) {
        return switch (status) {
            case 404 -> "UnknownOperationException";
            case 405 -> "MethodNotAllowedException";
            case 413 -> "RequestEntityTooLargeException";
            default -> "InvalidRequestException";
        };
    }

    private static String routesHint() {
        return "The gateway serves GET /2015-03-31/functions, POST"
                + " /2015-03-31/functions/{name}/invocations, and any method on /fn/{name}"
                + " and the paths below it.";
    }

    /** Writes a JSON body with the given status. */
    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json")
                    .result(Json.mapper().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a response as JSON", e);
        }
    }

    /** @return Lambda's error body for a result over the synchronous limit */
    static byte[] responseTooLarge(int size) {
        FunctionError error = new FunctionError(String.format(Locale.ROOT, "Response payload"
                + " size (%,d bytes) exceeded maximum allowed payload size (%,d bytes).", size,
                SYNC_PAYLOAD_LIMIT), "Function.ResponseSizeTooLarge", List.of());
        return error.toJson();
    }
}
