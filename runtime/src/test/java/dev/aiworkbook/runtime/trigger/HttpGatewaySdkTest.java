package dev.aiworkbook.runtime.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.FunctionCode;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.testfunctions.Failing;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The official AWS SDK for Java v2 talks to the gateway as it talks to AWS Lambda. */
class HttpGatewaySdkTest {

    private final Dispatcher platform = Dispatcher.on(VirtualClock.atEpoch());
    private HttpGateway gateway;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        for (String name : List.of("alpha", "beta", "greeter")) {
            platform.deploy(FunctionSpec.of(name, Greeter.class.getName()),
                    FunctionCode.ofClasspath(Greeter.class));
        }
        platform.deploy(FunctionSpec.of("failing", Failing.class.getName()),
                FunctionCode.ofClasspath(Failing.class));
        gateway = HttpGateway.start(platform, "127.0.0.1", 0);
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create(gateway.url()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterEach
    void stop() {
        lambda.close();
        gateway.close();
        platform.close();
    }

    @Test
    @DisplayName("ListFunctions returns every function with its configuration")
    void listFunctions() {
        List<FunctionConfiguration> functions = lambda.listFunctions().functions();

        assertThat(functions).extracting(FunctionConfiguration::functionName)
                .containsExactly("alpha", "beta", "failing", "greeter");
        FunctionConfiguration greeter = functions.get(3);
        assertThat(greeter.runtimeAsString()).isEqualTo("java17");
        assertThat(greeter.handler()).isEqualTo(Greeter.class.getName());
        assertThat(greeter.memorySize()).isEqualTo(512);
        assertThat(greeter.timeout()).isEqualTo(3);
    }

    @Test
    @DisplayName("the SDK's paginator follows NextMarker through every page")
    void paginatorWalksPages() {
        List<String> names = lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions()
                .stream().map(FunctionConfiguration::functionName).toList();

        assertThat(names).containsExactly("alpha", "beta", "failing", "greeter");
    }

    @Test
    @DisplayName("RequestResponse returns the result, status 200 and the executed version")
    void invokeRequestResponse() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("greeter")
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("1");
        assertThat(response.payload().asUtf8String()).contains("\"message\":\"Hello, Ada!\"");
    }

    @Test
    @DisplayName("a function error sets functionError to Unhandled, with no exception")
    void functionError() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("failing")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("the database is down");
    }

    @Test
    @DisplayName("the Tail log result decodes to the log, REPORT line included")
    void tailLog() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("greeter")
                .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{\"name\":\"Bo\"}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()),
                StandardCharsets.UTF_8);
        assertThat(log).contains("greeting Bo", "REPORT RequestId");
    }

    @Test
    @DisplayName("Event is accepted with 202 and DryRun with 204")
    void eventAndDryRun() {
        InvokeResponse event = lambda.invoke(b -> b.functionName("greeter")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse dryRun = lambda.invoke(b -> b.functionName("greeter")
                .invocationType(InvocationType.DRY_RUN));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(dryRun.statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("a qualifier and a full ARN both reach the function")
    void qualifierAndArn() {
        InvokeResponse qualified = lambda.invoke(b -> b.functionName("greeter")
                .qualifier("$LATEST").payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse byArn = lambda.invoke(b -> b.functionName(
                "arn:aws:lambda:eu-central-1:000000000000:function:greeter:1")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(qualified.statusCode()).isEqualTo(200);
        assertThat(byArn.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("an unknown function raises ResourceNotFoundException with the gateway's message")
    void unknownFunction() {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("\"nope\"").hasMessageContaining("greeter")
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode())
                        .isEqualTo(404));
    }
}
