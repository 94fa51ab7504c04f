package org.qtraj.batch;

import java.util.ArrayList;
import java.util.List;
import org.qtraj.ensemble.Seeds;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;

/**
 * A validated spec turned into its units of work: for every point, every disorder sample and every method, one
 * {@link Task}, or one per block for a method split into blocks, keeping those of the shard, in result order. Building a plan checks the whole spec (all shards) before
 * any work starts: every method kind is available, every point's and sample's chain is valid, every method
 * applies to every chain. Immutable.
 *
 * @param spec    the spec
 * @param shard   the part of the points this plan holds
 * @param methods the bound methods, in spec order
 * @param tasks   this shard's tasks, sorted by key and block
 */
public record RunPlan(RunSpec spec, Shard shard, List<PointMethod> methods, List<Task> tasks) {

    /** Copies the methods and tasks into unmodifiable lists; refuses nothing. */
    public RunPlan {
        methods = List.copyOf(methods);
        tasks = List.copyOf(tasks);
    }

    /** The plan with the methods of this build ({@link MethodKind}). */
    public static RunPlan of(RunSpec spec, Shard shard) {
        List<PointMethod> methods = new ArrayList<>();
        for (MethodEntry e : spec.methods()) {
            methods.add(MethodKind.create(e));
        }
        return of(spec, shard, methods);
    }

    /**
     * The plan with the given bound methods (one per spec entry, in order); tests bind their own.
     *
     * @throws InvalidInputException if a point or sample gives an invalid chain or a method does not apply to it
     */
    public static RunPlan of(RunSpec spec, Shard shard, List<PointMethod> methods) {
        if (methods.size() != spec.methods().size()) {
            throw new IllegalArgumentException("one bound method per spec entry");
        }
        int samples = spec.disorder() == null ? 1 : spec.disorder().samples();
        List<Task> tasks = new ArrayList<>();
        for (Point point : spec.sweep().points()) {
            ModelSpec pointModel = atPoint(point, 0, false, () -> Sweep.applyModelValues(spec.model(), point));
            for (int s = 0; s < samples; s++) {
                ModelSpec drawn = spec.disorder() == null ? pointModel : pointModel.withDisorder(spec.disorder().sample(s));
                // s_left/s_right last: the temperature that gives this sample's bath site the swept occupation.
                ModelSpec model = atPoint(point, s, spec.disorder() != null, () -> Sweep.applyOccupations(drawn, point));
                Chain chain = build(model, point, s, spec.disorder() != null);
                for (int m = 0; m < methods.size(); m++) {
                    PointMethod method = methods.get(m);
                    String why = method.refusal(chain);
                    if (why != null) {
                        throw new InvalidInputException(spec.methods().get(m).field("method"), method.label() + " cannot run at "
                                + where(point, s, spec.disorder() != null) + ": " + why);
                    }
                    Long dseed = spec.disorder() == null ? null : spec.disorder().sampleSeed(s);
                    TaskKey key = new TaskKey(point.index(), s, m);
                    long seed = Seeds.derive(spec.seed(), point.index(), s, m);
                    int blocks = method instanceof SplitPointMethod split ? split.blocks() : 1;
                    for (int b = 0; b < blocks; b++) {
                        if (shard.contains(point.index(), b)) {
                            tasks.add(new Task(key, point, model, dseed, seed, method, b, blocks));
                        }
                    }
                }
            }
        }
        tasks.sort(Task::compare);
        return new RunPlan(spec, shard, methods, tasks);
    }

    private static Chain build(ModelSpec model, Point point, int sample, boolean disorder) {
        return atPoint(point, sample, disorder, model::build);
    }

    /** {@code work}, with "(at point ...)" added to the message of a InvalidInputException it throws. */
    private static <T> T atPoint(Point point, int sample, boolean disorder, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.field(), e.getMessage().substring(e.field().length() + 2) + " (at "
                    + where(point, sample, disorder) + ")");
        }
    }

    private static String where(Point point, int sample, boolean disorder) {
        StringBuilder sb = new StringBuilder("point ").append(point.index());
        if (!point.parameters().isEmpty()) {
            sb.append(' ').append(point.parameters());
        }
        if (disorder) {
            sb.append(", disorder sample ").append(sample);
        }
        return sb.toString();
    }

    /** Number of points in the whole run (all shards). */
    public int totalPoints() {
        return spec.sweep().size();
    }
}
