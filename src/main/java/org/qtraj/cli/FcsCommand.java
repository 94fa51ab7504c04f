package org.qtraj.cli;

import org.qtraj.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.fcs.Fcs;
import org.qtraj.fcs.FcsExact;
import org.qtraj.fcs.FcsFiles;
import org.qtraj.fcs.FcsResult;
import org.qtraj.fcs.FcsSettings;
import org.qtraj.model.Chain;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.CountCumulants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qtraj fcs}: full counting statistics from trajectories beside the exact cumulants. */
@Command(name = "fcs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Full counting statistics of the net count (absorptions - emissions) at one bath,",
            "from quantum or classical trajectories: the scaled cumulants kappa_1..3 and the Fano",
            "factor, as k-statistics of the counts per window divided by the window length, +- the",
            "delete-one jackknife error, beside the exact value (tilted generator, when the chain is",
            "small enough) and the z-score. Here --target-error applies to cumulant_1, and the default",
            "times are t_burn = 2 and t_total = 202 relaxation times. --histograms DIR writes waiting-time",
            "and count histograms (HdrHistogram logs and CSV), --plot also PNG plots."})
public final class FcsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    SimulationOptions simulation = new SimulationOptions();

    @Option(names = "--quantum", description = "Quantum trajectories (the default).")
    boolean quantum;

    @Option(names = "--classical", description = "Gillespie trajectories of the classical exclusion process.")
    boolean classical;

    @Option(names = "--window", paramLabel = "T", description = "Cut each trajectory's averaging window into windows of"
            + " length T (e.g. one long trajectory: --trajectories 1 --t-total ...); default one window per trajectory.")
    Double window;

    @Option(names = "--counting-bath", paramLabel = "BATH", defaultValue = "left",
            description = "left | right (default ${DEFAULT-VALUE}).")
    String countingBath;

    @Option(names = "--histograms", paramLabel = "DIR", description = "Write the histograms (HdrHistogram logs, CSV) into DIR.")
    Path histograms;

    @Option(names = "--plot", description = "Also write PNG plots into the --histograms DIR.")
    boolean plot;

    @Mixin
    OutputOptions output = new OutputOptions();
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (quantum && classical) {
            throw new InvalidInputException("classical", "give at most one of --quantum and --classical");
        }
        if (plot && histograms == null) {
            throw new InvalidInputException("plot", "needs --histograms DIR to write the plots into");
        }
        FcsSettings fcs = new FcsSettings(FcsSettings.parseBath(countingBath), window == null ? Double.NaN : window);
        Chain chain = model.chain();
        SimulationSettings settings = simulation.settings(Fcs.COUNT_RATE);
        FcsExact exact = exactOrNull(chain, fcs.bath());
        double[] k = exact == null ? null : exact.cumulants();
        FcsResult r;
        try (ProgressBars bar = ProgressBars.open(classical ? "classical" : "trajectories", settings.stop().maxTrajectories())) {
            r = classical ? Fcs.classical(chain, settings, fcs, bar.listener()) : Fcs.quantum(chain, settings, fcs, bar.listener());
        }
        for (String w : r.warnings()) {
            spec.commandLine().getErr().println("qtraj: warning: " + w);
        }
        spec.commandLine().getErr().flush();
        List<Path> files = new ArrayList<>();
        if (histograms != null) {
            files.addAll(FcsFiles.write(histograms, r, exact));
            if (plot) {
                List<FcsFiles.WaitingBins> bins = new ArrayList<>();
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        FcsFiles.WaitingBins wb = FcsFiles.waitingBins(r.data(), a, b, exact);
                        if (wb != null) {
                            bins.add(wb);
                        }
                    }
                }
                files.addAll(FcsPlots.write(histograms, r, bins, k));
            }
        }
        output.emit(spec.commandLine().getOut(), document(r, k, files), table(r, k, files));
        return ExitCodes.OK;
    }

    /** The exact references when the generator takes the chain (else none: the estimates stand alone). */
    private FcsExact exactOrNull(Chain chain, int bath) {
        try {
            return FcsExact.of(chain, classical, bath);
        } catch (InvalidInputException e) {
            spec.commandLine().getErr().println("qtraj: note: no exact reference (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String[] names() {
        return new String[] {"cumulant_1", "cumulant_2", "cumulant_3", "fano"};
    }

    private static Estimate estimate(FcsResult r, int i) {
        return i < 3 ? r.cumulant(i + 1) : r.fano();
    }

    private static double exactValue(double[] k, int i) {
        return k == null ? Double.NaN : i < 3 ? k[i] : k[1] / k[0];
    }

    private static double z(Estimate e, double exact) {
        return (e.value() - exact) / e.error();
    }

    private static Map<String, Object> document(FcsResult r, double[] k, List<Path> files) {
        Map<String, Object> m = new LinkedHashMap<>(r.toMap());
        String[] names = names();
        Map<String, Object> est = new LinkedHashMap<>();
        Map<String, Object> err = new LinkedHashMap<>();
        Map<String, Object> ex = new LinkedHashMap<>();
        Map<String, Object> zs = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Estimate e = estimate(r, i);
            est.put(names[i], e.value());
            err.put(names[i], e.error());
            if (k != null) {
                ex.put(names[i], exactValue(k, i));
                zs.put(names[i], z(e, exactValue(k, i)));
            }
        }
        m.put("estimate", est);
        m.put("error", err);
        m.put("exact", ex);
        m.put("z", zs);
        m.put("files", files.stream().map(Path::toString).toList());
        return m;
    }

    private static String table(FcsResult r, double[] k, List<Path> files) {
        StringBuilder sb = new StringBuilder();
        Tables.row(sb, "method", r.method());
        Tables.row(sb, "sites", Integer.toString(r.sites()));
        Tables.row(sb, "counting bath", r.bath() == 0 ? "left" : "right");
        Tables.row(sb, "trajectories", r.trajectories() + " (stopped on " + r.stopReason().replace('_', ' ') + ")");
        Tables.row(sb, "windows", String.format(Locale.ROOT, "%d per trajectory of T = %.6g in [%.6g, %.6g]; %d counts",
                r.windows(), r.window(), r.tBurn(), r.tTotal(), r.data().counts().size()));
        Tables.row(sb, "seed", Long.toString(r.seed()));
        Tables.row(sb, "errors", "delete-one jackknife");
        sb.append(String.format(Locale.ROOT, "%n%-12s %15s %11s %15s %7s%n", "cumulant", "trajectories", "error", "exact", "z"));
        String[] names = names();
        for (int i = 0; i < names.length; i++) {
            Estimate e = estimate(r, i);
            double x = exactValue(k, i);
            sb.append(String.format(Locale.ROOT, "%-12s %15.9g %11.3g %15s %7s%n", names[i], e.value(), e.error(),
                    k == null ? "" : String.format(Locale.ROOT, "%.9g", x),
                    k == null ? "" : String.format(Locale.ROOT, "%.2f", z(e, x))));
        }
        if (!files.isEmpty()) {
            Tables.row(sb, "files", files.size() + " in " + files.get(0).toAbsolutePath().getParent());
        }
        Tables.row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s on %d threads", r.elapsedSeconds(), r.threads()));
        return sb.toString();
    }
}
