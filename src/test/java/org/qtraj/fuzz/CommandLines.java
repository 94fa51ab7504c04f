package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.qtraj.cli.Main;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * Generated command lines for every command: the options are read from the commands' picocli model (so a new option
 * is fuzzed as soon as it exists, and {@link #value} must know it: OptionCatalogTest), each given a valid value, an
 * edge value or junk, in the forms "--x v", "--x=v", "--x" without its value, or twice; with unknown options and
 * stray words mixed in. Then the work is bounded ({@link #bound}): a small chain and at most 50 trajectories unless
 * the case fuzzes exactly those options, in which case the others stay small. Stateless.
 */
final class CommandLines {
    /** Commands with their own options; help is fuzzed by the global forms. */
    static final List<String> COMMANDS = List.of("exact", "simulate", "classical", "fcs", "cloning", "crosscheck", "run", "status",
            "merge", "report", "bench");
    static final Set<String> ENSEMBLE = Set.of("simulate", "classical", "fcs", "crosscheck");

    private static final String D = CliCase.DIR;

    private CommandLines() {
    }

    /** Arguments plus the files they refer to. */
    record Tokens(List<String> args, Map<String, String> files, List<String> fixtures) {
        Tokens {
            args = List.copyOf(args);
            files = Map.copyOf(files);
            fixtures = List.copyOf(fixtures);
        }

        static Tokens of(String... args) {
            return new Tokens(List.of(args), Map.of(), List.of());
        }

        Tokens plus(Tokens t) {
            List<String> a = new ArrayList<>(args);
            a.addAll(t.args);
            Map<String, String> f = new LinkedHashMap<>(files);
            f.putAll(t.files);
            List<String> x = new ArrayList<>(fixtures);
            t.fixtures.stream().filter(n -> !x.contains(n)).forEach(x::add);
            return new Tokens(a, f, x);
        }
    }

    /** The picocli model of every command, by name. */
    static Map<String, CommandSpec> specs() {
        CommandLine cl = new CommandLine(new Main());
        Map<String, CommandSpec> m = new TreeMap<>();
        cl.getSubcommands().forEach((name, sub) -> m.put(name, sub.getCommandSpec()));
        return m;
    }

    /** The options of {@code command} the fuzzer varies: all but --help and --version (those come by themselves). */
    static List<OptionSpec> options(String command) {
        return specs().get(command).options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .toList();
    }

    /** Cases for {@code command}: up to 4 of its options fuzzed, then bounded. */
    static Arbitrary<CliCase> cases(String command) {
        return cases(command, 0);
    }

    /**
     * Cases for {@code command} with at least {@code minFuzzed} fuzzed options (bench: 1, since a bench that runs
     * takes seconds whatever its options).
     */
    static Arbitrary<CliCase> cases(String command, int minFuzzed) {
        List<Arbitrary<Tokens>> each = new ArrayList<>();
        for (OptionSpec o : options(command)) {
            each.add(option(command, o));
        }
        Arbitrary<Tokens> one = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.oneOf(each)),
                Tuple.of(1, stray(command)));
        Arbitrary<List<Tokens>> fuzzed = one.list().ofMinSize(minFuzzed).ofMaxSize(4);
        Arbitrary<Tokens> positional = positionals(command);
        Arbitrary<Budget> budget = Budget.arbitrary();
        Arbitrary<Boolean> json = Arbitraries.of(true, true, true, false);
        return Combinators.combine(positional, fuzzed, budget, json).as((p, f, b, j) -> {
            Tokens t = Tokens.of(command).plus(p);
            for (Tokens x : f) {
                t = t.plus(x);
            }
            t = bound(command, t, f, b);
            List<String> args = new ArrayList<>(t.args());
            if (j && specs().get(command).findOption("--json") != null && !args.contains("--json")) {
                args.add("--json");
            }
            return new CliCase(command, args, t.files(), t.fixtures());
        });
    }

    /** Cases with the global forms: help, version, --verbose, no command, unknown commands. */
    static Arbitrary<CliCase> globalCases() {
        Arbitrary<List<String>> lines = Arbitraries.oneOf(
                Arbitraries.of(List.of(), List.of("--help"), List.of("-h"), List.of("--version"), List.of("-V"),
                        List.of("help"), List.of("help", "exact"), List.of("help", "nosuch"), List.of("nosuch"),
                        List.of("--verbose"), List.of("EXACT"), List.of("exact", "extra"), List.of("--json"),
                        List.of(""), List.of("\u0000"), List.of("--verbose", "exact", "--sites", "x")),
                Arbitraries.of(COMMANDS).flatMap(c -> Arbitraries.of(List.of(c, "--help"), List.of(c, "-h"),
                        List.of(c, "--version"), List.of("help", c), List.of(c, "--help", "--sites", "x"),
                        List.of(c, "--help=true"), List.of(c, "--help", "--help"))));
        return lines.map(l -> new CliCase(l.isEmpty() ? "" : l.get(0).equals("--verbose") && l.size() > 1 ? l.get(1)
                : l.get(0).startsWith("-") ? "" : l.get(0), l, Map.of(), List.of()));
    }

    /** Unknown options and stray words. */
    private static Arbitrary<Tokens> stray(String command) {
        return Arbitraries.of("--sitez", "--SITES", "-s", "--json=yes", "---", "--", "foo", "-", "--out=", "--model=",
                "--verbose", "--no-json", "-x", "--trajectories=", "--=1", "\u2014sites", "--sites\u00a0").map(Tokens::of);
    }

    /** One option of {@code command} in one of its forms. */
    static Arbitrary<Tokens> option(String command, OptionSpec o) {
        String name = o.longestName();
        if (name.equals("--networks") || name.equals("--gaussian-one-percent")) {
            // bench --networks solves the 12-site grid (minutes, 4 GiB) and --gaussian-one-percent runs N = 100 to 1 %
            // (10 to 15 minutes), both by request: drawn as absent, like --model
            return Arbitraries.just(Tokens.of());
        }
        if (o.arity().max() == 0) {
            return Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just(Tokens.of(name))),
                    Tuple.of(1, Arbitraries.of("true", "false", "maybe", "").map(v -> Tokens.of(name + "=" + v))),
                    Tuple.of(1, Arbitraries.just(Tokens.of(name, name))));
        }
        Arbitrary<Tokens> value = value(command, name);
        return Arbitraries.frequencyOf(
                Tuple.of(16, value.map(v -> new Tokens(List.of(name, v.args().get(0)), v.files(), v.fixtures()))),
                Tuple.of(2, value.map(v -> new Tokens(List.of(name + "=" + v.args().get(0)), v.files(), v.fixtures()))),
                Tuple.of(1, Arbitraries.just(Tokens.of(name))),
                Tuple.of(1, Combinators.combine(value, value).as((a, b) -> new Tokens(
                        List.of(name, a.args().get(0), name, b.args().get(0)), merge(a.files(), b.files()), a.fixtures()))));
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** The positional parameters of {@code command} (run: SPEC; status, merge, report: directories). */
    static Arbitrary<Tokens> positionals(String command) {
        List<PositionalParamSpec> ps = specs().get(command).positionalParameters();
        if (ps.isEmpty()) {
            return Arbitraries.just(Tokens.of());
        }
        return switch (command) {
            case "run" -> Arbitraries.frequencyOf(
                    Tuple.of(8, RunSpecs.specFiles().map(text -> new Tokens(List.of(D + "/spec.yaml"), Map.of("spec.yaml", text), List.of()))),
                    Tuple.of(1, paths().map(Tokens::of)),
                    Tuple.of(1, Arbitraries.just(Tokens.of())));
            case "status", "merge", "report" -> Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.of(Fixtures.NAMES).list().ofMinSize(1).ofMaxSize(3)
                            .map(names -> new Tokens(names.stream().map(n -> D + "/" + n).toList(), Map.of(), names))),
                    Tuple.of(1, paths().map(Tokens::of)),
                    Tuple.of(1, Arbitraries.just(Tokens.of())));
            default -> throw new IllegalStateException("no generator for the positional parameters of " + command);
        };
    }

    /** Paths for any file or directory option: in the case directory, odd names, unwritable places, relative. */
    static Arbitrary<String> paths() {
        return Arbitraries.of(D + "/new.json", D + "/sub/dir/new.json", D, D + "/", D + "/\u00fc\ud83d\ude42.json",
                D + "/new.json/", D + "/a b.json", "", " ", "relative.json", "/proc/qtraj-forbidden/x.json",
                D + "/nosuch/../new.json", D + "/\u0000.json", D + "/" + "x".repeat(300) + ".json", "-", ".");
    }

    /**
     * A value for option {@code name} of {@code command}, as one-token {@link Tokens} (with files it needs).
     *
     * @throws IllegalStateException for an option this table does not know (add it)
     */
    static Arbitrary<Tokens> value(String command, String name) {
        Arbitrary<String> v = switch (name) {
            // model options
            // valid chains up to 8 sites (9 to 12 are the Liouvillian's: minutes by request), then past its limit
            case "--sites" -> command.equals("bench") ? intList("2", "2,3", "3") : Values.integers("2", "3", "4", "5",
                    "1", "6", "8", "13", "17", "31", "32", "64");
            case "--omega" -> Values.doubles("1", "0.5", "2", "0.1", "10");
            case "--coupling" -> Values.doubles("1", "0.5", "0", "-1", "2");
            case "--anisotropy" -> Values.doubles("0", "0.5", "1", "-1", "2");
            case "--dephasing" -> Values.doubles("0", "0.1", "0.5", "1", "3");
            case "--rate-left", "--rate-right" -> Values.doubles("1", "0.5", "2", "0.1", "5");
            case "--temp-left", "--temp-right" -> Values.doubles("0", "0.5", "1", "2", "10");
            case "--hopping" -> Values.doubles("1", "0.5", "2", "0.1");
            case "--model" -> null;
            // networks: small shapes (a dark mode or too many sites is refused with exit 2), then bad shapes
            case "--network" -> Values.texts(List.of("chain", "ring", "star", "complete", "grid:2x2", "ladder:2x3",
                    "grid:1x3"), "fmo", "grid", "grid:0x3", "grid:3", "ring:3", "hexagon", "", "grid:99999x99999",
                    "ladder:2x-1", "GRID:2X2");
            case "--bath" -> Values.texts(List.of("left:1:1:1", "right:2:1:0", "hot:1:1:2", "cold:2:0.5:0"),
                    "a:9:1:1", "a:1:1", "a:1:-1:1", "a:1:1:-1", ":1:1:1", "1a:1:1:1", "a:x:1:1", "a:1:NaN:1",
                    "a:1:1:Infinity", "a:1:1e300:1", "");
            // output
            // exact and simulate: --plot FILE (the network picture); fcs: --plot is a switch
            case "--plot" -> command.equals("fcs") ? Arbitraries.of("true", "false")
                    : Values.texts(List.of(D + "/net.svg", D + "/net.png", D + "/sub/dir/net.SVG"), D + "/net.pdf", D,
                    D + "/net.svg/", "/proc/qtraj-forbidden/x.svg", "", D + "/file.txt/x.png");
            case "--json", "--noise", "--quantum", "--classical", "--resume", "--dry-run", "--verbose" ->
                    Arbitraries.of("true", "false");
            case "--out" -> null;
            // ensembles
            case "--trajectories" -> Values.integers("1", "2", "5", "10", "30", "50");
            case "--target-error" -> Values.texts(List.of("0.1", "0.05", "1e-3", "10%", "50%", "5%", " 20% "),
                    "0", "-1", "0%", "-5%", "%", "1e-300", "1e300", "NaN", "Infinity", "1%%", "1e999%", "0x1p-3");
            case "--time-limit" -> Values.doubles("0.2", "0.5", "1", "0.01");
            case "--t-total" -> Values.doubles("1", "5", "10", "20", "100", "1000");
            case "--t-burn" -> Values.doubles("0", "0.5", "1", "2");
            case "--seed" -> Values.integers("1", "0", "42", "-7", "9223372036854775807", "-9223372036854775808");
            case "--threads" -> Values.integers("1", "2", "3", "4");
            case "--tolerance" -> Values.doubles("1e-9", "1e-6", "1e-3", "0.01");
            case "--times" -> Values.texts(List.of("0,1,2", "0:5:6", "0.5,1", "1", "0:2:3", "0:1:11", "0.1,0.2,0.3"),
                    "0", "0:0:2", "5:1:3", "0:1:1", "0:1:2.5", "0:1:1e9", "0:1:1e300", "0:1:2147483648", "1,1", "2,1",
                    "-1,1", "0:1", "a,b", ",", "1,,2", "0:1e300:3", "0:1e-300:2", "0:1:NaN", "NaN:1:3", "0:Infinity:3",
                    "0:1:3:4", "1e308,1.7976931348623157E308", ":::", "0,1e-320");
            case "--initial-state" -> Values.texts(List.of("1", "10", "01", "11", "100", "0"),
                    "", "2", "abc", "1".repeat(40), " 1 ", "1 0", "0b1", "-1", "\u0661");
            // exact
            case "--method" -> Values.texts(List.of("auto", "closed", "correlation", "liouvillian", "rate"),
                    "AUTO", "Rate", "", "exact", "auto ", "liouvillian,rate", "cl");
            case "--counting-bath" -> Values.texts(List.of("left", "right"), "LEFT", " right ", "center", "", "l", "0",
                    "hot", "cold");
            case "--order" -> Values.texts(List.of("1", "2", "3", "5", "10"), "0", "-1", "11", "1e9", "2.5", "", "x");
            case "--theta" -> Values.texts(List.of("-1:1:3", "-0.5:0.5:5"), "1:-1:3", "0:0:3", "-1:1:1", "NaN:1:3",
                    "-1e300:1:3", "-1:1:1e9", "a:b:c", "", "-1:1");
            // simulate
            case "--engine" -> Values.texts(List.of("sector", "gaussian", "auto"), "SECTOR", "", "gauss", "both", " auto");
            case "--dephasing-jumps" -> Values.texts(List.of("projective", "phase-flip"), "PHASE-FLIP", "", "phase_flip",
                    "sigma-z", " projective", "flip");
            // fcs
            case "--window" -> Values.doubles("1", "2", "5", "0.5", "0.1");
            case "--window-offset" -> Values.texts(List.of("1,2", "0.5,2", "1,2,4"), "1", "2,2", "1,x", "-1,2", "1,NaN",
                    "", ",", "1,1e300");
            case "--fields" -> Values.texts(List.of("0.5", "-1", "0", "-1:1:3", "-0.5:0.5:2"), "11", "-10.5", "1:-1:3",
                    "-1:1:1", "NaN", "a:b:c", "", "1:2", "0:1:1002");
            case "--clones" -> intList("2", "5", "10", "2,4", "3,6,9");
            case "--cloning" -> intList("2,10", "3,5", "2,8");
            case "--populations" -> Values.integers("2", "3", "5");
            case "--step" -> Values.doubles("0.1", "0.5", "1", "0.25");
            case "--histograms" -> null;
            // run
            case "--shard" -> Values.texts(List.of("1/1", "1/2", "2/2", "1/3"), "0/1", "2/1", "1/0", "-1/2", "a/b",
                    "1/2147483648", "1/", "/", "1/2/3", "2147483647/2147483647", " 1 / 1 ", "1//1", "0/0");
            case "--checkpoint-seconds" -> Values.doubles("0.1", "1", "5", "60");
            // bench
            case "--classical-sites" -> intList("10", "10,20", "4");
            case "--gaussian-sites" -> intList("2", "2,3", "4");
            case "--exact-sites" -> intList("2", "2,3", "3", "13");
            // no large finite --seconds: a bench of 1e300 s is long by request
            case "--seconds" -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of("0.001", "0.002", "0.005")),
                    Tuple.of(2, Arbitraries.of("0", "-1", "NaN", "Infinity", "-Infinity", "1e-300", "4.9e-324", "-0", "1e999",
                            "abc", "", " ", "\n", "0x1p-10", "1,5")));
            default -> throw new IllegalStateException("the fuzz table has no values for " + command + " " + name
                    + ": add it to CommandLines.value");
        };
        if (v != null) {
            return v.map(Tokens::of);
        }
        return switch (name) {
            case "--model" -> Arbitraries.frequencyOf(
                    Tuple.of(6, ModelTexts.modelFiles().map(f -> new Tokens(List.of(D + "/" + f.get1()), Map.of(f.get1(), f.get2()), List.of()))),
                    Tuple.of(1, paths().map(Tokens::of)),
                    Tuple.of(1, Arbitraries.of("empty.yaml", "dir.yaml").map(n -> new Tokens(List.of(D + "/" + n),
                            n.equals("empty.yaml") ? Map.of(n, "") : Map.of(n + "/x", ""), List.of()))));
            case "--out" -> {
                boolean directory = Set.of("run", "merge", "report").contains(command);
                Arbitrary<String> fresh = Arbitraries.of(directory ? D + "/out" : D + "/out.json");
                yield Arbitraries.frequencyOf(
                        Tuple.of(6, fresh.map(Tokens::of)),
                        Tuple.of(3, paths().map(Tokens::of)),
                        Tuple.of(1, Arbitraries.just(new Tokens(List.of(D + "/file.txt/x"), Map.of("file.txt", "x"), List.of()))),
                        Tuple.of(1, Arbitraries.of(Fixtures.NAMES).map(n -> new Tokens(List.of(D + "/" + n), Map.of(), List.of(n)))));
            }
            case "--histograms" -> Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(Tokens.of(D + "/hist"))),
                    Tuple.of(2, paths().map(Tokens::of)),
                    Tuple.of(1, Arbitraries.just(new Tokens(List.of(D + "/file.txt"), Map.of("file.txt", "x"), List.of()))));
            default -> throw new IllegalStateException(name);
        };
    }

    private static Arbitrary<String> intList(String... valid) {
        return Values.texts(List.of(valid), "", ",", "0", "-1", "1", "2,,3", "2, 3", "1000000", "2147483648", "a",
                "2;3", "NaN", "1e1");
    }

    /** The budget of a case: drawn once, used for whatever the fuzzed options leave unbounded. */
    record Budget(int trajectories, int sites, String tTotal, boolean withTTotal, int threads) {
        static Arbitrary<Budget> arbitrary() {
            return Combinators.combine(Arbitraries.integers().between(1, 50), Arbitraries.integers().between(2, 4),
                    Arbitraries.of("1", "2", "5", "10"), Arbitraries.of(true, false), Arbitraries.integers().between(1, 2))
                    .as(Budget::new);
        }
    }

    /**
     * Adds what keeps the case small, for the options the case does not fuzz itself: simulate, classical, fcs and
     * crosscheck get at most 50 trajectories (a time limit of 1 s when --trajectories itself is fuzzed) and, unless
     * --sites or --model is fuzzed, 2 to 4 sites (when --sites is fuzzed, at most 3 trajectories and a short
     * trajectory); exact gets 2 to 4 sites; bench tiny --seconds, --sites 2, --classical-sites 10 and --exact-sites 2; run 1 or 2
     * threads.
     */
    static Tokens bound(String command, Tokens t, List<Tokens> fuzzed, Budget b) {
        List<String> args = t.args();
        boolean sites = has(args, "--sites");
        boolean model = has(args, "--model");
        List<String> add = new ArrayList<>();
        if (ENSEMBLE.contains(command)) {
            if (!has(args, "--trajectories")) {
                add.addAll(List.of("--trajectories", Integer.toString(sites || model ? Math.min(3, b.trajectories())
                        : command.equals("fcs") || command.equals("crosscheck") ? Math.min(20, b.trajectories()) : b.trajectories())));
            } else if (!has(args, "--time-limit")) {
                add.addAll(List.of("--time-limit", "1"));
            }
            if (!sites && !model) {
                add.addAll(List.of("--sites", Integer.toString(b.sites())));
            }
            if (!has(args, "--t-total") && !has(args, "--t-burn") && (b.withTTotal() || sites || model
                    || has(args, "--window") || has(args, "--window-offset") || command.equals("fcs"))) {
                add.addAll(List.of("--t-total", b.tTotal()));
            }
            if (!has(args, "--threads")) {
                add.addAll(List.of("--threads", Integer.toString(b.threads())));
            }
        } else if (command.equals("cloning")) {
            boolean clones = has(args, "--clones");
            if (!clones) {
                add.addAll(List.of("--clones", Integer.toString(Math.min(5, b.trajectories() + 1))));
            }
            if (!has(args, "--populations")) {
                add.addAll(List.of("--populations", "2"));
            }
            if (!has(args, "--fields")) {
                add.addAll(List.of("--fields", "0.5"));
            }
            if (!sites && !model) {
                add.addAll(List.of("--sites", Integer.toString(b.sites())));
            }
            if (!has(args, "--t-total") && !has(args, "--t-burn")) {
                // a fuzzed --clones may be an edge of 10^5 clones: then one short step of the classical engine
                add.addAll(List.of("--t-total", clones ? "0.2" : b.tTotal()));
            }
            if (clones && !has(args, "--step")) {
                add.addAll(List.of("--step", "0.2"));
            }
            if (clones && !has(args, "--quantum") && !has(args, "--classical")) {
                add.add("--classical");
            }
            if (!has(args, "--threads")) {
                add.addAll(List.of("--threads", Integer.toString(b.threads())));
            }
        } else if (command.equals("exact")) {
            if (!sites && !model) {
                add.addAll(List.of("--sites", Integer.toString(b.sites())));
            }
        } else if (command.equals("bench")) {
            if (!has(args, "--seconds")) {
                add.addAll(List.of("--seconds", "0.001"));
            }
            if (!sites) {
                add.addAll(List.of("--sites", "2"));
            }
            if (!has(args, "--classical-sites")) {
                add.addAll(List.of("--classical-sites", "10"));
            }
            if (!has(args, "--gaussian-sites")) {
                add.addAll(List.of("--gaussian-sites", "2"));
            }
            if (!has(args, "--exact-sites")) {
                add.addAll(List.of("--exact-sites", "2"));
            }
        } else if (command.equals("run")) {
            if (!has(args, "--threads")) {
                add.addAll(List.of("--threads", Integer.toString(b.threads())));
            }
            if (!has(args, "--out") && b.withTTotal()) {
                add.addAll(List.of("--out", D + "/out"));
            }
        } else if (command.equals("merge") || command.equals("report")) {
            if (!has(args, "--out") && b.withTTotal()) {
                add.addAll(List.of("--out", D + "/out"));
            }
        }
        return t.plus(new Tokens(add, Map.of(), List.of()));
    }

    static boolean has(List<String> args, String flag) {
        return args.stream().anyMatch(a -> a.equals(flag) || a.startsWith(flag + "="));
    }
}
