package dev.aiworkbook.runtime.cli;

import dev.aiworkbook.runtime.dispatch.Dispatcher;
import dev.aiworkbook.runtime.function.DeclaredFunction;
import dev.aiworkbook.runtime.function.DeployDescriptor;
import dev.aiworkbook.runtime.function.Durations;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.InvalidDescriptorException;
import dev.aiworkbook.runtime.time.SystemClock;
import dev.aiworkbook.runtime.trigger.HttpGateway;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code faas serve}: deploys the functions of a deploy descriptor, starts the HTTP gateway
 * in front of them, prints where and how to call them, and serves until Ctrl-C (chapter 01).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Deploys the functions of a deploy descriptor and serves them over HTTP"
                + " until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    static final String DEFAULT_DESCRIPTOR = "serverless.yml";

    @Option(names = "--port", defaultValue = "3000",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = HttpGateway.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The deploy descriptor (default: ./" + DEFAULT_DESCRIPTOR + ").")
    Path config;

    @Option(names = "--account-concurrency", defaultValue = "1000", paramLabel = "N",
            description = "Invocations all Lambda-mode functions may run at once, AWS's"
                    + " default quota (default: ${DEFAULT-VALUE}); over it, 429.")
    int accountConcurrency;

    @Spec
    CommandSpec spec;

    /** Where {@code ./serverless.yml} is looked for; tests point it elsewhere. */
    Path workingDir = Path.of("");

    @Override
    public Integer call() {
        if (accountConcurrency < 1) {
            throw new ParameterException(spec.commandLine(), "--account-concurrency must be 1"
                    + " or more invocations at once, was: " + accountConcurrency);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = config != null ? config : workingDir.resolve(DEFAULT_DESCRIPTOR);
        if (config == null && !Files.isRegularFile(file)) {
            err.println("faas serve: no deploy descriptor: ./" + DEFAULT_DESCRIPTOR + " does not"
                    + " exist here. Give one with --config FILE, for example"
                    + " 'faas serve --config functions/serverless.yml'.");
            return Faas.USAGE;
        }
        DeployDescriptor descriptor;
        try {
            descriptor = DeployDescriptor.load(file);
        } catch (InvalidDescriptorException e) {
            err.println("faas serve: " + e.getMessage());
            return Faas.USAGE;
        }
        return serve(descriptor, out, err);
    }

    private int serve(DeployDescriptor descriptor, PrintWriter out, PrintWriter err) {
        Dispatcher dispatcher = Dispatcher.builder(SystemClock.shared())
                .accountConcurrency(accountConcurrency).build();
        for (DeclaredFunction fn : descriptor.functions()) dispatcher.deploy(fn.spec(), fn.code());
        HttpGateway gateway;
        try {
            gateway = HttpGateway.start(dispatcher, host, port);
        } catch (RuntimeException e) {
            dispatcher.close();
            err.println("faas serve: " + e.getMessage());
            return Faas.USAGE;
        }
        printStarted(out, gateway, descriptor);

        // Ctrl-C runs the hook; an interrupted thread (as in tests) stops the same way.
        Runnable stop = once(() -> {
            gateway.close();
            dispatcher.close();
        });
        Thread hook = new Thread(stop, "faas-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        removeHook(hook);
        // The server stops cleanly only with the interrupt flag clear; it is set again after.
        stop.run();
        if (interrupted) Thread.currentThread().interrupt();
        out.println("faas serve: stopped.");
        return 0;
    }

    private static void printStarted(PrintWriter out, HttpGateway gateway,
            DeployDescriptor descriptor) {
        String url = gateway.url();
        out.printf("faas serve: %d function(s) of service \"%s\" (%s) at %s%n%n",
                descriptor.functions().size(), descriptor.service(), descriptor.file(), url);
        int width = Math.max(8, descriptor.functions().stream()
                .mapToInt(f -> f.name().length()).max().orElse(0));
        String row = "  %-" + width + "s  %7s  %7s  %s%n";
        out.printf(row, "FUNCTION", "MEMORY", "TIMEOUT", "HANDLER");
        for (DeclaredFunction fn : descriptor.functions()) {
            FunctionSpec s = fn.spec();
            out.printf(row, s.name(), s.memoryMb() + " MB", Durations.format(s.timeout()),
                    s.handler());
        }
        String first = descriptor.functions().get(0).name();
        out.println();
        out.println("Next, from another terminal:");
        out.println("  list them:    curl -s " + url + "/2015-03-31/functions");
        out.println("  invoke one:   curl -s -d '{\"name\":\"Ada\"}' " + url
                + "/2015-03-31/functions/" + first + "/invocations");
        List<String> http = descriptor.functions().stream()
                .flatMap(f -> f.httpPaths().stream()).limit(3).toList();
        for (String path : http.isEmpty() ? List.of("/fn/" + first) : http) {
            out.println("  over HTTP:    curl -s '" + url + path + "?name=Ada'");
        }
        out.println("  with the CLI: faas invoke " + first + " --payload '{\"name\":\"Ada\"}'"
                + " --log --url " + url);
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and runs the hook itself.
        }
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) action.run();
        };
    }
}
