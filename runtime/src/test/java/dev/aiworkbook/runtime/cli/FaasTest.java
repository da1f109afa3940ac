package dev.aiworkbook.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.testfunctions.Failing;
import dev.aiworkbook.runtime.testfunctions.Greeter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The faas commands, run in this JVM with their output captured. */
class FaasTest {

    @TempDir
    static Path dir;

    private static Thread server;
    private static final AtomicInteger serverExit = new AtomicInteger(-1);
    private static final StringWriter serverOut = new StringWriter();
    private static String url;

    @BeforeAll
    static void serve() throws Exception {
        Path config = Files.writeString(dir.resolve("serverless.yml"), """
                service: cli-test
                functions:
                  greeter:
                    handler: %s
                    memoryMb: 256
                  failing:
                    handler: %s
                """.formatted(Greeter.class.getName(), Failing.class.getName()));
        CommandLine cmd = capture(Faas.commandLine(), serverOut, new StringWriter());
        server = new Thread(() -> serverExit.set(cmd.execute("serve", "--port", "0",
                "--config", config.toString())), "faas-serve-test");
        server.start();
        url = awaitUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        // Ctrl-C in a terminal; here the serving thread is interrupted, which stops it alike.
        server.interrupt();
        server.join(Duration.ofSeconds(10).toMillis());

        assertThat(server.isAlive()).isFalse();
        assertThat(serverExit.get()).isZero();
        assertThat(serverOut.toString()).contains("stopped");
        assertThat(faas("invoke", "greeter", "--url", url).err()).contains("cannot reach");
    }

    @Test
    @DisplayName("serve prints the URL, each function and ready-to-paste next steps")
    void servePrintsWhatToDoNext() {
        String printed = serverOut.toString();

        assertThat(printed).contains("2 function(s) of service \"cli-test\"", url);
        assertThat(printed)
                .containsPattern("greeter\\s+256 MB\\s+3s\\s+" + Greeter.class.getName());
        assertThat(printed).contains("curl -s " + url + "/2015-03-31/functions\n",
                url + "/2015-03-31/functions/greeter/invocations", "Ctrl-C");
    }

    @Test
    @DisplayName("serve refuses an account concurrency below one, naming the option and value")
    void serveRefusesAZeroAccountConcurrency() {
        Run run = faas("serve", "--port", "0", "--account-concurrency", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--account-concurrency", "1 or more", "was: 0");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("invoke prints the result and exits 0")
    void invokeSucceeds() {
        Run run = faas("invoke", "greeter", "--payload", "{\"name\":\"Ada\"}", "--url", url);

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("\"message\":\"Hello, Ada!\"");
    }

    @Test
    @DisplayName("invoke reads the payload from a file given with @")
    void invokeWithPayloadFile() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"name\":\"File\"}");

        Run run = faas("invoke", "greeter", "--payload", "@" + event, "--url", url);

        assertThat(run.out()).contains("Hello, File!");
    }

    @Test
    @DisplayName("invoke --log prints the log, REPORT line included, to stderr")
    void invokeWithLog() {
        Run run = faas("invoke", "greeter", "--log", "--url", url);

        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).contains("START RequestId", "REPORT RequestId");
        assertThat(run.out()).doesNotContain("REPORT");
    }

    @Test
    @DisplayName("a function error prints its error JSON and exits 1")
    void invokeFunctionError() {
        Run run = faas("invoke", "failing", "--url", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("the database is down");
        assertThat(run.err()).contains("failed (Unhandled)");
    }

    @Test
    @DisplayName("--async and --dry-run exit 0 and say what happened")
    void invokeAsyncAndDryRun() {
        Run async = faas("invoke", "greeter", "--async", "--url", url);
        Run dryRun = faas("invoke", "greeter", "--dry-run", "--url", url);

        assertThat(async.exit()).isEqualTo(0);
        assertThat(async.err()).contains("accepted");
        assertThat(dryRun.exit()).isEqualTo(0);
        assertThat(dryRun.err()).contains("dry run");
    }

    @Test
    @DisplayName("an unknown function exits 2 with the gateway's message")
    void invokeUnknownFunction() {
        Run run = faas("invoke", "nope", "--url", url);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("404 ResourceNotFoundException", "\"nope\"", "greeter");
    }

    @Test
    @DisplayName("an unreachable gateway exits 2 and says how to start one")
    void invokeUnreachable() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }

        Run run = faas("invoke", "greeter", "--url", "http://127.0.0.1:" + freePort);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the gateway", "faas serve");
    }

    @Test
    @DisplayName("bad arguments print the usage and exit 2")
    void badArguments() {
        Run noName = faas("invoke");
        Run both = faas("invoke", "greeter", "--async", "--dry-run");
        Run badPort = faas("serve", "--port", "many");
        Run badUrl = faas("invoke", "greeter", "--url", "ftp://x");
        Run noFile = faas("invoke", "greeter", "--payload", "@" + dir.resolve("missing.json"));

        assertThat(noName.exit()).isEqualTo(2);
        assertThat(noName.err())
                .contains("Missing required parameter: 'NAME'", "Usage: faas invoke");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port", "Usage: faas serve");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--url must be an http(s) URL", "\"ftp://x\"");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("missing.json");
    }

    @Test
    @DisplayName("faas alone prints the usage, naming the commands, and exits 2")
    void noCommand() {
        Run run = faas();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("serve", "invoke");
    }

    @Test
    @DisplayName("serve without --config and without ./serverless.yml says how to give one")
    void serveWithoutDescriptor() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CommandLine cmd = Faas.commandLine();
        ((ServeCommand) cmd.getSubcommands().get("serve").getCommand()).workingDir = empty;

        Run run = run(cmd, "serve", "--port", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("serverless.yml does not exist", "--config FILE");
    }

    @Test
    @DisplayName("serve with a bad descriptor prints the problem and exits 2")
    void serveWithBadDescriptor() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"),
                "functions:\n  x:\n    handler: " + Greeter.class.getName() + "\n    timeout: 5\n");

        Run run = faas("serve", "--port", "0", "--config", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yml", "function \"x\"", "write 5s");
    }

    private static Run faas(String... args) {
        return run(Faas.commandLine(), args);
    }

    private static Run run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = capture(cmd, out, err).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static CommandLine capture(CommandLine cmd, StringWriter out, StringWriter err) {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd;
    }

    private static String awaitUrl() throws InterruptedException {
        Pattern printed = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = printed.matcher(serverOut.toString());
            if (m.find()) return m.group(1);
            if (!server.isAlive()) break;
            Thread.sleep(50);
        }
        throw new IllegalStateException("serve printed no URL (exit " + serverExit.get() + "): "
                + serverOut);
    }

    /** What one command run printed, and its exit code. */
    private record Run(int exit, String out, String err) {
    }
}
