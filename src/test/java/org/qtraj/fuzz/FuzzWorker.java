package org.qtraj.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.cli.Main;

/**
 * The process that runs the fuzz cases: one JVM that reads command lines (a JSON array of strings per line) on
 * stdin, runs each through {@link Main#execute} in-process, and answers one JSON object per line on the original
 * stdout: exit code, the two streams, whatever was printed on System.out/System.err directly, any Throwable that
 * escaped {@code execute}, and the wall time. A separate process, because a run that never ends cannot be stopped
 * inside a JVM (the ensemble's worker threads do not answer interrupts): {@link Worker} kills this process when a
 * case exceeds its time and starts a new one. Single-threaded; one case at a time.
 */
public final class FuzzWorker {
    private FuzzWorker() {
    }

    public static void main(String[] argv) throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        warmUp();
        sysOut.reset();
        sysErr.reset();
        protocol.println("{\"ready\":true}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] args = json.readValue(line, String[].class);
            sysOut.reset();
            sysErr.reset();
            Map<String, Object> reply = run(args);
            System.out.flush();
            System.err.flush();
            reply.put("system_out", sysOut.toString(StandardCharsets.UTF_8));
            reply.put("system_err", sysErr.toString(StandardCharsets.UTF_8));
            protocol.println(json.writeValueAsString(reply));
        }
    }

    static Map<String, Object> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, Object> reply = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        int code;
        String escaped = null;
        try {
            code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } catch (Throwable t) {
            code = -1;
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace, true));
            escaped = trace.toString();
        }
        reply.put("code", code);
        reply.put("out", out.toString());
        reply.put("err", err.toString());
        reply.put("escaped", escaped);
        reply.put("millis", (System.nanoTime() - t0) / 1e6);
        return reply;
    }

    /** Loads and compiles the common paths once, so that the first fuzz cases are not timed with class loading. */
    private static void warmUp() throws Exception {
        Path dir = Files.createTempDirectory("qtraj-fuzz-warmup");
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "name: warmup\nmodel: {sites: 2}\nsweep: {parameters: {sites: {values: [2, 3]}}}\n"
                + "methods: [{method: exact}, {method: exact, solver: rate}]\n");
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, "sites: 3\nomega: [1, 1.1, 1.2]\nbaths: {left: {rate: 1, temperature: 1}}\n");
        List<String[]> lines = List.of(
                new String[] {"exact", "--sites", "3", "--json"},
                new String[] {"exact", "--sites", "3", "--anisotropy", "0.5", "--noise", "--json", "--model", model.toString()},
                new String[] {"exact", "--sites", "3", "--method", "rate", "--noise", "--out", dir.resolve("e.json").toString()},
                new String[] {"simulate", "--sites", "3", "--trajectories", "20", "--json"},
                new String[] {"simulate", "--sites", "3", "--trajectories", "10", "--times", "0:2:3", "--json"},
                new String[] {"classical", "--sites", "3", "--trajectories", "20", "--json"},
                new String[] {"classical", "--sites", "3", "--trajectories", "10", "--times", "0:2:3"},
                new String[] {"fcs", "--sites", "2", "--trajectories", "10", "--histograms", dir.resolve("h").toString(), "--plot"},
                new String[] {"fcs", "--classical", "--sites", "2", "--trajectories", "10", "--json"},
                new String[] {"crosscheck", "--sites", "2", "--trajectories", "10", "--json"},
                new String[] {"run", spec.toString(), "--out", dir.resolve("run").toString()},
                new String[] {"status", dir.resolve("run").toString(), "--json"},
                new String[] {"exact", "--sites", "x"},
                new String[] {"exact", "--help"});
        for (String[] args : lines) {
            run(args);
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
