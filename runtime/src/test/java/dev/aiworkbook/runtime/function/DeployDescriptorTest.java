package dev.aiworkbook.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.runtime.testfunctions.Greeter;
import dev.aiworkbook.runtime.testfunctions.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeployDescriptorTest {

    private static final String GREETER = Greeter.class.getName();

    @TempDir
    Path dir;

    @Test
    @DisplayName("a minimal file gives one function with the platform's defaults")
    void minimalFile() {
        DeployDescriptor d = parse("functions:\n  greeter:\n    handler: " + GREETER + "\n");

        FunctionSpec spec = d.functions().get(0).spec();
        assertThat(spec).isEqualTo(FunctionSpec.of("greeter", GREETER));
        assertThat(d.service()).isEqualTo("serverless");
        assertThat(d.functions().get(0).code().isIsolated()).as("from the classpath").isFalse();
    }

    @Test
    @DisplayName("every setting is read, defaults first, then the function's own")
    void everySetting() {
        DeployDescriptor d = parse("""
                service: samples
                defaults: {memoryMb: 1024, timeout: 3s, keepAlive: 1h}
                functions:
                  hello:
                    handler: %s
                    memoryMb: 256
                    timeout: 10s
                    maxConcurrency: 4
                    minInstances: 1
                    maxInstances: 10
                    keepAlive: 10m
                    triggers: [ {http: {path: /fn/hello}} ]
                  other:
                    handler: %s::handleRequest
                    timeout: 1500ms
                """.formatted(GREETER, GREETER));

        assertThat(d.service()).isEqualTo("samples");
        assertThat(d.functions()).extracting(DeclaredFunction::name)
                .containsExactly("hello", "other");
        assertThat(d.functions().get(0).spec()).isEqualTo(new FunctionSpec("hello", GREETER,
                256, Duration.ofSeconds(10), 4, 1, 10, Duration.ofMinutes(10)));
        assertThat(d.functions().get(0).httpPaths()).containsExactly("/fn/hello");
        FunctionSpec other = d.functions().get(1).spec();
        assertThat(other.memoryMb()).as("from defaults").isEqualTo(1024);
        assertThat(other.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(other.keepAlive()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("a package is found relative to the file, and must hold the handler")
    void packageRelativeToFile() throws Exception {
        Files.createDirectories(dir.resolve("target"));
        TestJars.build(dir.resolve("target/fn.jar"), Greeter.class);
        Path file = write("functions:\n  greeter:\n    handler: " + GREETER
                + "\n    package: target/fn.jar\n");

        DeployDescriptor d = DeployDescriptor.load(file);

        assertThat(d.functions().get(0).code().isIsolated()).isTrue();
        assertThat(d.functions().get(0).code().urls().get(0).getPath()).endsWith("target/fn.jar");
    }

    @Test
    @DisplayName("a handler missing from its package is refused at load, not at first call")
    void handlerNotInPackage() throws Exception {
        TestJars.build(dir.resolve("fn.jar"), Greeter.class);
        Path file = write("functions:\n  x:\n    handler: com.example.Missing\n"
                + "    package: fn.jar\n");

        assertThatThrownBy(() -> DeployDescriptor.load(file))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("com.example.Missing").hasMessageContaining("fn.jar")
                .extracting(e -> ((InvalidDescriptorException) e).field()).isEqualTo("handler");
    }

    @Test
    @DisplayName("a missing file says how to give one")
    void missingFile() {
        assertThatThrownBy(() -> DeployDescriptor.load(dir.resolve("nope.yml")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("nope.yml").hasMessageContaining("no such file");
    }

    @Test
    @DisplayName("a bad value names the file, the function, the field, the rule and the value")
    void messageCarriesContext() {
        assertThatThrownBy(() -> parse("functions:\n  hello:\n    handler: " + GREETER
                + "\n    memoryMb: 64\n"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessage(dir.resolve("serverless.yml") + ": function \"hello\": memoryMb"
                        + " must be 128..10240, was: 64")
                .hasCauseInstanceOf(InvalidSpecException.class)
                .satisfies(e -> {
                    InvalidDescriptorException bad = (InvalidDescriptorException) e;
                    assertThat(bad.function()).hasValue("hello");
                    assertThat(bad.field()).isEqualTo("memoryMb");
                    assertThat(bad.file()).isEqualTo(dir.resolve("serverless.yml"));
                });
    }

    static Stream<Arguments> badFiles() {
        String fn = "functions:\n  hello:\n    handler: " + GREETER + "\n";
        return Stream.of(
                Arguments.of("memory below the minimum", fn + "    memoryMb: 64\n",
                        "memoryMb", "128..10240"),
                Arguments.of("memory as text", fn + "    memoryMb: 512MB\n",
                        "memoryMb", "whole number"),
                Arguments.of("timeout without a unit", fn + "    timeout: 10\n",
                        "timeout", "write 10s"),
                Arguments.of("timeout in an unknown unit", fn + "    timeout: 10 days\n",
                        "timeout", "\"10 days\""),
                Arguments.of("timeout over 900 s", fn + "    timeout: 1h\n",
                        "timeout", "1s..900s"),
                Arguments.of("keep-alive badly written", fn + "    keepAlive: ten minutes\n",
                        "keepAlive", "300ms, 10s, 10m, 1h"),
                Arguments.of("more minimum than maximum instances",
                        fn + "    minInstances: 3\n    maxInstances: 2\n",
                        "minInstances", "must not exceed maxInstances"),
                Arguments.of("a typo in a key", fn + "    memory: 256\n",
                        "memory", "did you mean \"memoryMb\"?"),
                Arguments.of("an unknown top-level key", "provider: aws\n" + fn,
                        "provider", "service, defaults, functions"),
                Arguments.of("an unknown key in defaults", "defaults: {handler: x}\n" + fn,
                        "defaults.handler", "accepted keys are memoryMb"),
                Arguments.of("no handler", "functions:\n  hello:\n    memoryMb: 256\n",
                        "handler", "handler is required"),
                Arguments.of("a handler that is no class name",
                        "functions:\n  hello:\n    handler: 'not a class'\n",
                        "handler", "pkg.Class::method"),
                Arguments.of("a handler not on the classpath",
                        "functions:\n  hello:\n    handler: com.example.Nowhere\n",
                        "handler", "not on the classpath"),
                Arguments.of("a bad function name",
                        "functions:\n  hello world:\n    handler: " + GREETER + "\n",
                        "name", "1..64 letters"),
                Arguments.of("a package that does not exist", fn + "    package: target/x.jar\n",
                        "package", "mvn package"),
                Arguments.of("no functions", "service: empty\n", "functions", "at least one"),
                Arguments.of("a trigger of an unknown kind", fn
                        + "    triggers: [ {schedule: rate(1 minute)} ]\n",
                        "triggers", "only http triggers"),
                Arguments.of("an http path that is not the function's", fn
                        + "    triggers: [ {http: {path: /hello}} ]\n",
                        "triggers.http.path", "\"/fn/hello\""),
                Arguments.of("a duplicated function", fn + "  hello:\n    handler: x.Y\n",
                        "file", "Duplicate field 'hello'"),
                Arguments.of("text that is not YAML", "functions: [unclosed\n",
                        "file", "not valid YAML at line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @DisplayName("bad files are refused with the field and what is accepted")
    void badFileIsRefused(String label, String yaml, String field, String hint) {
        assertThatThrownBy(() -> parse(yaml))
                .as(label)
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining(hint)
                .satisfies(e -> assertThat(((InvalidDescriptorException) e).field())
                        .isEqualTo(field));
    }

    @Test
    @DisplayName("durations read ms, s, m, h and d, and print in the largest whole unit")
    void durations() {
        assertThat(Durations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThatThrownBy(() -> Durations.parse("1.5s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"1.5s\"");
        assertThatThrownBy(() -> Durations.parse("1w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ms, s, m, h or d").hasMessageContaining("\"1w\"");
    }

    private DeployDescriptor parse(String yaml) {
        return DeployDescriptor.parse(dir.resolve("serverless.yml"), yaml);
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("serverless.yml"), yaml);
    }
}
