package org.qtraj.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.statistics.Statistics;

/**
 * Runs one generated case and fails (an AssertionError naming the command line and every problem) unless it has the
 * {@link Verdict} property. Each case gets a fresh directory (its {@link CliCase#DIR}); the files and fixtures are
 * put there first, and both it and the worker's current directory are listed before and after, so that a refusal
 * that wrote something is seen.
 *
 * <p>System properties: {@code qtraj.fuzz.timeout.millis} (default 2000) is the time a case may take (bench: its own,
 * see {@link #timeoutMillis}); {@code qtraj.fuzz.collect=FILE} records failures in FILE and lets the property go on
 * instead of failing it, to see every failure of a run at once. Problems that {@link KnownIssues} lists (open, with the
 * lead) are counted and printed at the end, and do not fail the property.
 */
final class Fuzz {
    private static final long TIMEOUT = Long.getLong("qtraj.fuzz.timeout.millis", 2000);
    private static final String COLLECT = System.getProperty("qtraj.fuzz.collect");
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final Map<String, AtomicInteger> KNOWN_HITS = new ConcurrentHashMap<>();
    private static final Path ROOT;
    private static long wallNanos;

    static {
        try {
            ROOT = Files.createTempDirectory("qtraj-fuzz-cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(ROOT)));
    }

    private Fuzz() {
    }

    /**
     * The time a case may take: bench's 1%-error entry alone takes seconds, whatever --seconds says; a case that
     * would time out by an open issue ({@link KnownIssues#expectsTimeout}) gets a quarter of the time and no second
     * try, since its timeout is not counted against it anyway.
     */
    static long timeoutMillis(CliCase c) {
        if (c.command().equals("bench")) {
            return Math.max(TIMEOUT, 15_000);
        }
        return KnownIssues.expectsTimeout(c) ? TIMEOUT / 4 : TIMEOUT;
    }

    /** Prints the count of cases so far, their time and the open issues they hit (after each test class). */
    static void printSummary() {
        StringBuilder sb = new StringBuilder(String.format("qtraj fuzz: %d cases so far, %.1f s in cases, %d worker JVM start(s)%n",
                CASES.get(), wallNanos / 1e9, Worker.shared().starts()));
        new TreeMap<>(KNOWN_HITS).forEach((k, v) -> sb.append(String.format("  known open issue %s: %d problem(s)%n", k, v.get())));
        System.out.print(sb);
        System.out.flush();
    }

    /** Runs {@code c} and asserts the property. */
    static void check(CliCase c) {
        int n = CASES.incrementAndGet();
        Path dir = ROOT.resolve("case-" + n);
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            for (String f : c.fixtures()) {
                Fixtures.copy(f, dir);
            }
            for (Map.Entry<String, String> e : c.files().entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue().replace(CliCase.DIR, dir.toString()).getBytes(StandardCharsets.UTF_8));
            }
            Worker worker = Worker.shared();
            Map<String, String> before = listing(dir, worker.workingDirectory());
            long timeout = timeoutMillis(c);
            // (a timeout is reported with the time of the second try)
            List<String> args = c.resolved(dir.toString());
            Worker.Outcome outcome = worker.run(args, timeout);
            if (outcome == null && !KnownIssues.expectsTimeout(c)) {
                // once more on a fresh worker with twice the time, so that a busy machine is not taken for a run that
                // never ends
                restore(dir, c);
                timeout *= 2;
                outcome = worker.run(args, timeout);
            }
            Map<String, String> after = listing(dir, worker.workingDirectory());
            if (COLLECT != null) {
                Files.write(Path.of(COLLECT + ".times"), String.format("%.0f\t%.0f\t%s%n",
                        (System.nanoTime() - t0) / 1e6, outcome == null ? -1.0 : outcome.millis(),
                        c.display(dir.toString()).lines().findFirst().orElse("")).getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            List<Verdict.Problem> problems = Verdict.judge(c, outcome, dir, before, after, timeout);
            Statistics.label("exit").collect(outcome == null ? "timeout" : Integer.toString(outcome.code()));
            List<Verdict.Problem> open = new ArrayList<>();
            for (Verdict.Problem p : problems) {
                String known = KnownIssues.match(c, outcome, p);
                if (known != null) {
                    KNOWN_HITS.computeIfAbsent(known, k -> new AtomicInteger()).incrementAndGet();
                    record("[known " + known + "] " + p + "\n  " + c.display(dir.toString()));
                } else {
                    open.add(p);
                }
            }
            cleanWorkingDirectory(worker.workingDirectory());
            if (!open.isEmpty()) {
                StringBuilder sb = new StringBuilder("the command line\n  ").append(c.display(dir.toString()))
                        .append("\nbroke the property:");
                open.forEach(p -> sb.append("\n  ").append(p));
                if (outcome != null) {
                    sb.append("\nexit ").append(outcome.code()).append(", stderr:\n").append(outcome.err().indent(2));
                }
                if (COLLECT != null) {
                    record(sb.toString());
                    return;
                }
                throw new AssertionError(sb.toString());
            }
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wallNanos += System.nanoTime() - t0;
        }
    }

    private static void restore(Path dir, CliCase c) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        for (String f : c.fixtures()) {
            Fixtures.copy(f, dir);
        }
        for (Map.Entry<String, String> e : c.files().entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue().replace(CliCase.DIR, dir.toString()).getBytes(StandardCharsets.UTF_8));
        }
        cleanWorkingDirectory(Worker.shared().workingDirectory());
    }

    private static synchronized void record(String text) {
        if (COLLECT == null) {
            return;
        }
        try {
            Files.write(Path.of(COLLECT), (text + "\n\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and directory under the roots, with size and modification time. */
    static Map<String, String> listing(Path... roots) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    m.put(p.toString(), a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime().toMillis());
                }
            }
        }
        return m;
    }

    private static void cleanWorkingDirectory(Path cwd) throws IOException {
        try (Stream<Path> list = Files.list(cwd)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                deleteTree(p);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
