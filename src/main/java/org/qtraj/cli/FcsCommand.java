package org.qtraj.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.QuickReference;
import org.qtraj.fcs.Fcs;
import org.qtraj.fcs.FcsComparison;
import org.qtraj.fcs.FcsExact;
import org.qtraj.fcs.FcsFiles;
import org.qtraj.fcs.FcsResult;
import org.qtraj.fcs.FcsSettings;
import org.qtraj.fcs.OffsetComparison;
import org.qtraj.fcs.WindowOffset;
import org.qtraj.io.AtomicFiles;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.trajectory.DephasingJumps;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qtraj fcs}: full counting statistics from trajectories beside the exact cumulants.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "fcs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Full counting statistics of the net count (absorptions - emissions) at one bath,",
            "from quantum or classical trajectories: the scaled cumulants kappa_1..3 and the Fano",
            "factor, as k-statistics of the counts per window divided by the window length, +- the",
            "delete-one jackknife error, beside the exact value (tilted generator, when the chain is",
            "small enough) and the z-score. Here --target-error applies to cumulant_1, and the default",
            "times are t_burn = 2 and t_total = 202 relaxation times. --histograms DIR writes waiting-time",
            "and count histograms (HdrHistogram logs and CSV), --plot also PNG plots."})
public final class FcsCommand extends EnsembleCommand {
    @Option(names = "--quantum", description = "Quantum trajectories (the default).")
    boolean quantum;

    @Option(names = "--classical", description = "Gillespie trajectories of the classical exclusion process.")
    boolean classical;

    @Option(names = "--engine", paramLabel = "ENGINE", description = {"Quantum trajectories on sector (N <= 24), gaussian",
        "(XX chains, D = 0, any N) or auto (gaussian for XX chains from " + QuantumEngine.AUTO_GAUSSIAN_SITES
            + " sites on). Default: ${DEFAULT-VALUE}."})
    String engine = "sector";

    @Option(names = "--dephasing-jumps", paramLabel = "KIND", description = {"How quantum trajectories unravel the",
        "dephasing: projective (jumps sqrt(gamma) n_k) or phase-flip (sqrt(gamma/4) sigma^z_k, the same master",
        "equation: the same means and bath-count statistics, far cheaper on the gaussian engine; the per-trajectory",
        "entanglement_entropy and jump_rate are those of the unravelling). Gaussian engine only. Default: ${DEFAULT-VALUE}."})
    String dephasingJumps = "projective";

    @Option(names = "--window", paramLabel = "T", description = "Cut each trajectory's averaging window into windows of"
            + " length T (e.g. one long trajectory: --trajectories 1 --t-total ...); default one window per trajectory.")
    Double window;

    @Option(names = "--window-offset", paramLabel = "T1,T2[,...]", description = {"Correct the finite-window offset",
        "(counts in a window T estimate T kappa + c): one independent ensemble per window length, each",
        "trajectory's averaging window cut into windows of T_i; kappa_k is the slope of the k-statistics",
        "against T (two lengths: the difference quotient), the Fano factor uses the pooled count rate."})
    String windowOffset;

    @Option(names = "--counting-bath", paramLabel = "BATH",
            description = "left | right, or a named bath: where the jumps are counted (default: the first bath, left for a chain).")
    String countingBath;

    @Option(names = "--histograms", paramLabel = "DIR", description = "Write the histograms (HdrHistogram logs, CSV) into DIR.")
    Path histograms;

    @Option(names = "--plot", description = "Also write PNG plots into the --histograms DIR.")
    boolean plot;

    /**
     * Runs the counting ensemble, prints the cumulants beside their exact values, warns about distrusted error bars
     * and writes the histogram files and plots if asked.
     *
     * @return {@link ExitCodes#OK}; a bad option or model throws {@link org.qtraj.errors.InvalidInputException}
     *         ({@link ExitCodes#BAD_INPUT} via {@link Main})
     */
    @Override
    int execute() throws Exception {
        if (quantum && classical) {
            throw new InvalidInputException("classical", "give at most one of --quantum and --classical");
        }
        if (plot && histograms == null) {
            throw new InvalidInputException("plot", "needs --histograms DIR to write the plots into");
        }
        String why = histograms == null ? null : AtomicFiles.refusal(histograms.resolve("waiting-times.csv"));
        if (why != null) {
            throw new InvalidInputException("histograms", why);
        }
        double[] offsetWindows = windowOffset == null ? null : offsetWindows(windowOffset);
        if (offsetWindows != null && window != null) {
            throw new InvalidInputException("window_offset", "gives the window lengths itself; drop --window");
        }
        if (offsetWindows != null && histograms != null) {
            throw new InvalidInputException("window_offset", "writes no histograms; drop --histograms");
        }
        Chain chain = chain();
        int bathIndex = FcsSettings.bathIndex(chain, countingBath);
        FcsSettings fcs = new FcsSettings(bathIndex, window == null ? Double.NaN : window, chain.bathName(bathIndex));
        QuantumEngine quantumEngine = QuantumEngine.of(engine);
        if (classical && quantumEngine != QuantumEngine.SECTOR) {
            throw new InvalidInputException("engine", "chooses the quantum-trajectory engine; --classical has its own");
        }
        DephasingJumps jumps = DephasingJumps.of(dephasingJumps);
        if (classical && jumps != DephasingJumps.PROJECTIVE) {
            throw new InvalidInputException("dephasing_jumps", "unravels quantum trajectories; --classical has no jump"
                    + " operators");
        }
        SimulationSettings settings = simulation.settings(Fcs.COUNT_RATE).toBuilder().quantumEngine(quantumEngine)
                .dephasingJumps(jumps).build();
        Engine engine = classical ? Engine.CLASSICAL : Engine.QUANTUM;
        if (offsetWindows != null) {
            return corrected(engine, chain, settings, fcs, offsetWindows);
        }
        FcsResult r = withProgress(engine, settings, bar -> Fcs.run(engine, chain, settings, fcs, bar));
        // after the run: a refusal of the trajectories' settings comes alone, not after a note about the reference
        FcsExact exact = exactOrNull(chain, fcs.bath(), settings.threads());
        r.warnings().forEach(this::warn);
        FcsComparison comparison = new FcsComparison(r, exact == null ? null : exact.cumulants());
        List<Path> files = new ArrayList<>();
        if (histograms != null) {
            files.addAll(FcsFiles.write(histograms, r, exact));
            if (plot) {
                files.addAll(FcsPlots.write(histograms, r, FcsFiles.allWaitingBins(r.data(), exact), comparison.exact()));
            }
        }
        return emit(comparison.toMap(files), table(comparison, files));
    }

    /**
     * Parses T1,T2[,...] into window lengths.
     *
     * @throws InvalidInputException naming window_offset unless each is a number and there are at least two
     */
    static double[] offsetWindows(String text) {
        String[] parts = text.split(",", -1);
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("window_offset", "must be two or more window lengths T1,T2,... (times > 0), got '"
                        + text + "'");
            }
        }
        try {
            Fcs.checkWindows(w);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("window_offset", e.getMessage().substring(e.field().length() + 2));
        }
        return w;
    }

    /** The offset-corrected run: one ensemble per window, the fit, the table or JSON. */
    private int corrected(Engine engine, Chain chain, SimulationSettings settings, FcsSettings fcs, double[] windows)
            throws Exception {
        List<FcsResult> runs;
        try {
            runs = withProgress(engine, settings, bar -> Fcs.windowOffset(engine, chain, settings, fcs, windows, bar));
        } catch (InvalidInputException e) {
            if (!e.field().equals("window")) {
                throw e;
            }
            throw new InvalidInputException("window_offset", e.getMessage().substring(e.field().length() + 2));
        }
        WindowOffset w = WindowOffset.fit(runs);
        FcsExact exact = exactOrNull(chain, fcs.bath(), settings.threads());
        for (FcsResult r : runs) {
            // short windows cut from one trajectory are meant here (the offset is what the fit removes), so plain fcs's
            // advice of a longer window does not apply; what is left to say is what the correlation does to the errors
            double lag = r.data().lag().r();
            if (r.windows() > 1 && Math.abs(r.data().lag().z()) > FcsResult.LAG_Z_LIMIT) {
                warn(String.format(Locale.ROOT, "window %s: adjacent windows are correlated (lag-1 r = %.3f); the jackknife"
                        + " treats them as independent, so the errors of k_2 and k_3 are off by a relative O(r^2) = %.1g",
                        num(r.window()), lag, lag * lag));
            }
        }
        OffsetComparison c = new OffsetComparison(runs, w, exact == null ? null : exact.cumulants());
        return emit(c.toMap(), offsetTable(c, settings.seed()));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The exact references when the generator takes the chain (else none: the estimates stand alone). */
    private FcsExact exactOrNull(Chain chain, int bath, int threads) {
        if (!QuickReference.countingIsQuick(chain, classical)) {
            spec.commandLine().getErr().println("qtraj: note: no exact reference (the tilted generator at N = "
                    + chain.sites() + " takes more than a few seconds; qtraj exact --noise computes it)");
            return null;
        }
        try {
            return FcsExact.of(chain, classical, bath, threads);
        } catch (InvalidInputException e) {
            spec.commandLine().getErr().println("qtraj: note: no exact reference (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String table(FcsComparison c, List<Path> files) {
        FcsResult r = c.result();
        StringBuilder sb = new StringBuilder();
        Tables.row(sb, "method", r.method());
        Tables.row(sb, "sites", Integer.toString(r.sites()));
        Tables.row(sb, "counting bath", r.bathName());
        Tables.row(sb, "trajectories", r.trajectories() + " (stopped on " + r.stopReason().replace('_', ' ') + ")");
        Tables.row(sb, "windows", String.format(Locale.ROOT, "%d per trajectory of T = %.6g in [%.6g, %.6g]; %d counts",
                r.windows(), r.window(), r.tBurn(), r.tTotal(), r.data().counts().size()));
        Tables.row(sb, "seed", Long.toString(r.seed()));
        Tables.row(sb, "errors", "delete-one jackknife");
        sb.append(String.format(Locale.ROOT, "%n%-12s %15s %11s %15s %7s%n", "cumulant", "trajectories", "error", "exact", "z"));
        for (int i = 0; i < FcsComparison.NAMES.size(); i++) {
            Estimate e = c.estimate(i);
            double x = c.exactValue(i);
            sb.append(String.format(Locale.ROOT, "%-12s %15.9g %11.3g %15s %7s%n", FcsComparison.NAMES.get(i), e.value(),
                    e.error(), c.hasExact() ? String.format(Locale.ROOT, "%.9g", x) : "",
                    c.hasExact() ? String.format(Locale.ROOT, "%.2f", e.z(x)) : ""));
        }
        if (!files.isEmpty()) {
            Tables.row(sb, "files", files.size() + " in " + files.get(0).toAbsolutePath().getParent());
        }
        Tables.row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s on %d threads", r.elapsedSeconds(), r.threads()));
        return sb.toString();
    }

    private static String offsetTable(OffsetComparison c, long seed) {
        FcsResult first = c.ensembles().get(0);
        StringBuilder sb = new StringBuilder();
        Tables.row(sb, "method", first.method() + ", offset-corrected over " + c.ensembles().size() + " window lengths");
        Tables.row(sb, "sites", Integer.toString(first.sites()));
        Tables.row(sb, "counting bath", first.bathName());
        Tables.row(sb, "seed", seed + " (ensemble i from the derived seed (seed, i))");
        Tables.row(sb, "errors", "delete-one jackknife per ensemble, propagated through the fit");
        sb.append(String.format(Locale.ROOT, "%n%10s %8s %7s %13s %11s %13s %11s %13s %11s%n", "window T", "trajs",
                "windows", "k_1/T", "error", "k_2/T", "error", "k_3/T", "error"));
        for (FcsResult r : c.ensembles()) {
            sb.append(String.format(Locale.ROOT, "%10.5g %8d %7d %13.6g %11.3g %13.6g %11.3g %13.6g %11.3g%n", r.window(),
                    r.trajectories(), r.windows(), r.cumulant(1).value(), r.cumulant(1).error(), r.cumulant(2).value(),
                    r.cumulant(2).error(), r.cumulant(3).value(), r.cumulant(3).error()));
        }
        sb.append(String.format(Locale.ROOT, "%n%-12s %15s %11s %15s %7s %13s %11s%n", "corrected", "trajectories", "error",
                "exact", "z", "offset c_k", "error"));
        for (int i = 0; i < OffsetComparison.NAMES.size(); i++) {
            Estimate e = c.estimate(i);
            double x = c.exactValue(i);
            String off = i < 3 ? String.format(Locale.ROOT, "%13.6g %11.3g", c.offset().offset(i + 1).value(),
                    c.offset().offset(i + 1).error()) : "";
            sb.append(String.format(Locale.ROOT, "%-12s %15.9g %11.3g %15s %7s %s%n", OffsetComparison.NAMES.get(i),
                    e.value(), e.error(), c.hasExact() ? String.format(Locale.ROOT, "%.9g", x) : "",
                    c.hasExact() ? String.format(Locale.ROOT, "%.2f", e.z(x)) : "", off).stripTrailing()).append('\n');
        }
        sb.append("(cumulant_1: the pooled count rate, no offset in the steady state; fano = cumulant_2/cumulant_1;"
                + " ratio_3 = cumulant_3/cumulant_1)\n");
        double elapsed = 0;
        for (FcsResult r : c.ensembles()) {
            elapsed += r.elapsedSeconds();
        }
        Tables.row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s on %d threads", elapsed, first.threads()));
        return sb.toString();
    }
}
