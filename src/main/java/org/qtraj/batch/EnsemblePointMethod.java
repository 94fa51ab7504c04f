package org.qtraj.batch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.ensemble.StopRule;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelException;
import org.qtraj.stats.MeanVar;
import org.qtraj.trajectory.Unravelling;

/**
 * {@code {method: trajectories|classical, trajectories: M, target_error: E, t_total: T, t_burn: B, seed: S}}
 * (target_error relative to the heat current, as in the spec parser):
 * an ensemble of quantum or classical trajectories per point, checkpointed every few seconds so that an interrupted
 * run resumes mid-point with bit-identical results. Without {@code seed} the unit's derived seed is used; without a
 * count or target error, 200 trajectories. Runs on one thread: points already run in parallel.
 */
public final class EnsemblePointMethod implements PointMethod {
    /** Time between checkpoints of a long point. */
    static final double SLICE_SECONDS = 5;

    private final String label;
    private final String kind;
    private final StopRule stop;
    private final double tTotal;
    private final double tBurn;
    private final Long seed;

    private EnsemblePointMethod(String label, String kind, StopRule stop, double tTotal, double tBurn, Long seed) {
        this.label = label;
        this.kind = kind;
        this.stop = stop;
        this.tTotal = tTotal;
        this.tBurn = tBurn;
        this.seed = seed;
    }

    /** Binds a spec entry, checking its numbers. */
    public static EnsemblePointMethod of(MethodEntry e) {
        long max = e.integer("trajectories").orElse(Long.MAX_VALUE);
        if (max < 1) {
            throw new ModelException(e.field("trajectories"), "must be an integer >= 1, got " + max);
        }
        // MethodEntry has checked the ranges: target_error > 0 is relative, 0 <= t_burn < t_total
        double err = e.number("target_error").orElse(Double.NaN);
        boolean relative = true;
        if (max == Long.MAX_VALUE && Double.isNaN(err)) {
            max = 200;
        }
        double total = e.number("t_total").orElse(Double.NaN);
        double burn = e.number("t_burn").orElse(Double.isNaN(total) ? Double.NaN : 0);
        if (Double.isNaN(total) && !Double.isNaN(burn)) {
            throw new ModelException(e.field("t_burn"), "give t_total with t_burn");
        }
        Long s = e.params().containsKey("seed") ? e.integer("seed").getAsLong() : null;
        return new EnsemblePointMethod(e.label(), e.kind(), new StopRule(max, err, relative, Double.POSITIVE_INFINITY,
                StopRule.DEFAULT_MIN_TRAJECTORIES), total, burn, s);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String refusal(Chain chain) {
        if (kind.equals("trajectories") && chain.sites() > Unravelling.MAX_SITES) {
            return "quantum trajectories handle at most " + Unravelling.MAX_SITES + " sites";
        }
        return null;
    }

    @Override
    public PointResult run(Chain chain, long unitSeed, Checkpoint checkpoint) throws IOException {
        SimulationSettings s = new SimulationSettings(seed != null ? seed : unitSeed, 1, stop, tTotal, tBurn,
                Unravelling.DEFAULT_TOLERANCE, "heat_current");
        SimulationResult r = Simulations.resumable(kind, chain, s, checkpoint, SLICE_SECONDS);
        Map<String, Estimate> obs = new LinkedHashMap<>();
        for (String name : r.estimates().names()) {
            MeanVar m = r.get(name);
            obs.put(name, new Estimate(m.mean(), m.standardError(), m.count()));
        }
        return new PointResult(obs, r.toMap());
    }
}
