package dev.aiworkbook.runtime.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.dispatch.InvocationRecord;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.Json;
import dev.aiworkbook.runtime.testfunctions.Await;
import dev.aiworkbook.runtime.testfunctions.BinaryReply;
import dev.aiworkbook.runtime.testfunctions.Failing;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.HttpEcho;
import dev.aiworkbook.runtime.testfunctions.Motto;
import dev.aiworkbook.runtime.testfunctions.PlainText;
import dev.aiworkbook.runtime.testfunctions.Sleeper;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpGatewayRouteTest {

    private final Dispatcher platform = Dispatcher.on(VirtualClock.atEpoch());
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<InvocationRecord> records = new CopyOnWriteArrayList<>();
    private HttpGateway gateway;

    @BeforeEach
    void start() {
        deploy("echo", HttpEcho.class);
        platform.addListener(records::add);
        gateway = HttpGateway.start(platform, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        gateway.close();
        platform.close();
    }

    @Test
    @DisplayName("a standard APIGatewayV2HTTPEvent handler's response becomes the HTTP response")
    void standardHandlerResponse() throws Exception {
        HttpResponse<String> response = send(request("/fn/echo").GET());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Echo")).hasValue("yes");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().allValues("Set-Cookie"))
                .containsExactly("session=abc; Path=/", "theme=dark");
        assertThat(json(response).get("version").asText()).isEqualTo("2.0");
    }

    @Test
    @DisplayName("the event carries path, query, headers, cookies and context by AWS's names")
    void eventFields() throws Exception {
        HttpResponse<String> response = send(request("/fn/echo/orders/42?sort=asc&tag=a&tag=b")
                .header("X-Trace", "t1").header("Cookie", "a=1; b=2")
                .header("User-Agent", "route-test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\"}")));

        JsonNode seen = json(response);
        assertThat(seen.get("routeKey").asText()).isEqualTo("ANY /fn/{name}/{proxy+}");
        assertThat(seen.get("rawPath").asText()).isEqualTo("/fn/echo/orders/42");
        assertThat(seen.get("rawQueryString").asText()).isEqualTo("sort=asc&tag=a&tag=b");
        assertThat(seen.get("queryStringParameters").get("tag").asText()).isEqualTo("a,b");
        assertThat(seen.get("pathParameters").get("name").asText()).isEqualTo("echo");
        assertThat(seen.get("pathParameters").get("proxy").asText()).isEqualTo("orders/42");
        assertThat(seen.get("headers").get("x-trace").asText()).isEqualTo("t1");
        assertThat(seen.get("headers").has("cookie")).as("cookies travel apart").isFalse();
        assertThat(seen.get("cookies")).extracting(JsonNode::asText).containsExactly("a=1", "b=2");
        assertThat(seen.get("body").asText()).isEqualTo("{\"item\":\"tea\"}");
        assertThat(seen.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(seen.get("method").asText()).isEqualTo("POST");
        assertThat(seen.get("path").asText()).isEqualTo("/fn/echo/orders/42");
        assertThat(seen.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(seen.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(seen.get("userAgent").asText()).isEqualTo("route-test");
    }

    @Test
    @DisplayName("the request id is the invocation's id, and time comes from the platform clock")
    void requestIdAndTime() throws Exception {
        HttpResponse<String> response = send(request("/fn/echo").GET());

        JsonNode seen = json(response);
        assertThat(seen.get("requestId").asText()).isEqualTo(seen.get("awsRequestId").asText())
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(seen.get("timeEpoch").asLong()).isZero();
        assertThat(seen.get("time").asText()).isEqualTo("01/Jan/1970:00:00:00 +0000");
        assertThat(records).extracting(InvocationRecord::trigger).containsExactly("http");
    }

    @Test
    @DisplayName("a binary body arrives base64-encoded with isBase64Encoded true")
    void binaryBody() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};

        HttpResponse<String> response = send(request("/fn/echo")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)));

        JsonNode seen = json(response);
        assertThat(seen.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(seen.get("body").asText())).isEqualTo(png);
    }

    @Test
    @DisplayName("a base64 response body is decoded, whichever way the flag is spelled")
    void base64ResponseBothSpellings() throws Exception {
        deploy("binary", BinaryReply.class);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};

        HttpResponse<byte[]> jackson = sendBytes(request("/fn/binary").GET());
        HttpResponse<byte[]> aws = sendBytes(request("/fn/binary?aws").GET());

        assertThat(jackson.body()).isEqualTo(png);
        assertThat(aws.body()).isEqualTo(png);
        assertThat(aws.headers().firstValue("content-type")).hasValue("image/png");
    }

    @Test
    @DisplayName("any other JSON result is a 200 application/json with that JSON as the body")
    void plainJsonResult() throws Exception {
        deploy("greeter", Greeter.class);

        HttpResponse<String> response = send(request("/fn/greeter").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("message").asText()).isEqualTo("Hello, null!");
    }

    @Test
    @DisplayName("a JSON string result gives its text as the body")
    void stringResult() throws Exception {
        deploy("motto", Motto.class);

        HttpResponse<String> response = send(request("/fn/motto").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Keep functions small.");
    }

    @Test
    @DisplayName("a result that is not JSON is a 502, as API Gateway answers a malformed one")
    void nonJsonResult() throws Exception {
        deploy("plain", PlainText.class);

        HttpResponse<String> response = send(request("/fn/plain").GET());

        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    @DisplayName("a function error is a 502 Internal Server Error, and still reported")
    void functionErrorIs502() throws Exception {
        deploy("failing", Failing.class);

        HttpResponse<String> response = send(request("/fn/failing").DELETE());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).function()).isEqualTo("failing");
    }

    @Test
    @DisplayName("an unknown function is a 404 that names the deployed ones")
    void unknownFunction() throws Exception {
        HttpResponse<String> response = send(request("/fn/nope/x").PUT(
                HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("ResourceNotFoundException");
        assertThat(json(response).get("message").asText()).contains("\"nope\"", "echo");
    }

    @Test
    @DisplayName("a body over 6 MB is a 413")
    void bodyOverLimit() throws Exception {
        byte[] body = new byte[HttpGateway.SYNC_PAYLOAD_LIMIT + 1];

        HttpResponse<String> response = send(request("/fn/echo")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("errorType").asText())
                .isEqualTo("RequestEntityTooLargeException");
    }

    @Test
    @DisplayName("a body that fits but grows past 6 MB as a base64 event is a 413 that says so")
    void eventOverLimit() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];

        HttpResponse<String> response = send(request("/fn/echo")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("message").asText()).contains("base64");
    }

    @Test
    @DisplayName("beyond max instances a request is a 429 with Retry-After")
    void throttled() throws Exception {
        platform.deploy(FunctionSpec.of("sleeper", Sleeper.class.getName()).withMaxInstances(1),
                FunctionCode.ofClasspath(Sleeper.class));
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                invokeSleeper(800), HttpResponse.BodyHandlers.ofString());
        Await.inFlight(platform, "sleeper", 1);

        HttpResponse<String> second = send(request("/fn/sleeper").GET());

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(slow.get().statusCode()).isEqualTo(200);
    }

    private HttpRequest invokeSleeper(long millis) {
        return HttpRequest.newBuilder(URI.create(gateway.url()
                + "/2015-03-31/functions/sleeper/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":" + millis + "}")).build();
    }

    private void deploy(String name, Class<?> handler) {
        platform.deploy(FunctionSpec.of(name, handler.getName()),
                FunctionCode.ofClasspath(handler));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway.url() + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }
}
