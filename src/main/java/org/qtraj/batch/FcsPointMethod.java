package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.fcs.Fcs;
import org.qtraj.fcs.FcsResult;
import org.qtraj.fcs.FcsSettings;
import org.qtraj.fcs.OffsetComparison;
import org.qtraj.fcs.WindowOffset;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;
import org.qtraj.trajectory.DephasingJumps;
import org.qtraj.trajectory.Unravelling;

/**
 * {@code {method: fcs, engine: sector|gaussian|auto|classical, window_relaxations: [x_1, x_2, ...] | windows: [T_1,
 * T_2, ...], windows_per_trajectory: K, burn_relaxations: B, trajectories: M, counting_bath: left|right, seed: S}}:
 * offset-corrected counting statistics from trajectories ({@link Fcs#windowOffset}, {@link WindowOffset}) at every
 * point. One independent ensemble of M trajectories per window length; window lengths either absolute
 * ({@code windows}) or in units of the point's relaxation-time estimate t_relax ({@code window_relaxations}; quantum
 * or classical estimate of {@link RelaxationTimes} by engine), so that one entry serves chains of any length; each
 * trajectory burns in for B t_relax (default 1) and then counts over K times the longest window (default 4), cut into
 * windows of each length. Observables: cumulant_1 (the pooled count rate), cumulant_2, cumulant_3 (the fitted
 * slopes) and fano (cumulant_2/cumulant_1), each only where it and its error are defined (too few counts leave a
 * k-statistic undefined); results.jsonl has the offsets, kappa_3/kappa_1 and every ensemble's
 * uncorrected estimates. Defaults: engine gaussian, 200 trajectories, the left bath, the unit's derived seed.
 *
 * <p>Not resumable mid-point: an interrupted point runs again from its start (the finished points of the run are
 * kept). Stateless and thread-safe.
 */
public final class FcsPointMethod implements PointMethod {
    /** Most window lengths per entry. */
    static final int MAX_WINDOWS = 10;

    private final String label;
    private final Engine engine;
    private final QuantumEngine quantumEngine;
    private final double[] windows;
    private final boolean relative;
    private final double perTrajectory;
    private final double burn;
    private final long trajectories;
    private final String bathName;
    private final String bathField;
    private final Long seed;
    private final DephasingJumps dephasingJumps;

    private FcsPointMethod(String label, Engine engine, QuantumEngine quantumEngine, double[] windows, boolean relative,
                           double perTrajectory, double burn, long trajectories, String bathName, String bathField,
                           Long seed, DephasingJumps dephasingJumps) {
        this.dephasingJumps = dephasingJumps;
        this.label = label;
        this.engine = engine;
        this.quantumEngine = quantumEngine;
        this.windows = windows;
        this.relative = relative;
        this.perTrajectory = perTrajectory;
        this.burn = burn;
        this.trajectories = trajectories;
        this.bathName = bathName;
        this.bathField = bathField;
        this.seed = seed;
    }

    /** Binds a spec entry, checking its values. */
    public static FcsPointMethod of(MethodEntry e) {
        String engineText = e.text("engine").orElse("gaussian");
        Engine engine = engineText.equals("classical") ? Engine.CLASSICAL : Engine.QUANTUM;
        QuantumEngine quantum = QuantumEngine.SECTOR;
        if (engine == Engine.QUANTUM) {
            try {
                quantum = QuantumEngine.of(engineText);
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(e.field("engine"), "must be sector, gaussian, auto or classical, got '"
                        + engineText + "'");
            }
        }
        boolean hasAbsolute = e.params().containsKey("windows");
        boolean hasRelative = e.params().containsKey("window_relaxations");
        if (hasAbsolute == hasRelative) {
            throw new InvalidInputException(e.field("windows"), "give exactly one of windows and window_relaxations");
        }
        String key = hasAbsolute ? "windows" : "window_relaxations";
        double[] w = numbers(e, key);
        try {
            Fcs.checkWindows(w);
        } catch (InvalidInputException x) {
            throw new InvalidInputException(e.field(key), x.getMessage().replaceFirst("^window: ", ""));
        }
        double k = e.number("windows_per_trajectory").orElse(4);
        if (!(k >= 1 && k <= 1e6 && k == Math.rint(k))) {
            throw new InvalidInputException(e.field("windows_per_trajectory"), "must be an integer from 1 to 10^6, got " + k);
        }
        double b = e.number("burn_relaxations").orElse(1);
        if (!(b >= 0 && b <= 1e3)) {
            throw new InvalidInputException(e.field("burn_relaxations"), "must be from 0 to 1000, got " + b);
        }
        long m = e.integer("trajectories").orElse(200);
        if (m < 2) {
            throw new InvalidInputException(e.field("trajectories"), "must be an integer >= 2, got " + m);
        }
        Long s = e.params().containsKey("seed") ? e.integer("seed").getAsLong() : null;
        DephasingJumps d = EnsemblePointMethod.dephasingJumps(e);
        if (engine == Engine.CLASSICAL && d != DephasingJumps.PROJECTIVE) {
            throw new InvalidInputException(e.field("dephasing_jumps"), "unravels quantum trajectories; the classical"
                    + " engine has no jump operators");
        }
        return new FcsPointMethod(e.label(), engine, quantum, w, hasRelative, k, b, m,
                e.text("counting_bath").orElse(null), e.field("counting_bath"), s, d);
    }

    private static double[] numbers(MethodEntry e, String key) {
        JsonNode n = e.params().get(key);
        if (!n.isArray() || n.size() > MAX_WINDOWS) {
            throw new InvalidInputException(e.field(key), "must be a list of 2 to " + MAX_WINDOWS + " window lengths");
        }
        return SpecNodes.numbers(e.field(key), n);
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Refuses what the quantum engine cannot run ({@link QuantumEngine#refusal}: the gaussian engine where it does not
     * apply, sector trajectories beyond {@link Unravelling#MAX_SITES}
     * sites), a counting bath the model does not have, and a chain without a relaxation-time estimate when the
     * windows are relative to it.
     */
    @Override
    public String refusal(Chain chain) {
        if (engine == Engine.QUANTUM) {
            String why = quantumEngine.refusal(chain);
            if (why != null) {
                return why;
            }
        }
        try {
            FcsSettings.bathIndex(chain, bathName);
            relaxation(chain);
        } catch (InvalidInputException x) {
            return (x.field().equals("counting_bath") ? bathField : x.field()) + " "
                    + x.getMessage().replaceFirst("^[a-z_]+: ", "");
        }
        return null;
    }

    /** t_relax of the chain for this engine (with absolute windows only the burn-in, B t_relax, uses it). */
    private double relaxation(Chain chain) {
        return engine == Engine.CLASSICAL ? RelaxationTimes.classical(chain) : RelaxationTimes.quantum(chain);
    }

    /**
     * Runs the ensembles on at most {@code threads} threads (the numbers do not depend on it) from the entry's seed or
     * else {@code unitSeed}; {@code checkpoint} is not used (class comment).
     */
    @Override
    public PointResult run(Chain chain, long unitSeed, Checkpoint checkpoint, int threads) {
        double relax = relaxation(chain);
        double[] t = new double[windows.length];
        double longest = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = relative ? windows[i] * relax : windows[i];
            longest = Math.max(longest, t[i]);
        }
        double tBurn = burn * relax;
        double tTotal = tBurn + perTrajectory * longest;
        SimulationSettings s = SimulationSettings.builder().seed(seed != null ? seed : unitSeed).threads(threads)
                .trajectories(trajectories).window(tBurn, tTotal).monitor(Fcs.COUNT_RATE).quantumEngine(quantumEngine)
                .dephasingJumps(dephasingJumps).build();
        int bath = FcsSettings.bathIndex(chain, bathName);
        List<FcsResult> runs = Fcs.windowOffset(engine, chain, s, new FcsSettings(bath, Double.NaN, chain.bathName(bath)),
                t, ProgressListener.NONE);
        WindowOffset w = WindowOffset.fit(runs);
        OffsetComparison c = new OffsetComparison(runs, w, null);
        Map<String, Estimate> obs = new LinkedHashMap<>();
        List<String> names = List.of("cumulant_1", "cumulant_2", "cumulant_3", "fano");
        for (int i = 0; i < names.size(); i++) {
            Estimate e = c.estimate(i);
            // too few counts leave a k-statistic or its error undefined (NaN): no row rather than NaN in results.csv
            if (Double.isFinite(e.value()) && Double.isFinite(e.error())) {
                obs.put(names.get(i), e);
            }
        }
        Map<String, Object> details = c.toMap();
        details.remove("exact");
        details.remove("z");
        details.put("engine", engine == Engine.CLASSICAL ? "classical" : quantumEngine.resolve(chain).name().toLowerCase(
                java.util.Locale.ROOT));
        if (dephasingJumps != DephasingJumps.PROJECTIVE) {
            details.put("dephasing_jumps", dephasingJumps.key());
        }
        details.put("relaxation_time", relax);
        details.put("t_burn", tBurn);
        details.put("t_total", tTotal);
        details.put("trajectories", trajectories);
        double elapsed = 0;
        for (FcsResult r : runs) {
            elapsed += r.elapsedSeconds();
        }
        details.put("elapsed_seconds", elapsed);
        return new PointResult(obs, details);
    }
}
