package org.qtraj.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm recipe end to end on a real one-node cluster (../shared/tools/slurm-local, root, Debian slurm-wlm):
 * runs/slurm/submit.sh submits a job array of 3 shards and a dependent merge job for runs/slurm-demo.yaml (a sweep,
 * sharded by points) and for runs/split-point.yaml (one point whose trajectories are split into 12 blocks dealt over
 * the shards); each merged results.csv must equal an unsharded run of the same spec in every column but
 * elapsed_seconds.
 * Run with {@code mvn -B -Pslurm verify}; it starts the cluster itself and stops it at the end.
 */
@Tag("slurm")
class SlurmRecipeTest {
    private static final Path SLURM_LOCAL = Path.of("..", "shared", "tools", "slurm-local");

    @TempDir
    Path dir;

    @Test
    void jobArrayThenMergeEqualsAnUnshardedRun() throws Exception {
        Path jar = launcherJar();
        run(List.of("bash", SLURM_LOCAL.toString(), "start"), 600);
        try {
            // A sweep sharded by points, and one point whose trajectories are split into blocks over the shards.
            for (String spec : List.of("slurm-demo", "split-point")) {
                Path out = dir.resolve("slurm-" + spec);
                ProcessBuilder submit = new ProcessBuilder("bash", "runs/slurm/submit.sh", "runs/" + spec + ".yaml",
                        out.toString(), "3");
                submit.environment().put("QTRAJ_JAR", jar.toString());
                exec(submit, 120);
                Path merged = out.resolve("merged/results.csv");
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (!Files.exists(out.resolve("merged/manifest.json")) && System.nanoTime() < deadline) {
                    Thread.sleep(2000);
                }
                assertTrue(Files.exists(merged), "the merge job wrote " + merged);
                Path local = dir.resolve("local-" + spec);
                run(List.of("java", "-jar", jar.toString(), "run", "runs/" + spec + ".yaml", "--out", local.toString(),
                        "--threads", "2"), 300);
                assertEquals(withoutElapsed(local.resolve("results.csv")), withoutElapsed(merged), spec);
            }
        } finally {
            run(List.of("bash", SLURM_LOCAL.toString(), "stop"), 60);
        }
    }

    /** results.csv without its last column (elapsed_seconds). */
    private static List<String> withoutElapsed(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.toList());
    }

    /** A jar whose manifest runs qtraj from the test class path (the shaded jar is built after the tests). */
    private Path launcherJar() throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.qtraj.cli.Main");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Path jar = dir.resolve("qtraj-launcher.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        return jar;
    }

    private static void run(List<String> command, long seconds) throws Exception {
        exec(new ProcessBuilder(command), seconds);
    }

    private static void exec(ProcessBuilder pb, long seconds) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "timed out: " + pb.command());
        assertEquals(0, p.exitValue(), pb.command() + " failed:\n" + output);
    }
}
