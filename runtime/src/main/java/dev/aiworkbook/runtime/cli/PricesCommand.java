package dev.aiworkbook.runtime.cli;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code faas prices}: lists the built-in price catalogs with their source and the day read.
 *
 * <p>Any name it prints can be given to {@code bill --prices}. Chapter 01 runs it.
 */
@Command(name = "prices", mixinStandardHelpOptions = true,
        description = "Lists the built-in price catalogs, their source page and the day read.")
public final class PricesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<PriceCatalog> catalogs = PriceCatalog.names().stream()
                .map(PriceCatalog::load).toList();
        int nameWidth = Math.max("name".length(),
                catalogs.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s  %-10s  %s%n";
        PrintWriter out = spec.commandLine().getOut();
        out.printf(row, "name", "read on", "provider and source");
        for (PriceCatalog c : catalogs) {
            out.printf(row, c.name(), c.readOn(), c.provider());
            out.printf(row, "", "", c.source());
        }
        out.flush();
        return 0;
    }
}
