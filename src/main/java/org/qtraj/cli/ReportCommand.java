package org.qtraj.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qtraj.report.PaperReport;
import org.qtraj.report.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtraj report DIR... --out analysis/}: the paper's figures and REPORT.md from run directories.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draw the paper's figures (PNG, SVG) and write REPORT.md from run directories of runs/paper-*.yaml.",
            "Each DIR is recognised by its spec name (paper-fig2, paper-fig2-trajectories, paper-fig2-classical,",
            "paper-fig3, paper-fig3-trajectories, paper-fig3-classical, paper-fig4, paper-disorder, paper-disorder-check,",
            "paper-appendixB); trajectory and classical-simulation points are overlaid, with error bars, when present."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run directories (qtraj run --out).")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the figures and REPORT.md go.")
    Path out;

    @Spec
    CommandSpec spec;

    /**
     * Reads the run directories and writes the figures and REPORT.md into the output directory; prints its path.
     *
     * @return {@link ExitCodes#OK}
     */
    @Override
    public Integer call() throws Exception {
        List<RunResults> runs = new ArrayList<>();
        for (Path d : dirs) {
            runs.add(RunResults.read(d));
        }
        Path report = PaperReport.write(runs, out);
        spec.commandLine().getOut().println("wrote " + report);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
