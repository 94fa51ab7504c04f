package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.Monitor;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopReason;
import org.qtraj.ensemble.StopRule;
import org.qtraj.ensemble.TrajectoryTask;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.simulation.Simulations;
import org.qtraj.stats.Estimates;
import org.qtraj.stats.MeanVar;
import org.qtraj.trajectory.GaussianSnapshot;
import org.qtraj.trajectory.GaussianTrajectory;

/**
 * Ensembles of trajectories that survive interruption: a run in slices of at most a given wall time, saving the
 * merged estimates and the next trajectory index to a {@link Checkpoint} between slices and starting from a saved
 * state if there is one. The fold runs in index order across slices, so an interrupted and resumed run gives
 * exactly the numbers of an uninterrupted one.
 *
 * <p>Gaussian trajectories that take {@value #LONG_TRAJECTORY_SECONDS} s or more each are also checkpointed inside:
 * they run one per slice, and while one runs, its snapshot ({@link GaussianSnapshot}) is saved with the ensemble's
 * state at its start as often as the checkpoint's interval allows ({@link MidTrajectoryCheckpoint}); a resumed run
 * continues that trajectory from the snapshot, to the same bits. Stateless and thread-safe (each call owns its
 * checkpoint).
 */
public final class ResumableEnsembles {
    /** Trajectories at least this long (wall seconds each) run one per slice, with snapshots inside them. */
    static final double LONG_TRAJECTORY_SECONDS = 0.5;

    private ResumableEnsembles() {
    }

    /**
     * Like {@link Simulations#run}, resumable (class comment). The settings' own time limit is not supported here
     * (it would make the result depend on the machine).
     */
    public static SimulationResult run(Engine engine, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                       double sliceSeconds) throws IOException {
        return run(engine, chain, s, checkpoint, sliceSeconds, Long.MAX_VALUE, 0);
    }

    /**
     * {@link #run} for the trajectories [firstIndex, firstIndex + maxTrajectories) of the settings' seed: one
     * block of a point whose trajectories are split over several units ({@link EnsemblePointMethod}). Trajectory i
     * has the same stream as in an unsplit run, so only the order of floating-point merging differs.
     */
    public static SimulationResult range(Engine engine, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                         double sliceSeconds, long firstIndex) throws IOException {
        return run(engine, chain, s, checkpoint, sliceSeconds, Long.MAX_VALUE, firstIndex);
    }

    /**
     * {@link #range} with slices also cut after {@code sliceTrajectories} trajectories (deterministic slicing, for
     * tests).
     */
    static SimulationResult run(Engine engine, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                double sliceSeconds, long sliceTrajectories, long firstIndex) throws IOException {
        return run(engine, chain, s, checkpoint, sliceSeconds, sliceTrajectories, firstIndex, LONG_TRAJECTORY_SECONDS,
                -1, Integer.MAX_VALUE);
    }

    /**
     * {@link #run(Engine, Chain, SimulationSettings, Checkpoint, double, long, long)} with the length from which
     * gaussian trajectories count as long, which throws {@link MidTrajectoryCheckpoint.Stopped} after
     * {@code stopAfterSnapshots} saves inside trajectory {@code stopIndex} (tests: an interruption inside a
     * trajectory; -1 for none).
     */
    static SimulationResult run(Engine engine, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                double sliceSeconds, long sliceTrajectories, long firstIndex, double longTrajectorySeconds,
                                long stopIndex, int stopAfterSnapshots) throws IOException {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("first trajectory index must be >= 0, got " + firstIndex);
        }
        Simulations.TrajectoryEnsemble ensemble = Simulations.ensemble(engine, chain, s);
        Monitor<Estimates> monitor = Simulations.monitor(ensemble, s);
        List<String> names = ensemble.names();
        Estimates acc = Estimates.empty(names);
        long next = firstIndex;
        double elapsed = 0;
        StopRule stop = s.stop();
        if (checkpoint.state().isPresent()) {
            JsonNode st = checkpoint.state().get();
            String damage = damage(st, names.size(), firstIndex, stop.maxTrajectories());
            if (damage != null) {
                checkpoint.discard(damage);
            } else {
                acc = estimates(names, st.get("accumulators"));
                next = st.get("next_index").asLong();
                elapsed = st.get("elapsed_seconds").asDouble();
            }
        }
        GaussianTrajectory gaussian = ensemble.gaussian();
        GaussianSnapshot pending = checkpoint.state().isPresent() ? inProgress(checkpoint, gaussian, next) : null;
        // The first trajectory of a slice can be snapshotted (the ensemble's state at its start is the slice's).
        // Long trajectories (the gaussian engine at large N: minutes each) are therefore run one per slice, so that
        // the one in progress always is the first; the first trajectory, alone in its slice, decides. Slicing
        // changes no result.
        boolean oneBySlice = gaussian != null;
        StopReason last = null;
        while (true) {
            long remaining = stop.maxTrajectories() == Long.MAX_VALUE ? Long.MAX_VALUE
                    : stop.maxTrajectories() - (next - firstIndex);
            if (remaining <= 0) {
                break;
            }
            long sliceMax = Math.min(remaining, oneBySlice ? 1 : sliceTrajectories);
            StopRule slice = new StopRule(sliceMax, stop.targetError(), stop.relative(), sliceSeconds,
                    stop.minTrajectories());
            long[] reported = {0};
            ProgressListener toCheckpoint = (done, planned, monitored, target, seconds) -> {
                checkpoint.trajectoriesDone(done - reported[0]);
                reported[0] = done;
            };
            TrajectoryTask<double[]> task = ensemble.task();
            boolean continued = pending != null;
            if (gaussian != null) {
                long first = next;
                GaussianSnapshot from = pending;
                MidTrajectoryCheckpoint sink = new MidTrajectoryCheckpoint(checkpoint, state(acc, next, elapsed), next,
                        elapsed, first == stopIndex ? stopAfterSnapshots : Integer.MAX_VALUE);
                task = (i, rng) -> i == first ? gaussian.run(rng, from, sink) : gaussian.run(rng);
            }
            pending = null;
            EnsembleRun<Estimates> run;
            try {
                run = EnsembleDriver.run(task, acc, Estimates::add, monitor,
                        new EnsembleOptions(s.seed(), s.threads(), next, slice), toCheckpoint);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            acc = run.result();
            next = run.nextIndex();
            elapsed += run.elapsedSeconds();
            last = run.reason();
            if (gaussian != null && !continued) {
                oneBySlice = run.elapsedSeconds() >= longTrajectorySeconds * (run.nextIndex() - run.startIndex());
            }
            boolean sliceEnded = run.reason() == StopReason.TIME_LIMIT
                    || run.reason() == StopReason.TRAJECTORIES && sliceMax < remaining;
            if (!sliceEnded) {
                break;
            }
            checkpoint.save(state(acc, next, elapsed));
        }
        String reason = last == StopReason.TARGET_OUT_OF_REACH ? "target_out_of_reach"
                : stop.hasTargetError() && next - firstIndex < stop.maxTrajectories() ? "target_error" : "trajectories";
        return new SimulationResult(engine.key(), chain.sites(), acc, s.seed(), ensemble.tTotal(), ensemble.tBurn(),
                reason, s.threads(), elapsed);
    }

    /**
     * The snapshot of trajectory {@code next} that the checkpoint's state holds, or null if it holds none or one
     * that cannot be used. A damaged snapshot (checksum, shape), one of another trajectory or of an engine without
     * snapshots is reported in one line and ignored: the trajectory then starts again from its beginning and gives
     * the same bits (its stream depends on (seed, index) only), so only work is lost; the ensemble's own state,
     * checked apart, is still used.
     */
    private static GaussianSnapshot inProgress(Checkpoint checkpoint, GaussianTrajectory gaussian, long next) {
        JsonNode part = checkpoint.state().get().get("trajectory");
        if (part == null) {
            return null;
        }
        String why;
        if (gaussian == null) {
            why = "this engine has no snapshots";
        } else {
            try {
                TrajectorySnapshots.Indexed s = TrajectorySnapshots.read(part);
                if (s.index() == next) {
                    return s.snapshot();
                }
                why = "it is of trajectory " + s.index() + ", the next one is " + next;
            } catch (TrajectorySnapshots.Damaged e) {
                why = e.getMessage();
            }
        }
        checkpoint.ignorePart("the snapshot of the trajectory in progress is not used (" + why + "); that trajectory"
                + " starts again from its beginning, with the same result");
        return null;
    }

    /**
     * What is wrong with a checkpointed state, or null if it has the shape {@link #state} writes for this ensemble:
     * next_index in [firstIndex, firstIndex + maxTrajectories], a finite elapsed_seconds >= 0, and one [count, mean,
     * m2] accumulator per estimator with a count >= 0.
     */
    static String damage(JsonNode st, int estimators, long firstIndex, long maxTrajectories) {
        if (!st.isObject()) {
            return "the state is not a JSON object";
        }
        JsonNode next = st.get("next_index");
        if (next == null || !next.isIntegralNumber() || !next.canConvertToLong() || next.asLong() < firstIndex
                || maxTrajectories != Long.MAX_VALUE && next.asLong() - firstIndex > maxTrajectories) {
            return "next_index " + next + " is not a trajectory index of this unit";
        }
        JsonNode elapsed = st.get("elapsed_seconds");
        if (elapsed == null || !elapsed.isNumber() || !Double.isFinite(elapsed.asDouble()) || elapsed.asDouble() < 0) {
            return "elapsed_seconds " + elapsed + " is not a time";
        }
        JsonNode acc = st.get("accumulators");
        if (acc == null || !acc.isArray() || acc.size() != estimators) {
            return "not " + estimators + " accumulators";
        }
        for (JsonNode a : acc) {
            if (!a.isArray() || a.size() != 3 || !a.get(0).isIntegralNumber() || a.get(0).asLong() < 0
                    || !isDouble(a.get(1)) || !isDouble(a.get(2))) {
                return "an accumulator " + a + " is not [count, mean, m2]";
            }
        }
        return null;
    }

    /** A double as a state holds it: a number, or a non-finite value that Jackson writes as a string ("NaN"). */
    private static boolean isDouble(JsonNode n) {
        return n.isNumber() || n.isTextual() && !Double.isFinite(n.asDouble(0));
    }

    private static ObjectNode state(Estimates acc, long next, double elapsed) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("next_index", next);
        o.put("elapsed_seconds", elapsed);
        o.set("accumulators", accumulators(acc));
        return o;
    }

    /**
     * The accumulators of {@code acc} as a JSON array of [count, mean, m2] triples, in estimator order: the form in
     * which checkpoints and block states keep them (doubles are written so that they read back exactly).
     */
    static ArrayNode accumulators(Estimates acc) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < acc.names().size(); i++) {
            MeanVar m = acc.get(i);
            arr.addArray().add(m.count()).add(m.mean()).add(m.m2());
        }
        return arr;
    }

    /** Estimates over {@code names} read back from {@link #accumulators}. */
    static Estimates estimates(List<String> names, JsonNode accumulators) {
        List<MeanVar> mv = new ArrayList<>();
        for (JsonNode a : accumulators) {
            mv.add(new MeanVar(a.get(0).asLong(), a.get(1).asDouble(), a.get(2).asDouble()));
        }
        return Estimates.of(names, mv);
    }
}
