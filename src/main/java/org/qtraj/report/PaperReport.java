package org.qtraj.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.qtraj.errors.InvalidInputException;

/**
 * The paper reproduced from run directories (runs/paper-*.yaml): draws each figure (PNG and SVG) and writes
 * REPORT.md with a "paper says / qtraj finds / independent evidence / agree?" table ({@link Claims}) and a closing
 * note listing the verdicts changed since the report was refereed (issue 18). Each run directory is recognised by
 * its spec name (paper-fig2, paper-fig2-trajectories, paper-fig2-classical, paper-fig3, paper-fig3-trajectories,
 * paper-fig3-classical, paper-fig4, paper-disorder, paper-disorder-check, paper-disorder-seeds, paper-appendixB,
 * relaxation); a missing one leaves its section out and says so. Each section is a class of its own
 * ({@link Fig2Section}, {@link Fig3Section}, {@link Fig4Section}, {@link DisorderSection}, {@link AppendixBSection},
 * {@link RelaxationFigure}, {@link FmoSection}, {@link FluctuationsSection}, {@link LargeNFluctuationsSection}) that returns its markdown and adds its rows to the table; a new section slots in beside
 * them in {@link #write}. Exact curves come from records of exact methods; records of the Fig. 2 and Fig. 3 runs whose
 * heat_current has samples or an error bar are overlaid as points with error bars ({@link SampledOverlay}).
 *
 * <p>Thread-safety: {@link #write} is a static entry point; each call builds its own report object, confined to the
 * calling thread, so calls writing to different directories may run concurrently.
 */
public final class PaperReport {
    static final String HEAT = "heat_current";
    /** Axis title of the heat current: hbar = k_B = 1, so J is an energy (hbar omega) per unit time (1/G, G the bath rate). */
    static final String J_UNITS = "J (units of hbar omega G)";
    /** Axis title of the hot temperature. */
    static final String T_UNITS = "T_1 (units of hbar omega / k_B)";
    /** What the figures' units and error bars are, for each section. */
    static final String UNITS_NOTE = "Units: hbar = k_B = 1 and omega = g = G = V = 1, so J is in units of hbar omega G (energy hbar omega "
            + "per bath time 1/G), T in units of hbar omega/k_B, rates (gamma, gamma_1) in units of G. Error bars: 1 sigma, the "
            + "standard error of the mean over independent trajectories (sample standard deviation / sqrt(number of "
            + "trajectories)), each trajectory contributing its time average over the window [t_burn, t_total]; exact curves "
            + "have none.";

    private final Path out;
    private final Claims claims = new Claims();
    private final StringBuilder body = new StringBuilder();
    private final SampledLog sampledPresent = new SampledLog();

    private PaperReport(Path out) {
        this.out = out;
    }

    /**
     * Writes the figures and REPORT.md for the given runs into the directory {@code given}.
     *
     * @param runs  the run directories read, in any order; recognised by spec name
     * @param given the directory for REPORT.md and the figures (created if needed)
     * @return the path of REPORT.md
     * @throws InvalidInputException (field directory) if {@code given} cannot be created, before anything is written
     * @throws IOException if a file cannot be written
     */
    public static Path write(List<RunResults> runs, Path given) throws IOException {
        // "a/missing/../b" is a/b: Files.createDirectories makes a/b, but the files written into it would be looked up
        // through a/missing, which does not exist
        Path out = given.normalize();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            // refused before anything is drawn: a path under a file, a place that cannot be written, ...
            throw new InvalidInputException("directory", "cannot create the report directory " + out + " (" + reason(e) + ")");
        }
        PaperReport r = new PaperReport(out);
        Map<String, RunResults> byName = new LinkedHashMap<>();
        for (RunResults run : runs) {
            byName.put(run.name(), run);
        }
        if (byName.containsKey("paper-fig2")) {
            r.body.append(Fig2Section.write(byName.get("paper-fig2"), byName.get("paper-fig2-trajectories"),
                    byName.get("paper-fig2-classical"), out, r.claims, r.sampledPresent));
        }
        if (byName.containsKey("paper-fig3")) {
            r.body.append(Fig3Section.write(byName.get("paper-fig3"), byName.get("paper-fig3-trajectories"),
                    byName.get("paper-fig3-classical"), out, r.claims, r.sampledPresent));
        }
        if (byName.containsKey("paper-fig4")) {
            r.body.append(Fig4Section.write(byName.get("paper-fig4"), out, r.claims));
        }
        if (byName.containsKey("paper-disorder")) {
            r.body.append(DisorderSection.write(byName.get("paper-disorder"), byName.get("paper-disorder-check"),
                    byName.get("paper-disorder-seeds"), out, r.claims));
        }
        if (byName.containsKey("paper-appendixB")) {
            r.body.append(AppendixBSection.write(byName.get("paper-appendixB"), out, r.claims));
        }
        if (byName.containsKey("relaxation")) {
            r.body.append(RelaxationFigure.write(byName.get("relaxation"), out));
        }
        if (byName.containsKey(FmoSection.EXACT)) {
            r.body.append(FmoSection.write(byName, out));
        }
        if (byName.containsKey(FluctuationsSection.QUANTUM) || byName.containsKey(FluctuationsSection.CLASSICAL)) {
            r.body.append(FluctuationsSection.write(byName, out));
        }
        if (byName.containsKey(LargeNFluctuationsSection.QUANTUM) || byName.containsKey(LargeNFluctuationsSection.QUANTUM_64)
                || byName.containsKey(LargeNFluctuationsSection.QUANTUM_32_DEPHASED)
                || byName.containsKey(LargeNFluctuationsSection.CLASSICAL)) {
            r.body.append(LargeNFluctuationsSection.write(byName, out));
        }
        return r.finish(runs);
    }

    /** Why a directory could not be made, in words (no exception class names). */
    private static String reason(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : "";
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way: " + file;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + file;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory: " + file;
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (file.isEmpty() ? "" : ": " + file);
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Draws a figure's exact curves on its two panels, then the sampled points of its exact run (normally none)
     * and of its two sampled-point runs ({@code <name>-trajectories}, {@code <name>-classical}, null when not
     * given) over them, and lists them in {@code sampledPresent} for REPORT.md.
     *
     * @return the overlay, for its table and its agreement figures
     */
    static SampledOverlay overlay(String x, RunResults exactRun, RunResults trajectories, RunResults classicalSim,
                                  SampledOverlay.Panel quantum, SampledOverlay.Panel classical, SampledLog sampledPresent) {
        quantum.drawCurves();
        classical.drawCurves();
        SampledOverlay sampled = new SampledOverlay(x, quantum, classical);
        sampled.add(exactRun.name(), exactRun);
        sampled.add(exactRun.name() + "-trajectories", trajectories);
        sampled.add(exactRun.name() + "-classical", classicalSim);
        sampledPresent.add(sampled);
        return sampled;
    }

    /** Least squares of 1/J = A + B N: {A, B, largest relative residual of J}. */
    static double[] linear(double[] n, double[] j) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = n.length;
        for (int i = 0; i < m; i++) {
            double y = 1 / j[i];
            sx += n[i];
            sy += y;
            sxx += n[i] * n[i];
            sxy += n[i] * y;
        }
        double b = (sxy - sx * sy / m) / (sxx - sx * sx / m);
        double a = (sy - b * sx) / m;
        double worst = 0;
        for (int i = 0; i < m; i++) {
            worst = Math.max(worst, Math.abs(1 / (a + b * n[i]) - j[i]) / j[i]);
        }
        return new double[] {a, b, worst};
    }

    // ---------------------------------------------------------------- output

    private Path finish(List<RunResults> runs) throws IOException {
        StringBuilder md = new StringBuilder("# The paper reproduced\n\n");
        md.append("Generated by `qtraj report` from these run directories (see `analysis/README.md` for the command):\n\n");
        for (RunResults r : runs) {
            md.append(String.format(Locale.ROOT, "- `%s`: spec `%s`, status %s, %d records%n", r.dir(), r.name(), r.status(), r.records().size()));
        }
        java.util.Set<String> known = new TreeSet<>(List.of("paper-fig2", "paper-fig2-trajectories", "paper-fig2-classical", "paper-fig3",
                "paper-fig3-trajectories", "paper-fig3-classical", "paper-fig4", "paper-disorder", "paper-disorder-check",
                "paper-disorder-seeds", "paper-appendixB", "relaxation"));
        known.addAll(FmoSection.SPECS);
        known.addAll(FluctuationsSection.SPECS);
        known.addAll(LargeNFluctuationsSection.SPECS);
        for (RunResults r : runs) {
            known.remove(r.name());
        }
        if (!known.isEmpty()) {
            md.append("\nNot given (sections left out): ").append(String.join(", ", known)).append(".\n");
        }
        md.append("\nTrajectory / classical-simulation points (records with sampled heat currents, drawn with error bars). Error bars "
                + "are 1 sigma: the standard error of the mean over independent trajectories (sample standard deviation / sqrt(number "
                + "of trajectories)), each trajectory contributing one number, its time average over the window [t_burn, t_total]. "
                + "Correlations in time within a trajectory are inside that one number, so they do not shrink or inflate the error; "
                + "a window too short for relaxation would bias the mean (raising |z|), not the error. z = (sampled - exact)/error; "
                + "with independent points, sum z^2 is chi^2 with one degree of freedom per point (nothing is fitted), and both "
                + "tails are given: a small P(chi^2 <= observed) would say the error bars are too large.\n\n");
        if (sampledPresent.summaries().isEmpty()) {
            md.append("- none looked for (no Fig. 2 or Fig. 3 run given)\n");
        }
        for (String s : sampledPresent.summaries()) {
            md.append("- ").append(s).append('\n');
        }
        String combined = sampledPresent.combined();
        if (!combined.isEmpty()) {
            md.append("\n").append(combined).append(".\n");
        }
        md.append("\n## Paper says / qtraj finds\n\n\"Independent evidence\" names methods other than the one behind \"qtraj finds\" "
                + "and the agreement they reach; \"paper says\" quotes the paper or paraphrases it, and never gives a number the "
                + "paper does not print. Verdicts: yes, no, partly, or \"not a test\" when the paper leaves free what decides the "
                + "match.\n\n");
        md.append(claims.table());
        md.append('\n').append(body);
        md.append("## Closing note: verdicts changed after refereeing (issue 18)\n\n");
        String changes = claims.changes(List.of("Sec. VI.A cross-check (correlation solver = Liouvillian, qtraj internal, yes): not a claim of "
                + "the paper; it is now independent evidence in the disorder rows"));
        md.append(changes.isEmpty() ? "None.\n" : changes).append('\n');
        Path p = out.resolve("REPORT.md");
        Files.writeString(p, md.toString(), StandardCharsets.UTF_8);
        return p;
    }

    static boolean isOneOrUnswept(double v) {
        return Double.isNaN(v) || v == 1;
    }

    static boolean isZeroOrUnswept(double v) {
        return Double.isNaN(v) || v == 0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    static String fmt9(double v) {
        return String.format(Locale.ROOT, "%.9f", v);
    }

}
