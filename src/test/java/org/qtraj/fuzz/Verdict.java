package org.qtraj.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property every command line must have, whatever its input (issue "No run that never ends, no NaN, no internal
 * error"):
 * <ul>
 *   <li>it ends within the case's time;</li>
 *   <li>exit code 0 or 2 (3 only for crosscheck), never 1, and nothing escapes {@code Main.execute};</li>
 *   <li>no stack trace anywhere (no line with a tab-"at " frame or naming an Exception), unless --verbose;</li>
 *   <li>on exit 2: exactly one line "qtraj: FIELD: what is allowed" on stderr (picocli's usage errors add one
 *       "Try 'qtraj ... --help'" line; "qtraj: warning:" and "qtraj: note:" lines may come before it), and nothing
 *       written: the case directory and the worker's current directory are as they were;</li>
 *   <li>on exit 0 (and 3): with --json, stdout is one JSON document whose numbers are all finite, and null only
 *       where {@link #NULL_ALLOWED} says a value may be missing; the --out file is that document; a table shows no
 *       NaN or Infinity (exact's and status's; the stochastic commands' tables show z-scores and errors that may be
 *       NaN or infinite by design); stderr has only "qtraj: warning/note:" lines; a run directory's results.jsonl and
 *       manifest.json obey the same rules for numbers;</li>
 *   <li>nothing is printed on System.out/System.err directly (a command prints on the streams it was given).</li>
 * </ul>
 */
final class Verdict {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * JSON paths (dot-separated keys, [] for any list index) where a result document may hold null, each a
     * quantity the code documents as NaN in some case (rendered null, since JSON has no NaN): a z-score
     * (stats.Estimate.z: NaN without an error bar, +-infinity for an exact value off its reference), a standard error
     * of fewer than two samples (stats.MeanVar), an exact reference or its method where none applies, fcs's
     * k-statistics and jackknife errors of too few counts (stats.CountCumulants) and its lag-1 autocorrelation of
     * fewer than three windows (stats.LagCorrelation), a cross-check row without a reference, a Fano factor
     * cumulant_2/cumulant_1 at zero mean current (0/0), the same k-statistics, offsets and ratios of fcs's window-offset
     * fit (top level and in a run's result, per ensemble too), cloning's
     * theta_bias with one population size (also in a run's results.jsonl), and anything under a manifest's "spec" (the run spec as
     * written, where null is the user's). Nothing else may be
     * null: a heat current, a population, a time or a count that is null is a NaN or an infinity the run produced.
     */
    static final List<Pattern> NULL_ALLOWED = Stream.of(
            "exact_method", "exact(\\..*)?", "z(\\..*)?", ".*\\.stderr", "relaxation\\.(exact_method|max_abs_z)",
            "relaxation\\.exact(\\[\\])*", "relaxation\\.stderr(\\[\\])*",
            "lag1_autocorrelation", "estimate\\..*", "error\\..*",
            "rows\\[\\]\\.(reference|z|error)",
            "z\\[\\]", "(result\\.)?theta_bias\\[\\]", "exact_theta", "(.*\\.)?fano", "spec(\\..*)?",
            "(result\\.)?window_offset\\..*", "result\\.(estimate|error)\\..*",
            "(result\\.)?ensembles\\[\\]\\.(estimate\\..*|error\\..*|lag1_autocorrelation)")
            .map(Pattern::compile).toList();

    /** What kind of problem a case showed; {@link KnownIssues} match on it. */
    enum Kind {
        TIMEOUT, CRASH, EXIT_CODE, STACK_TRACE, REFUSAL_MESSAGE, WROTE_ON_REFUSAL, NON_FINITE, BAD_JSON, OUT_FILE,
        TABLE_NON_FINITE, STDERR_ON_SUCCESS, SYSTEM_STREAMS
    }

    /** One problem of one case. */
    record Problem(Kind kind, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    private Verdict() {
    }

    /** The problems of {@code outcome} (null: timed out) of case {@code c} run in {@code dir}. */
    static List<Problem> judge(CliCase c, Worker.Outcome outcome, Path dir, Map<String, String> before,
            Map<String, String> after, long timeoutMillis) {
        List<Problem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(new Problem(Kind.TIMEOUT, "no answer within " + timeoutMillis + " ms" + (KnownIssues.expectsTimeout(c) ? ""
                    : " (the second try, on a fresh worker; the first had half that)")));
            return problems;
        }
        if (outcome.code() < 0) {
            problems.add(new Problem(Kind.CRASH, firstLines(outcome.escaped(), 6)));
            return problems;
        }
        boolean verbose = c.hasOption("--verbose");
        boolean help = c.has("-h") || c.hasOption("--help") || c.has("-V") || c.hasOption("--version")
                || c.command().equals("help") || c.command().isEmpty();
        int code = outcome.code();
        boolean crosscheck = c.command().equals("crosscheck");
        if (!(code == 0 || code == 2 || (code == 3 && crosscheck))) {
            problems.add(new Problem(Kind.EXIT_CODE, "exit " + code + ": " + firstLines(outcome.err(), 3)));
        }
        if (!verbose) {
            for (String stream : new String[] {outcome.err(), outcome.out(), outcome.systemErr(), outcome.systemOut()}) {
                String trace = stackTraceLine(stream);
                if (trace != null) {
                    problems.add(new Problem(Kind.STACK_TRACE, trace));
                    break;
                }
            }
        }
        if (!outcome.systemOut().isEmpty() || !outcome.systemErr().isEmpty()) {
            problems.add(new Problem(Kind.SYSTEM_STREAMS, "printed on System.out/err instead of the command's streams: "
                    + firstLines(outcome.systemOut() + outcome.systemErr(), 2)));
        }
        if (code == 2) {
            String why = refusalMessageProblem(outcome.err(), verbose);
            if (why != null) {
                problems.add(new Problem(Kind.REFUSAL_MESSAGE, why));
            }
        }
        if (code != 0 && code != 3 && !before.equals(after)) {
            problems.add(new Problem(Kind.WROTE_ON_REFUSAL, "exit " + code + " but files changed: " + difference(before, after)));
        }
        if (code == 0 || code == 3) {
            successProblems(c, outcome, dir, help, problems);
        }
        return problems;
    }

    private static void successProblems(CliCase c, Worker.Outcome outcome, Path dir, boolean help, List<Problem> problems) {
        for (String line : outcome.err().lines().toList()) {
            boolean disagreement = c.command().equals("crosscheck") && outcome.code() == 3 && line.startsWith("qtraj: ");
            if (!line.isBlank() && !line.startsWith("qtraj: warning: ") && !line.startsWith("qtraj: note: ") && !disagreement) {
                problems.add(new Problem(Kind.STDERR_ON_SUCCESS, "exit " + outcome.code() + " with stderr line: " + line));
                break;
            }
        }
        if (help) {
            return;
        }
        boolean json = c.args().stream().anyMatch(a -> a.equals("--json") || a.equalsIgnoreCase("--json=true"));
        String out = outcome.out();
        if (json) {
            checkJson("stdout", out, problems);
        } else if (Set.of("exact", "status").contains(c.command())) {
            // (the tables of the stochastic commands show z-scores and errors, which may be NaN or infinite by design)
            for (String line : out.lines().toList()) {
                if (line.matches(".*\\b(NaN|-?Infinity)\\b.*")) {
                    problems.add(new Problem(Kind.TABLE_NON_FINITE, "table line: " + line.strip()));
                    break;
                }
            }
        }
        String outFile = c.value("--out");
        if (outFile != null && Set.of("exact", "simulate", "classical", "fcs", "cloning", "crosscheck", "bench").contains(c.command())) {
            Path f = Path.of(outFile.replace(CliCase.DIR, dir.toString()));
            if (!f.isAbsolute()) {
                f = Worker.shared().workingDirectory().resolve(f);
            }
            try {
                String text = Files.readString(f);
                checkJson("--out " + f.getFileName(), text, problems);
                if (json && !text.equals(out)) {
                    problems.add(new Problem(Kind.OUT_FILE, "the --out file differs from the --json document"));
                }
            } catch (IOException e) {
                problems.add(new Problem(Kind.OUT_FILE, "exit " + outcome.code() + " but --out " + f + " not readable: " + e));
            }
        }
        if (c.command().equals("run") && outFile != null && !c.hasOption("--dry-run")) {
            Path run = Path.of(outFile.replace(CliCase.DIR, dir.toString()));
            if (!run.isAbsolute()) {
                run = Worker.shared().workingDirectory().resolve(run);
            }
            checkRunDirectory(run, problems);
        }
    }

    private static void checkRunDirectory(Path run, List<Problem> problems) {
        try {
            checkJson("manifest.json", Files.readString(run.resolve("manifest.json")), problems);
            int n = 0;
            for (String line : Files.readAllLines(run.resolve("results.jsonl"))) {
                n++;
                if (!line.isBlank()) {
                    checkJson("results.jsonl line " + n, line, problems);
                }
            }
            String csv = Files.readString(run.resolve("results.csv"));
            if (csv.matches("(?s).*\\b(NaN|-?Infinity)\\b.*")) {
                problems.add(new Problem(Kind.TABLE_NON_FINITE, "results.csv holds NaN or Infinity"));
            }
        } catch (IOException e) {
            problems.add(new Problem(Kind.OUT_FILE, "exit 0 but the run directory is incomplete: " + e));
        }
    }

    static void checkJson(String what, String text, List<Problem> problems) {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (IOException e) {
            problems.add(new Problem(Kind.BAD_JSON, what + " is not one JSON document: " + firstLines(e.getMessage(), 1)));
            return;
        }
        if (root == null || root.isMissingNode()) {
            problems.add(new Problem(Kind.BAD_JSON, what + " is empty"));
            return;
        }
        List<String> bad = new ArrayList<>();
        walk(root, "", bad);
        if (!bad.isEmpty()) {
            problems.add(new Problem(Kind.NON_FINITE, what + ": " + String.join(", ", bad.subList(0, Math.min(6, bad.size())))
                    + (bad.size() > 6 ? " (" + bad.size() + " in all)" : "")));
        }
    }

    private static void walk(JsonNode node, String path, List<String> bad) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), bad);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path + "[]", bad);
            }
        } else if (node.isNull()) {
            String p = path;
            if (NULL_ALLOWED.stream().noneMatch(allowed -> allowed.matcher(p).matches())) {
                bad.add(path + " = null");
            }
        } else if (node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                bad.add(path + " = " + node.asText());
            }
        }
    }

    /** Null if {@code err} is the one-line refusal the conventions ask for, else what is wrong with it. */
    static String refusalMessageProblem(String err, boolean verbose) {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        List<String> main = new ArrayList<>();
        boolean tryLine = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("qtraj: warning: ") || l.startsWith("qtraj: note: ")) {
                continue;
            }
            if (l.startsWith("Try 'qtraj") && i == lines.size() - 1 && !main.isEmpty()) {
                tryLine = true;
                continue;
            }
            main.add(l);
        }
        if (verbose) {
            // a stack trace comes first; the message is the last line (before a Try line)
            if (main.isEmpty() || !main.get(main.size() - 1).startsWith("qtraj: ")) {
                return "exit 2 under --verbose without a final 'qtraj: ' line: " + firstLines(err, 4);
            }
            return null;
        }
        if (main.size() != 1) {
            return "exit 2 with " + main.size() + " message lines (want one 'qtraj: ' line" + (tryLine ? " and the Try line" : "")
                    + "): " + firstLines(err, 4);
        }
        String m = main.get(0);
        if (!m.startsWith("qtraj: ")) {
            return "exit 2 with a line not starting 'qtraj: ': " + m;
        }
        String body = m.substring("qtraj: ".length());
        if (body.isBlank() || body.equals("null") || body.startsWith("null") || body.contains("internal error")) {
            return "exit 2 with an empty or internal message: " + m;
        }
        if (!tryLine && !body.matches("[^\\s:]+: .*\\S.*")) {
            // qtraj's own refusals name the field first ("qtraj: --sites: must be ..."); picocli's have the Try line
            return "exit 2 without the field first ('qtraj: FIELD: what is allowed'): " + m;
        }
        return null;
    }

    /** The first line that looks like a stack trace (a frame, or a line naming an Exception), or null. */
    static String stackTraceLine(String text) {
        for (String l : text.lines().toList()) {
            if (l.contains("\tat ") || l.startsWith("at ") || l.contains("Exception") || l.matches(".*\\bjava\\.lang\\.\\w*Error\\b.*")) {
                return l.strip();
            }
        }
        return null;
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> d = new ArrayList<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                d.add((before.containsKey(k) ? "changed " : "new ") + k);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> d.add("deleted " + k));
        return String.join(", ", d.subList(0, Math.min(5, d.size()))) + (d.size() > 5 ? " (" + d.size() + " in all)" : "");
    }

    static String firstLines(String text, int n) {
        if (text == null) {
            return "";
        }
        List<String> lines = text.lines().limit(n).toList();
        return String.join(" | ", lines);
    }
}
