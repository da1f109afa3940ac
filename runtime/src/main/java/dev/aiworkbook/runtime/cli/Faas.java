package dev.aiworkbook.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code faas} command line (chapter 01): {@code serve} runs the platform with the
 * functions of a deploy descriptor behind the HTTP gateway, {@code invoke} calls one of them.
 *
 * <p>Exit codes: 0 success, 1 the function failed, 2 bad usage or a call that did not happen.
 */
@Command(name = "faas", mixinStandardHelpOptions = true,
        version = "faas 1.0 (Serverless AI Workbook)",
        description = "A mini serverless platform: serve functions, invoke them, price them.",
        subcommands = {
                ServeCommand.class,
                InvokeCommand.class,
                BillCommand.class,
                PricesCommand.class,
                SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class Faas implements Callable<Integer> {

    /** Exit code of a call that did not happen: bad usage, refused, or unreachable. */
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments, such as {@code serve --port 3000}
     */
    public static void main(String[] args) {
        quietServerLogs();
        System.exit(commandLine().execute(args));
    }

    /** @return the command line, ready to {@code execute}; tests capture its out and err */
    public static CommandLine commandLine() {
        // picocli would read "@file" as a file of arguments; here it is invoke's payload file.
        return new CommandLine(new Faas()).setExpandAtFiles(false);
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("faas: give a command, such as"
                + " 'faas serve' or 'faas invoke hello'.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** Jetty and Javalin log their start-up at INFO; the CLI prints its own summary instead. */
    private static void quietServerLogs() {
        for (String name : new String[] {"org.eclipse.jetty", "io.javalin"}) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) System.setProperty(key, "warn");
        }
    }
}
