package org.qtraj.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.batch.RunStatus;
import org.qtraj.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtraj status}: how far run directories (e.g. the shards of a Slurm array) have got, read-only.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows how far each run directory has got: status (complete, running, interrupted = the",
            "process died, failed), tasks done out of the shard's tasks, and the units in progress with their",
            "checkpointed trajectory index. Reads only; safe while a run writes the directory.",
            "A directory with a damaged log shows status 'damaged' and gets one line on stderr saying which",
            "lines and what to do; then the exit code is 2."})
public final class StatusCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run directories (e.g. out/shard-*).")
    List<Path> dirs;

    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Reads each run directory (read-only) and prints the progress table, or one JSON document with --json.
     *
     * @return {@link ExitCodes#OK}
     */
    @Override
    public Integer call() throws Exception {
        List<RunStatus> all = new ArrayList<>();
        for (Path d : dirs) {
            all.add(RunStatus.of(d));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("directories", all.stream().map(RunStatus::toMap).toList());
            doc.put("tasks", all.stream().mapToLong(RunStatus::tasks).sum());
            doc.put("tasks_done", all.stream().mapToLong(RunStatus::tasksDone).sum());
            w.print(Json.pretty(doc));
        } else {
            w.print(table(all));
        }
        w.flush();
        PrintWriter err = spec.commandLine().getErr();
        boolean damaged = false;
        for (RunStatus s : all) {
            if (s.damage() != null) {
                err.println("qtraj: " + s.damage());
                damaged = true;
            }
        }
        err.flush();
        return damaged ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private static String table(List<RunStatus> all) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-30s %-20s %-6s %-12s %13s  %s%n", "dir", "spec", "shard", "status",
                "tasks done", "in progress (next trajectory, time reached)"));
        for (RunStatus s : all) {
            List<String> ip = new ArrayList<>();
            s.inProgress().forEach((k, v) -> {
                Double t = s.trajectoryTime().get(k);
                String at = t == null ? "" : String.format(Locale.ROOT, ", t = %.6g", t);
                ip.add(v < 0 ? k + (t == null ? "" : " (" + at.substring(2) + ")") : k + " (" + v + at + ")");
            });
            String status = s.interruptions() > 0 ? s.status() + " (" + s.interruptions() + "x cut)" : s.status();
            sb.append(String.format(Locale.ROOT, "%-30s %-20s %-6s %-12s %13s  %s%n", s.dir(), s.name(), s.shard(),
                    status, s.tasksDone() + "/" + s.tasks(), ip.isEmpty() ? "-" : String.join(", ", ip)));
        }
        sb.append(RunStatus.totals(all)).append(System.lineSeparator());
        return sb.toString();
    }
}
