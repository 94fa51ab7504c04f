package org.qtraj.fcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.qtraj.classical.ClassicalTrajectory;
import org.qtraj.classical.ExclusionProcess;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.ensemble.Threads;
import org.qtraj.ensemble.TrajectoryTask;
import org.qtraj.ensemble.Walker;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.Simulations;
import org.qtraj.trajectory.QuantumTrajectory;
import org.qtraj.trajectory.TrajectoryOptions;
import org.qtraj.trajectory.Unravelling;

/**
 * The scaled cumulant generating function theta(s) = lim (1/t) ln &lt;exp(s N_t)&gt; of the net count N_t at one bath
 * by population dynamics ("cloning"; Giardina, Kurchan and Peliti, PRL 96, 120603 (2006); in continuous time Lecomte
 * and Tailleur, J. Stat. Mech. (2007) P03004; PHYSICS.md "Large deviations"), on the quantum-jump engine
 * ({@link QuantumTrajectory.Walker}) or the Gillespie engine of the exclusion process, both {@link Walker}s
 * ({@link ClassicalTrajectory.Walker}).
 *
 * <h2>Algorithm</h2>
 * A population of M clones starts from the initial state (the empty chain). Each step, every clone is advanced by
 * dt and records its count increment K_i at the counting bath; it gets the weight w_i = exp(s K_i). The step's
 * growth factor is the mean weight W = (1/M) sum_i w_i (computed as max + log of the shifted sum, so no overflow),
 * and the population is resampled: clone i gets c_i copies, with c_i from systematic resampling of the weights
 * (one uniform u, c_i = number of the points (u + j)/M, j = 0..M-1, inside clone i's share of the cumulative
 * normalised weight; E c_i = M w_i / sum w, and M stays fixed). Survivors stay in place, and the extra copies of a
 * clone overwrite the clones that got none, in index order. Then
 * <pre>
 *   theta_M(s) = (1 / (n dt)) sum over the n steps after the burn-in of ln W_k.
 * </pre>
 * The product of the W_k is an unbiased estimator of &lt;exp(s N_t)&gt; (Feynman-Kac particle estimate, for any dt);
 * its logarithm and the finite population bias theta_M by O(1/M) (Nemoto, Bouchet, Jack and Lecomte, PRE 93,
 * 062123 (2016)). The copy rules of the walkers are exact because both engines are Markov in their stored state
 * (the classical walker discards the pending event at each step end; the quantum walker's copy draws a fresh jump
 * threshold).
 *
 * <h2>Errors and the finite-population bias</h2>
 * R independent populations per size and field give the mean of theta_M and its standard error sd/sqrt(R). With
 * two or more sizes M_1 &lt; ... &lt; M_k the means are fitted by weighted least squares (weights 1/stderr^2) to
 * a + b/M; the intercept a is the extrapolated theta with its error from the fit's covariance, and b/M_k, the
 * difference between the largest population and the extrapolation, is reported as the bias estimate
 * ({@link CloningResult}).
 *
 * <h2>Randomness and threads</h2>
 * Population r of size index m at field index f is the unit of work with index (m F + f) R + r of the ensemble
 * driver, with its own stream {@link org.qtraj.ensemble.SeedStreams#stream}(seed, index); inside a population all
 * clones draw from that stream in index order (advance, then the resampling's one uniform), so a population does not
 * depend on which thread runs it and the results are bit-identical for any thread count.
 *
 * <h2>Defaults</h2>
 * dt = {@value #DEFAULT_STEP_FACTOR} / gamma_j with gamma_j = G_j (2 nbar_j + 1) the jump rate scale of the
 * counting bath (so that a clone's weight changes by a few jumps per step at most); t_burn = 2 t_relax and t_total =
 * t_burn + {@value #DEFAULT_RELAXATIONS} t_relax, t_relax of {@link RelaxationTimes}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cloning {
    /** Default dt in units of the inverse jump-rate scale of the counting bath. */
    public static final double DEFAULT_STEP_FACTOR = 0.5;
    /** Default measuring time after the burn-in, in relaxation times. */
    public static final int DEFAULT_RELAXATIONS = 20;
    /** Most steps per population. */
    public static final long MAX_STEPS = 100_000_000L;
    /** Most clone-steps times the model's rate (events or Taylor steps) in one run: hours on one core. */
    public static final double MAX_WORK = 1e11;
    /** Most amplitudes (doubles) the clones of one quantum population may hold. */
    static final long MAX_QUANTUM_DOUBLES = 1L << 25;

    private Cloning() {
    }

    /**
     * The resolved times of a run.
     *
     * @param step      dt
     * @param burn      t_burn
     * @param total     t_total
     * @param burnSteps steps before the average starts
     * @param steps     steps averaged over
     */
    public record Times(double step, double burn, double total, long burnSteps, long steps) {
        /** The measuring time n dt. */
        double measured() {
            return steps * step;
        }
    }

    /**
     * theta(s) by cloning for {@code engine}'s trajectories of {@code chain}. Checks every setting before any work.
     *
     * @param tolerance the quantum integrator's tolerance ({@link Unravelling#of}); unused for the classical engine
     * @param progress  progress after each batch of populations (null for none)
     * @throws InvalidInputException naming step, t_total, t_burn, clones or sites for settings out of range
     */
    public static CloningResult run(Engine engine, Chain chain, CloningSettings c, long seed, int threads,
                                    double tolerance, ProgressListener progress) {
        Plan plan = plan(engine, chain, c, seed, threads, tolerance);
        Slice done = plan.slice(new double[0], 0, Double.POSITIVE_INFINITY, Long.MAX_VALUE, progress);
        return plan.result(done);
    }

    /**
     * Why a cloning run of these settings cannot run on {@code chain}, in one sentence naming the setting, or null if
     * it can: the checks of {@link #plan} without building anything (for run specs, checked at every point first).
     */
    public static String refusal(Engine engine, Chain chain, CloningSettings c) {
        try {
            requireBath(chain, c);
            if (engine == Engine.QUANTUM && chain.sites() > Unravelling.MAX_SITES) {
                throw new InvalidInputException("sites", "quantum trajectories handle N <= " + Unravelling.MAX_SITES
                        + ", got " + chain.sites());
            }
            checkWork(engine, chain, c, times(engine, chain, c));
            if (engine == Engine.QUANTUM) {
                checkQuantumMemory(chain, c.sizes()[c.sizes().length - 1]);
            }
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /** Refuses a counting bath the model does not have. */
    private static void requireBath(Chain chain, CloningSettings c) {
        if (c.bath() >= chain.bathCount()) {
            throw new InvalidInputException("counting_bath", "the model has " + chain.bathCount()
                    + " baths, got bath index " + c.bath());
        }
    }

    /**
     * Checks every setting and prepares the populations of a run without running any: for runs in slices that
     * survive interruption ({@link Plan#slice}).
     *
     * @throws InvalidInputException as {@link #run}
     */
    public static Plan plan(Engine engine, Chain chain, CloningSettings c, long seed, int threads, double tolerance) {
        Threads.check(threads);
        requireBath(chain, c);
        Times t = times(engine, chain, c);
        checkWork(engine, chain, c, t);
        int[] sizes = c.sizes();
        double[] fields = c.fields();
        int bath = c.bath();
        int r = c.populations();
        Population population;
        if (engine == Engine.CLASSICAL) {
            ExclusionProcess process = ExclusionProcess.of(chain);
            population = population(rng -> ClassicalTrajectory.Walker.start(process, rng), bath);
        } else {
            Unravelling u = Unravelling.of(chain, tolerance);
            checkQuantumMemory(chain, sizes[sizes.length - 1]);
            QuantumTrajectory q = QuantumTrajectory.of(u, TrajectoryOptions.of(0, t.total));
            population = population(q::walker, bath);
        }
        int nf = fields.length;
        TrajectoryTask<double[]> task = (index, rng) -> {
            int m = (int) (index / ((long) nf * r));
            int f = (int) (index / r % nf);
            return new double[] {index, evolve(population.start(sizes[m], rng), sizes[m], fields[f], t, rng)};
        };
        return new Plan(engine, chain.sites(), c, seed, threads, t, task, (long) sizes.length * nf * r);
    }

    /**
     * The populations run so far: theta_M of populations 0 .. values.length - 1, and the wall time they took.
     *
     * @param values         theta_M per population, by index
     * @param elapsedSeconds wall time so far
     */
    public record Slice(double[] values, double elapsedSeconds) {
        /** Copies the values. */
        public Slice {
            values = values.clone();
        }

        /** theta_M per population (a copy). */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * A checked, prepared cloning run ({@link #plan}): its populations are the work units 0 .. units() - 1, run in
     * slices of consecutive units. Since every population has its own stream (seed, index) and the values are kept
     * by index, a run in any slices gives exactly the values of a run in one piece. Immutable and thread-safe.
     */
    public static final class Plan {
        private final Engine engine;
        private final int sites;
        private final CloningSettings settings;
        private final long seed;
        private final int threads;
        private final Times times;
        private final TrajectoryTask<double[]> task;
        private final long units;

        private Plan(Engine engine, int sites, CloningSettings settings, long seed, int threads, Times times,
                     TrajectoryTask<double[]> task, long units) {
            this.engine = engine;
            this.sites = sites;
            this.settings = settings;
            this.seed = seed;
            this.threads = threads;
            this.times = times;
            this.task = task;
            this.units = units;
        }

        /** Number of populations: sizes x fields x populations per size and field. */
        public long units() {
            return units;
        }

        /**
         * Runs the populations from {@code done.length} on, until all are done, {@code seconds} of wall time have
         * passed (tested between batches of populations) or {@code maxUnits} more are done.
         *
         * @param done           theta_M of the populations run before, by index (0 .. done.length - 1)
         * @param elapsedSeconds wall time of those
         * @param progress       progress after each batch (null for none)
         * @return the values so far and the total wall time
         */
        public Slice slice(double[] done, double elapsedSeconds, double seconds, long maxUnits,
                           ProgressListener progress) {
            if (done.length > units) {
                throw new IllegalArgumentException(done.length + " populations done of " + units);
            }
            long remaining = Math.min(units - done.length, maxUnits);
            if (remaining <= 0) {
                return new Slice(done, elapsedSeconds);
            }
            StopRule stop = new StopRule(remaining, Double.NaN, false, seconds, StopRule.DEFAULT_MIN_TRAJECTORIES);
            EnsembleOptions options = new EnsembleOptions(seed, threads, done.length, stop);
            EnsembleRun<CloningData> run = EnsembleDriver.run(task, new CloningData(done), CloningData::add, null,
                    options, progress == null ? ProgressListener.NONE : progress);
            return new Slice(run.result().values(), elapsedSeconds + run.elapsedSeconds());
        }

        /**
         * The result of a finished run.
         *
         * @throws IllegalArgumentException unless {@code done} holds every population
         */
        public CloningResult result(Slice done) {
            return new CloningResult(engine, sites, settings, times.step, times.burn, times.total, times.measured(),
                    seed, threads, done.values(), done.elapsedSeconds());
        }
    }

    /**
     * One population: M clones advanced step by step, weighted by exp(s K) and resampled (class comment).
     *
     * @return theta_M(s) of this population: the mean of ln W over the steps after the burn-in, divided by dt
     */
    static double evolve(Clones clones, int m, double s, Times t, UniformRandomProvider rng) {
        double[] logWeight = new double[m];
        double[] weight = new double[m];
        int[] copies = new int[m];
        int[] free = new int[m];
        double sum = 0;
        long total = t.burnSteps + t.steps;
        for (long k = 0; k < total; k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                logWeight[i] = s * clones.advance(i, t.step);
                max = Math.max(max, logWeight[i]);
            }
            double z = 0;
            for (int i = 0; i < m; i++) {
                weight[i] = Math.exp(logWeight[i] - max);
                z += weight[i];
            }
            if (k >= t.burnSteps) {
                sum += max + Math.log(z / m);
            }
            resample(clones, weight, z, copies, free, rng);
        }
        return sum / t.measured();
    }

    /** Systematic resampling in place (class comment); weight[i] &gt;= 0 with sum z &gt; 0. */
    private static void resample(Clones clones, double[] weight, double z, int[] copies, int[] free,
                                 UniformRandomProvider rng) {
        int m = weight.length;
        double u = rng.nextDouble();
        double scale = m / z;
        double cumulative = 0;
        int assigned = 0;
        int nFree = 0;
        for (int i = 0; i < m; i++) {
            cumulative += weight[i] * scale;
            // points u, u+1, ..., below the running cumulative weight (in units of z/M)
            int upTo = i == m - 1 ? m : (int) Math.min(m, Math.max(0, Math.ceil(cumulative - u)));
            copies[i] = Math.max(0, upTo - assigned);
            assigned += copies[i];
            if (copies[i] == 0) {
                free[nFree++] = i;
            }
        }
        int next = 0;
        for (int i = 0; i < m; i++) {
            for (int c = 1; c < copies[i]; c++) {
                clones.copy(i, free[next++]);
            }
        }
    }

    /** The clones of one population, by index. */
    interface Clones {
        /** Advances clone i by dt; returns its count increment at the counting bath. */
        long advance(int i, double dt);

        /** Makes clone {@code to} a copy of clone {@code from}. */
        void copy(int from, int to);
    }

    /** Populations of walkers made by {@code start}, counting at {@code bath}: the same for both engines. */
    private static <W extends Walker<W>> Population population(Function<UniformRandomProvider, W> start, int bath) {
        return (m, rng) -> {
            List<W> w = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                w.add(start.apply(rng));
            }
            return new Clones() {
                @Override
                public long advance(int i, double dt) {
                    return w.get(i).advance(dt, bath);
                }

                @Override
                public void copy(int from, int to) {
                    w.get(to).copyFrom(w.get(from));
                }
            };
        };
    }

    /** Makes the clones of a population of size m that draw from rng. */
    @FunctionalInterface
    private interface Population {
        Clones start(int m, UniformRandomProvider rng);
    }

    /**
     * Resolves the default times and checks them against the step.
     *
     * @throws InvalidInputException naming step or t_total
     */
    public static Times times(Engine engine, Chain chain, CloningSettings c) {
        Bath counted = chain.baths()[c.bath()];
        double gamma = counted.gamma(chain.bathOmega(counted));
        double burn;
        double total;
        if (Double.isNaN(c.tTotal())) {
            double relax = engine == Engine.CLASSICAL ? RelaxationTimes.classical(chain) : RelaxationTimes.quantum(chain);
            burn = 2 * relax;
            total = burn + DEFAULT_RELAXATIONS * relax;
        } else {
            total = c.tTotal();
            burn = Double.isNaN(c.tBurn()) ? 0 : c.tBurn();
        }
        double step = c.step();
        if (Double.isNaN(step)) {
            if (!(gamma > 0)) {
                throw new InvalidInputException("step", "no default: the counting bath is uncoupled; give the step");
            }
            step = DEFAULT_STEP_FACTOR / gamma;
        }
        if (!(total > burn)) {
            throw new InvalidInputException("t_total", "must be greater than t_burn = " + burn + ", got " + total);
        }
        if (step > total - burn) {
            throw new InvalidInputException("step", String.format(Locale.ROOT,
                    "must be at most the measuring time t_total - t_burn = %.6g, got %.6g", total - burn, step));
        }
        long burnSteps = (long) Math.ceil(burn / step - 1e-9);
        double stepsReal = Math.floor((total - burn) / step + 1e-9);
        if (burnSteps + stepsReal > MAX_STEPS) {
            throw new InvalidInputException("step", String.format(Locale.ROOT, "gives %.3g steps per population over"
                    + " t_total = %.6g; at most %.0e: give a longer step or a shorter t_total", burnSteps + stepsReal,
                    total, (double) MAX_STEPS));
        }
        long steps = Math.max(1, (long) stepsReal);
        return new Times(step, burn, total, burnSteps, steps);
    }

    /** Refuses a run whose work (clone time times the model's total rate) would take hours. */
    private static void checkWork(Engine engine, Chain chain, CloningSettings c, Times t) {
        double rate = Simulations.totalRate(engine, chain);
        double clones = 0;
        for (int m : c.sizes()) {
            clones += m;
        }
        double time = (t.burnSteps + t.steps) * t.step;
        double work = clones * c.fields().length * c.populations() * time * rate;
        if (!(work <= MAX_WORK)) {
            throw new InvalidInputException("clones", String.format(Locale.ROOT, "the run would take about %.3g %s"
                    + " (clones x fields x populations x t_total x the model's total rate %.4g); at most %.0e: give"
                    + " fewer or smaller populations, fewer fields or a shorter t_total", work,
                    engine == Engine.QUANTUM ? "steps" : "events", rate, MAX_WORK));
        }
    }

    /** Refuses quantum populations whose state vectors would not fit in memory. */
    private static void checkQuantumMemory(Chain chain, int clones) {
        int n = chain.sites();
        long dim = 1;
        for (int i = 1; i <= n / 2; i++) {
            dim = dim * (n - n / 2 + i) / i;
        }
        // each walker keeps psi, end, tmp and about ten Taylor terms of 2 dim doubles
        double doubles = (double) clones * 13 * 2 * dim;
        if (doubles > MAX_QUANTUM_DOUBLES) {
            throw new InvalidInputException("clones", String.format(Locale.ROOT, "%d quantum clones of N = %d (sector"
                    + " dimension up to %d) would hold about %.3g GB; at most %.2g GB per population", clones, n, dim,
                    doubles * 8 / 1e9, MAX_QUANTUM_DOUBLES * 8 / 1e9));
        }
    }
}
