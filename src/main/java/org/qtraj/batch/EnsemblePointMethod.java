package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.ensemble.StopRule;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;
import org.qtraj.stats.Estimates;
import org.qtraj.trajectory.DephasingJumps;
import org.qtraj.trajectory.GaussianTrajectory;
import org.qtraj.trajectory.Unravelling;

/**
 * {@code {method: trajectories|classical, trajectories: M, target_error: E, t_total: T, t_burn: B, seed: S, blocks: K,
 * times: [...], initial_state: "0110", engine: sector|gaussian|auto}}
 * (target_error relative to the heat current, as in the spec parser; engine, quantum trajectories only, default
 * sector: {@link QuantumEngine}):
 * an ensemble of quantum or classical trajectories per point, checkpointed every few seconds so that an interrupted
 * run resumes mid-point with bit-identical results. Without {@code seed} the unit's derived seed is used; without a
 * count or target error, 200 trajectories. Runs on one thread: points already run in parallel. With {@code times}
 * ({@link RelaxationEntry}) the trajectories start from {@code initial_state} and also give population_k_at_j, the
 * occupations at the sample times; without t_total they then run from 0 to the last time.
 *
 * <p>With {@code blocks: K > 1} (which needs {@code trajectories: M} and no target error) the M trajectories of a
 * point are split into K blocks of consecutive indices, block b holding [floor(b M / K), floor((b + 1) M / K)):
 * each block is a unit of work that can run on another thread or shard, and the point's accumulators are the
 * blocks' merged in block order (Chan's update). Trajectory i has the same random stream as without blocks, so
 * the blocked estimate differs from the unblocked one only by floating-point rounding of the merge.
 */
public final class EnsemblePointMethod implements SplitPointMethod {
    /** Most blocks per point (keeps b M within a long for any affordable M). */
    static final int MAX_BLOCKS = 1_000_000;

    private final String label;
    private final String kind;
    private final StopRule stop;
    private final double tTotal;
    private final double tBurn;
    private final Long seed;
    private final int blocks;
    private final RelaxationEntry relaxation;
    private final QuantumEngine engine;
    private final DephasingJumps dephasingJumps;

    private EnsemblePointMethod(String label, String kind, StopRule stop, double tTotal, double tBurn, Long seed,
                                int blocks, RelaxationEntry relaxation, QuantumEngine engine,
                                DephasingJumps dephasingJumps) {
        this.dephasingJumps = dephasingJumps;
        this.label = label;
        this.kind = kind;
        this.stop = stop;
        this.tTotal = tTotal;
        this.tBurn = tBurn;
        this.seed = seed;
        this.blocks = blocks;
        this.relaxation = relaxation;
        this.engine = engine;
    }

    /** Binds a spec entry, checking its numbers. */
    public static EnsemblePointMethod of(MethodEntry e) {
        long max = e.integer("trajectories").orElse(Long.MAX_VALUE);
        if (max < 1) {
            throw new InvalidInputException(e.field("trajectories"), "must be an integer >= 1, got " + max);
        }
        // MethodEntry has checked the ranges: target_error > 0 is relative, 0 <= t_burn < t_total
        double err = e.number("target_error").orElse(Double.NaN);
        int blocks = blocks(e, max, err);
        boolean relative = true;
        if (max == Long.MAX_VALUE && Double.isNaN(err)) {
            max = 200;
        }
        RelaxationEntry relaxation = RelaxationEntry.of(e);
        // relaxation samples without t_total: the trajectories run from 0 to the last sample time (as in the CLI)
        double total = e.number("t_total").orElse(relaxation.active()
                ? relaxation.times().get(relaxation.times().size() - 1) : Double.NaN);
        double burn = e.number("t_burn").orElse(Double.isNaN(total) ? Double.NaN : 0);
        if (relaxation.active() && relaxation.times().get(relaxation.times().size() - 1) > total) {
            throw new InvalidInputException(e.field("times"), "must end by t_total (" + total + "), got " + relaxation.times());
        }
        if (Double.isNaN(total) && !Double.isNaN(burn)) {
            throw new InvalidInputException(e.field("t_burn"), "give t_total with t_burn");
        }
        Long s = e.params().containsKey("seed") ? e.integer("seed").getAsLong() : null;
        QuantumEngine engine = QuantumEngine.SECTOR;
        String engineKey = e.text("engine").orElse(null);
        if (engineKey != null) {
            try {
                engine = QuantumEngine.of(engineKey);
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(e.field("engine"), bad.getMessage());
            }
        }
        return new EnsemblePointMethod(e.label(), e.kind(), new StopRule(max, err, relative, Double.POSITIVE_INFINITY,
                StopRule.DEFAULT_MIN_TRAJECTORIES), total, burn, s, blocks, relaxation, engine, dephasingJumps(e));
    }

    /**
     * The entry's {@code dephasing_jumps} (default projective).
     *
     * @throws InvalidInputException naming the entry's field unless projective or phase-flip
     */
    static DephasingJumps dephasingJumps(MethodEntry e) {
        String key = e.text("dephasing_jumps").orElse(null);
        if (key == null) {
            return DephasingJumps.PROJECTIVE;
        }
        try {
            return DephasingJumps.of(key);
        } catch (InvalidInputException bad) {
            throw new InvalidInputException(e.field("dephasing_jumps"), "must be projective or phase-flip, got '" + key
                    + "'");
        }
    }

    private static int blocks(MethodEntry e, long trajectories, double targetError) {
        long k = e.integer("blocks").orElse(1);
        if (k < 1 || k > MAX_BLOCKS) {
            throw new InvalidInputException(e.field("blocks"), "must be an integer from 1 to " + MAX_BLOCKS + ", got " + k);
        }
        if (k > 1) {
            if (!Double.isNaN(targetError)) {
                // The stopping index of a target error depends on every earlier trajectory: not decidable per block.
                throw new InvalidInputException(e.field("blocks"), "needs a fixed trajectory count: give trajectories: M "
                        + "instead of target_error when a point is split into blocks");
            }
            if (trajectories == Long.MAX_VALUE) {
                throw new InvalidInputException(e.field("blocks"), "needs trajectories: M (the count split into the blocks)");
            }
            if (k > trajectories) {
                throw new InvalidInputException(e.field("blocks"), "must be at most trajectories (" + trajectories + "), got " + k);
            }
        }
        return (int) k;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int blocks() {
        return blocks;
    }

    /**
     * Refuses what the quantum engine cannot run ({@link QuantumEngine#refusal}: sector-engine trajectories on more
     * than {@link Unravelling#MAX_SITES} sites, the gaussian engine where {@link GaussianTrajectory#refusal} says it
     * does not apply), and an {@code initial_state} that does not fit the chain.
     */
    @Override
    public String refusal(Chain chain) {
        if (kind.equals("trajectories")) {
            String why = engine.refusal(chain);
            if (why != null) {
                return why;
            }
        }
        return relaxation.refusal(chain);
    }

    /**
     * Runs the whole ensemble on one thread ({@code threads} is not used: points already run in parallel), from the
     * entry's seed or else {@code unitSeed}, saving its state to {@code checkpoint} at the checkpoint's interval
     * ({@link Checkpoint#sliceSeconds()}, {@code qtraj run --checkpoint-seconds}) and resuming from it; observables are the estimators' means with standard errors.
     */
    @Override
    public PointResult run(Chain chain, long unitSeed, Checkpoint checkpoint, int threads) throws IOException {
        SimulationResult r = ResumableEnsembles.run(Engine.of(kind), chain, settings(unitSeed, stop), checkpoint,
                checkpoint.sliceSeconds());
        return pointResult(r);
    }

    /**
     * Block state: {method, sites, seed, block, blocks, first_index, t_total, t_burn, names, accumulators,
     * elapsed_seconds}.
     */
    @Override
    public JsonNode runBlock(Chain chain, long unitSeed, int block, Checkpoint checkpoint, int threads)
            throws IOException {
        if (block < 0 || block >= blocks) {
            throw new IllegalArgumentException("block " + block + " of " + blocks);
        }
        long first = firstIndex(block);
        StopRule count = StopRule.trajectories(firstIndex(block + 1) - first);
        SimulationResult r = ResumableEnsembles.range(Engine.of(kind), chain, settings(unitSeed, count), checkpoint,
                checkpoint.sliceSeconds(), first);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("method", r.method());
        o.put("sites", r.sites());
        o.put("seed", r.seed());
        o.put("block", block);
        o.put("blocks", blocks);
        o.put("first_index", first);
        o.put("t_total", r.tTotal());
        o.put("t_burn", r.tBurn());
        r.estimates().names().forEach(o.putArray("names")::add);
        o.set("accumulators", ResumableEnsembles.accumulators(r.estimates()));
        o.put("elapsed_seconds", r.elapsedSeconds());
        return o;
    }

    /**
     * Merges the block states in block order (Chan's update) into the point's result.
     *
     * @throws IllegalArgumentException if there are not exactly {@link #blocks()} states, or state b is not block b
     * of this point (method, seed, names, first index)
     */
    @Override
    public PointResult combine(List<JsonNode> states) {
        if (states.size() != blocks) {
            throw new IllegalArgumentException(label + ": " + states.size() + " block states for " + blocks + " blocks");
        }
        JsonNode head = states.get(0);
        List<String> names = new ArrayList<>();
        head.get("names").forEach(n -> names.add(n.asText()));
        Estimates acc = Estimates.empty(names);
        double elapsed = 0;
        for (int b = 0; b < blocks; b++) {
            JsonNode st = states.get(b);
            if (st.path("block").asInt(-1) != b || st.path("blocks").asInt() != blocks
                    || st.path("first_index").asLong(-1) != firstIndex(b) || !kind.equals(st.path("method").asText())
                    || !head.get("names").equals(st.get("names")) || st.path("seed").asLong() != head.path("seed").asLong()) {
                throw new IllegalArgumentException(label + ": state " + b + " is not block " + b + " of " + blocks
                        + " of this point");
            }
            acc = acc.merge(ResumableEnsembles.estimates(names, st.get("accumulators")));
            elapsed += st.path("elapsed_seconds").asDouble();
        }
        SimulationResult r = new SimulationResult(kind, head.get("sites").asInt(), acc, head.get("seed").asLong(),
                head.get("t_total").asDouble(), head.get("t_burn").asDouble(), "trajectories", 1, elapsed);
        return pointResult(r);
    }

    /** First trajectory index of block b (b = blocks gives the total count). */
    long firstIndex(int b) {
        return Math.multiplyExact(b, stop.maxTrajectories()) / blocks;
    }

    private SimulationSettings settings(long unitSeed, StopRule rule) {
        return SimulationSettings.builder().seed(seed != null ? seed : unitSeed).threads(1).stop(rule)
                .window(tBurn, tTotal).relaxation(relaxation.initialState(), relaxation.times()).quantumEngine(engine)
                .dephasingJumps(dephasingJumps).build();
    }

    private PointResult pointResult(SimulationResult r) {
        Map<String, Estimate> obs = new LinkedHashMap<>();
        for (String name : r.estimates().names()) {
            obs.put(name, Estimate.of(r.get(name)));
        }
        Map<String, Object> details = r.toMap();
        if (blocks > 1) {
            details.put("blocks", blocks);
        }
        return new PointResult(obs, details);
    }
}
