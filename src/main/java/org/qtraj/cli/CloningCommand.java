package org.qtraj.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.QuickReference;
import org.qtraj.exact.counting.ClassicalGenerator;
import org.qtraj.exact.counting.CountingGenerator;
import org.qtraj.exact.counting.LargeDeviations;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.fcs.Cloning;
import org.qtraj.fcs.CloningResult;
import org.qtraj.fcs.CloningSettings;
import org.qtraj.fcs.FcsSettings;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.stats.Estimate;
import org.qtraj.trajectory.Unravelling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qtraj cloning}: theta(s) by population dynamics beside the exact leading eigenvalue. A command of its own
 * rather than an option of {@code fcs}: it has no trajectory count, target error or counting window (the options
 * that make fcs), and its own (populations, sizes, step), so neither command carries options the other ignores.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "cloning", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The scaled cumulant generating function theta(s) = lim (1/t) ln <exp(s N_t)> of the net",
            "count N_t at one bath by population dynamics (cloning): M clones evolved for --step, weighted by",
            "exp(s K) for their count increment K, resampled; theta = time average of ln(mean weight)/step after",
            "the burn-in. Independent populations give the error; with several --clones sizes the means are",
            "extrapolated in 1/M and the bias of the largest population is reported beside the error. The",
            "exact theta (leading eigenvalue of the tilted generator) is shown where the chain is small."})
public final class CloningCommand extends ModelCommand {
    @Option(names = "--quantum", description = "Quantum-jump trajectories (the default).")
    boolean quantum;

    @Option(names = "--classical", description = "Gillespie trajectories of the classical exclusion process.")
    boolean classical;

    @Option(names = "--fields", paramLabel = "S", defaultValue = "-1:1:5",
            description = "Counting field s, or a grid S_MIN:S_MAX:K, |s| <= 10 (default ${DEFAULT-VALUE}).")
    String fields;

    @Option(names = "--clones", paramLabel = "M", defaultValue = "50,100,200",
            description = "Population size(s) M1,M2,... (increasing, 2..100000; default ${DEFAULT-VALUE}).")
    String clones;

    @Option(names = "--populations", paramLabel = "R", defaultValue = "10",
            description = "Independent populations per size and field, 2..10000 (default ${DEFAULT-VALUE}).")
    int populations;

    @Option(names = "--step", paramLabel = "DT", description = "Time between resamplings (default 0.5 / (G (2 nbar + 1))"
            + " of the counting bath).")
    Double step;

    @Option(names = "--t-total", paramLabel = "T", description = "Length of each population's run (default: t_burn + 20"
            + " relaxation times).")
    Double tTotal;

    @Option(names = "--t-burn", paramLabel = "B", description = "Burn-in before theta is averaged (default 2 relaxation"
            + " times; 0 with --t-total).")
    Double tBurn;

    @Option(names = "--counting-bath", paramLabel = "BATH",
            description = "left | right, or a named bath (default: the first bath, left for a chain).")
    String countingBath;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Master seed; population i uses the stream (S, i) (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: all cores); the numbers do not"
            + " depend on it.")
    Integer threads;

    @Option(names = "--tolerance", paramLabel = "TOL", description = "Integration tolerance of the quantum trajectories"
            + " (default 1e-9).")
    Double tolerance;

    /**
     * Runs the populations and prints theta per field with its error, bias estimate and the exact value.
     *
     * @return {@link ExitCodes#OK}; bad input throws {@link InvalidInputException} before any work
     */
    @Override
    int execute() throws Exception {
        if (quantum && classical) {
            throw new InvalidInputException("classical", "give at most one of --quantum and --classical");
        }
        Chain chain = chain();
        int bath = FcsSettings.bathIndex(chain, countingBath);
        CloningSettings settings = new CloningSettings(CloningSettings.parseFields(fields),
                CloningSettings.parseSizes(clones), populations, step == null ? Double.NaN : step,
                tBurn == null ? Double.NaN : tBurn, tTotal == null ? Double.NaN : tTotal, bath);
        int k = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        double tol = tolerance == null ? Unravelling.DEFAULT_TOLERANCE : tolerance;
        Engine engine = classical ? Engine.CLASSICAL : Engine.QUANTUM;
        CloningResult r = Cloning.run(engine, chain, settings, seed, k, tol, null);
        double[] exact = exactOrNull(chain, bath, settings.fields(), k);
        Map<String, Object> doc = new LinkedHashMap<>(r.toMap());
        doc.put("counting_bath", chain.bathName(bath));
        doc.put("exact_theta", exact);
        double[] z = null;
        if (exact != null) {
            z = new double[exact.length];
            for (int f = 0; f < exact.length; f++) {
                z[f] = r.theta(f).z(exact[f]);
            }
        }
        doc.put("z", z);
        return emit(doc, table(r, chain.bathName(bath), exact, z));
    }

    /** The exact theta(s) where the tilted generator is quick, else null with a note. */
    private double[] exactOrNull(Chain chain, int bath, double[] s, int threads) {
        if (!QuickReference.countingIsQuick(chain, classical)) {
            spec.commandLine().getErr().println("qtraj: note: no exact reference (the tilted generator at N = "
                    + chain.sites() + " is not quick; qtraj exact --theta computes it)");
            return null;
        }
        try {
            CountingGenerator g = classical ? ClassicalGenerator.of(chain, chain.baths()[bath])
                    : QuantumCountingGenerator.of(chain, bath, threads);
            LargeDeviations.Point[] p = LargeDeviations.theta(g, s);
            double[] t = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                t[i] = p[i].theta();
            }
            return t;
        } catch (InvalidInputException e) {
            spec.commandLine().getErr().println("qtraj: note: no exact reference (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String table(CloningResult r, String bathName, double[] exact, double[] z) {
        StringBuilder sb = new StringBuilder();
        CloningSettings c = r.settings();
        int[] sizes = c.sizes();
        double[] s = c.fields();
        Tables.row(sb, "method", "cloning (" + r.engine().key() + ")");
        Tables.row(sb, "sites", Integer.toString(r.sites()));
        Tables.row(sb, "counting bath", bathName);
        Tables.row(sb, "clones", java.util.Arrays.toString(sizes).replaceAll("[\\[\\]]", "") + "; " + c.populations()
                + " populations each");
        Tables.row(sb, "times", String.format(Locale.ROOT, "step %.6g, t_burn %.6g, t_total %.6g (averaged over %.6g)",
                r.step(), r.tBurn(), r.tTotal(), r.measuredTime()));
        Tables.row(sb, "seed", Long.toString(r.seed()));
        sb.append(String.format(Locale.ROOT, "%n%8s %14s %10s %10s %14s %10s %14s %7s%n", "s", "theta", "error", "bias",
                "theta(M=" + sizes[sizes.length - 1] + ")", "error", "exact", "z"));
        for (int f = 0; f < s.length; f++) {
            Estimate t = r.theta(f);
            Estimate big = r.bySize(sizes.length - 1, f);
            sb.append(String.format(Locale.ROOT, "%8.4g %14.7g %10.3g %10s %14.7g %10.3g %14s %7s%n", s[f], t.value(),
                    t.error(), sizes.length > 1 ? String.format(Locale.ROOT, "%.3g", r.bias(f)) : "",
                    big.value(), big.error(),
                    exact == null ? "" : String.format(Locale.ROOT, "%.9g", exact[f]),
                    exact == null ? "" : Double.isFinite(z[f]) ? String.format(Locale.ROOT, "%.2f", z[f]) : "-"));
        }
        if (sizes.length > 1) {
            sb.append("(theta: extrapolated to M = infinity in 1/M; bias: theta(M=" + sizes[sizes.length - 1]
                    + ") minus the extrapolation)\n");
        }
        Tables.row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s on %d threads", r.elapsedSeconds(), r.threads()));
        return sb.toString();
    }
}
