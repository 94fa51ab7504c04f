package org.qtraj.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test side of {@link FuzzWorker}: starts worker JVMs (the test's own class path and java), sends one command
 * line at a time and waits at most the case's time for the answer. On a timeout it kills the worker (and so the run
 * that would not end) and goes on with a spare one, started and warmed up in the background beforehand so that a
 * timeout costs the case's time and little more; likewise after a worker that died or let a Throwable escape. One
 * per test JVM ({@link #shared()}); {@link #run} is for one thread at a time.
 */
final class Worker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000EOF";
    private static Worker shared;

    private final Path workingDirectory;
    private final List<Proc> all = new ArrayList<>();
    private Proc current;
    private CompletableFuture<Proc> spare;
    private final AtomicInteger starts = new AtomicInteger();

    /** What one case did. {@code code} is -1 if a Throwable escaped {@code Main.execute} (see {@code escaped}). */
    record Outcome(int code, String out, String err, String systemOut, String systemErr, String escaped, double millis) {
    }

    /** One worker JVM and its streams. */
    private record Proc(Process process, Writer stdin, BlockingQueue<String> lines) {
        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Worker(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** The worker of this JVM, started on first use and killed when the JVM exits. */
    static synchronized Worker shared() {
        if (shared == null) {
            try {
                shared = new Worker(Files.createTempDirectory("qtraj-fuzz-cwd"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Worker w = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(w::killAll));
        }
        return shared;
    }

    /** The workers' current directory: where a relative path given to a command lands. */
    Path workingDirectory() {
        return workingDirectory;
    }

    /** How many worker JVMs were started (the first, the spares, one after each timeout or crash). */
    int starts() {
        return starts.get();
    }

    /**
     * Runs one command line; null if it did not answer within {@code timeoutMillis} (the worker is then killed).
     * The workers' start-up and warm-up are not counted against the case.
     */
    synchronized Outcome run(List<String> args, long timeoutMillis) {
        Proc p = ensureRunning();
        try {
            p.stdin().write(JSON.writeValueAsString(args) + "\n");
            p.stdin().flush();
            String reply = p.lines().poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (reply == null) {
                retire();
                return null;
            }
            if (reply.equals(EOF)) {
                retire();
                return new Outcome(-2, "", "", "", "", "the worker JVM exited (System.exit or a crash) during the case", 0);
            }
            JsonNode r = JSON.readTree(reply);
            Outcome o = new Outcome(r.get("code").asInt(), r.get("out").asText(), r.get("err").asText(),
                    r.get("system_out").asText(), r.get("system_err").asText(),
                    r.get("escaped").isNull() ? null : r.get("escaped").asText(), r.get("millis").asDouble());
            if (o.code() == -1) {
                retire(); // an Error (e.g. OutOfMemoryError) may leave the JVM in a bad state: go on with a fresh one
            }
            return o;
        } catch (IOException e) {
            retire();
            return new Outcome(-2, "", "", "", "", "lost the worker JVM: " + e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retire();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Proc ensureRunning() {
        if (current != null && current.process().isAlive()) {
            return current;
        }
        retire();
        current = spare != null ? spare.join() : start();
        spare = CompletableFuture.supplyAsync(this::start);
        return current;
    }

    private void retire() {
        if (current != null) {
            current.kill();
            current = null;
        }
    }

    private Proc start() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.add("-Xss4m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FuzzWorker.class.getName());
        Process process;
        try {
            process = new ProcessBuilder(cmd).directory(workingDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fuzz worker JVM", e);
        }
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Proc p = new Proc(process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), queue);
        synchronized (all) {
            all.add(p);
        }
        starts.incrementAndGet();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // the process was killed
            }
            queue.add(EOF);
        }, "fuzz-worker-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = queue.poll(120, TimeUnit.SECONDS);
            if (ready == null || !ready.contains("ready")) {
                p.kill();
                throw new IllegalStateException("the fuzz worker JVM did not start: " + ready);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return p;
    }

    /** Kills every worker this JVM started. Not synchronized on the worker: the shutdown hook calls it. */
    private void killAll() {
        List<Proc> copy;
        synchronized (all) {
            copy = new ArrayList<>(all);
        }
        copy.forEach(Proc::kill);
    }
}
