package org.qtraj.trajectory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * One quantum trajectory of an XX chain (D = 0) as a Slater determinant (PHYSICS.md, "Free-fermion structure"):
 * the same unravelling, estimators and names as the sector engine ({@link QuantumTrajectory}), at a cost polynomial
 * in N instead of C(N, n).
 *
 * <h2>State</h2>
 * n orbitals on N sites, the columns of an N x n complex matrix P (real and imaginary parts in double arrays),
 * |P&gt; = prod_a (sum_k P_ka c_k^+)|0&gt;, &lt;P|P&gt; = det G, G = P^+ P. At the start of every step the orbitals
 * are orthonormal; ln det G of the evolved orbitals is added to a separately kept log-norm, so the norm never under-
 * or overflows. With orthonormal orbitals the correlation matrix is C = P P^+, &lt;n_k&gt; = C_kk.
 *
 * <h2>Propagation</h2>
 * Between jumps P(t) = exp(-i h_eff t) P with the tridiagonal one-body h_eff: diagonal omega_k - (i/2) l_k, l_k =
 * gamma_k + sum over the baths on site k of G_j (the emission part G (nbar + 1) of L^+ L minus the n_k part
 * G nbar of the absorption channel's G nbar (1 - n_k)), off-diagonal g_b; the absorption channels' constant part
 * decays the squared norm of every state by exp(-sum_j G_j nbar_j t). h_eff is shifted by a scalar (the midpoint of
 * the omega_k and the most frequent l_k), whose phase is dropped and whose decay is added to the log-norm, and the
 * shifted A is propagated by Taylor steps of order K and length h from {@link StepPlan} with nu = max row sum of |A|
 * &gt;= ||A||_2 (shorter, 1.25 times the expected time to the jump at the present decay rate, when that is sooner:
 * most steps then end just past a jump instead of computing a full step's terms): the truncation error is at most
 * {@code tolerance} in the Frobenius norm of the orbitals (each of norm 1) per step, and the series is cut earlier
 * when the a posteriori bound ||u_k|| q/(1-q), q = nu h/(k+1) &lt; 1/2, on the remaining terms is below it.
 *
 * <p>Cost per step, the part that grows fastest (profiled: formerly half the time in Gram-Schmidt): the anti-Hermitian
 * part of A is diagonal, -(i/2)(l_k - shift), and nonzero only on the r "lossy" sites where l_k differs from the
 * shift (for uniform dephasing: the two bath sites), so dG/ds = 2 h P(s)^+ diag(Im A) P(s) needs only the r rows of
 * P(s). G(f) = I + 2 h int_0^f ... ds is integrated by Gauss-Legendre (a polynomial of degree 2K: K + 1 nodes are
 * exact; fewer when {@link StepPlan#nodesFor} meets the tolerance) in O(K r n^2), independent of N; its Cholesky factor L gives ln det G(f) for the jump-time search and the end of the
 * step without touching the N x n orbitals, and the orbitals at a node or the end of a step are orthonormalised as
 * P L^-+ (one product per pair of orbitals, half of Gram-Schmidt). Where r is large (disordered dephasing) G is
 * formed directly from P(f) when that is cheaper.
 *
 * <h2>Jumps (waiting-time method)</h2>
 * r is drawn uniform in (0, 1); the jump happens where ln ||psi(t)||^2 = ln r, found inside the step by safeguarded
 * Newton on the step polynomial with the exact derivative d ln||psi||^2/dt = -(sum_k l_k C_kk + sum_j G_j nbar_j), to
 * an absolute error of 1e-13 in ln ||psi||^2 (a relative 1e-13 in the norm). The channel is then chosen exactly with
 * probability ~ ||L_m psi||^2 / &lt;psi|psi&gt;: G_j (nbar_j + 1) C_kk (emission), G_j nbar_j (1 - C_kk)
 * (absorption), gamma_k C_kk (dephasing). Emission c_k: the orbital with the largest weight on site k is the pivot,
 * its multiples are subtracted from the others so that it alone touches site k (a determinant-preserving column
 * operation), and it is dropped; absorption c_k^+ appends e_k; dephasing n_k = c_k^+ c_k does both. A bath on an
 * interior site k carries the Jordan-Wigner string prod_{j &lt; k} (1 - 2 n_j), which maps every orbital to itself
 * with its entries on sites j &lt; k negated. The orbitals are then re-orthonormalised (two Gram-Schmidt passes) and
 * the norm reset to 1.
 *
 * <h2>Phase-flip dephasing ({@link DephasingJumps#PHASE_FLIP})</h2>
 * The dephasing dissipator gamma_k (n_k rho n_k - {n_k, rho}/2) equals (gamma_k/4)(sigma^z_k rho sigma^z_k - rho)
 * (n = (1 + sigma^z)/2), so the options may unravel it by the jumps sqrt(gamma_k/4) sigma^z_k instead of
 * sqrt(gamma_k) n_k. Their L^+ L = gamma_k/4 is a constant: dephasing then adds nothing to l_k (A is non-Hermitian
 * on the two bath sites only, disordered dephasing included) and only a constant to the decay of the norm, which
 * factorises, so the flips are a Poisson process of rate sum_k gamma_k/4 independent of the state and of the bath
 * jumps. Its next time is drawn ahead (an exponential waiting time; the snapshot carries it), steps are cut there,
 * and the flip of site k, chosen with probability gamma_k / sum gamma, applies exp(i pi n_k) = -sigma^z_k: every
 * orbital's entry on site k changes sign, O(n), the orbitals stay orthonormal and the bath jumps' norm and
 * threshold run on. The master equation, hence the mean currents, populations and bath-count statistics, is the
 * same; the trajectory's states are not (no measurement of the occupations, hence no measurement-induced
 * localisation), so {@value #ENTROPY} and jump_rate (which counts the flips) are those of this unravelling.
 *
 * <h2>Estimators</h2>
 * The names and meanings of {@link QuantumTrajectory#estimatorNames} (and the sampled populations of
 * {@link QuantumTrajectory#sampleNames} when the options have sample times), then {@value #ENTROPY}: heat currents
 * Tr(H D_j rho) (for D = 0, D_j^+(H) = omega_k (G n (1 - n_k) - G (n + 1) n_k) - (gamma_j/2) (hopping of the bonds at
 * k)), the dephasing heat current, counted particle currents, local heat currents, populations and the jump rate.
 * The heat current of bath j replaces the exchange term omega_k (G n (1 - n_k) - G (n + 1) n_k), integrated over the
 * window, by omega_k times the counted net jumps of that bath: the same expectation (the jump rates are the
 * conditional expectations of the counts, for any initial state and window) and a far smaller variance at a hot bath
 * (N = 100, gamma = 0.5, T_1 = 1: standard error 0.0004 instead of 0.0043 per four trajectories; the integral of
 * n_1 carries the slow fluctuations of the chain's filling with a factor G (2 nbar + 1)); the hopping term stays the
 * continuous integral of Re C_{b,b+1}. The time integrals over each step use a Gauss-Legendre rule on the step
 * polynomial with the fewest nodes that keep the error below the tolerance relative to the observable's norm per unit
 * time for the interval integrated ({@link StepPlan#nodesFor}); steps are cut at t_burn, t_total, sample times and
 * jumps.
 *
 * <p>{@value #ENTROPY}: the half-chain entanglement entropy of the trajectory's pure state, S = -sum [nu ln nu +
 * (1 - nu) ln(1 - nu)] over the eigenvalues nu of C restricted to sites 1..floor(N/2), averaged over
 * {@value #ENTROPY_SAMPLES} equally spaced times t_burn + (i + 1/2) (t_total - t_burn) / {@value #ENTROPY_SAMPLES} of
 * the window (steps are cut there): its mean over trajectories estimates the time and ensemble average. It is a
 * property of the unravelling (bath jumps c_k, c_k^+ and dephasing n_k, or phase flips), not of the density matrix;
 * no other engine gives it.
 *
 * <h2>Snapshots</h2>
 * A run can hand its whole state between two steps to a {@link SnapshotSink} as a {@link GaussianSnapshot} (orbitals,
 * log-norm, ln r of the waiting-time threshold, the generator's state, the estimators' sums, time and counters) and
 * a later run can continue from it ({@link #run(UniformRandomProvider, GaussianSnapshot, SnapshotSink)}): the
 * continued trajectory takes the same steps with the same numbers, so its result is the same bits as the
 * uninterrupted one's. This class writes no files; the caller keeps the snapshots (batch: the unit's checkpoint).
 *
 * <p>Immutable and thread-safe: every {@link #run} has its own work space; the randomness is the provider handed in
 * (per jump: r, then the channel; two doubles).
 */
public final class GaussianTrajectory {
    private static final double ROOT_TOLERANCE = 1e-13;

    /** Name of the half-chain entanglement entropy estimator (the last of {@link #names()}). */
    public static final String ENTROPY = "entanglement_entropy";
    /** Number of equally spaced times in the window at which each trajectory samples the entanglement entropy. */
    public static final int ENTROPY_SAMPLES = 32;

    /**
     * With phase flips, steps between two Gram-Schmidt passes at most: a step's orthonormalisation uses the Gram
     * matrix from the low-rank quadrature, exact to the tolerance only, so the orbitals' defect grows by up to about
     * the tolerance per step (measured 1.6e-9 after 4600 steps at N = 30 without this) where projective dephasing
     * jumps re-orthonormalise every few steps; one pass per 64 steps bounds it, for
     * about 6 % of a step's cost.
     */
    static final int STEPS_PER_REORTHONORMALISATION = 64;

    private static final int EMISSION = 0;
    private static final int ABSORPTION = 1;
    private static final int DEPHASING = 2;

    private final Chain chain;
    private final TrajectoryOptions options;
    private final double tolerance;
    private final List<String> names;
    private final int sites;
    /** The initial occupations, site 1 first. */
    private final boolean[] initial;
    // shifted one-body A = h_eff - (wc - i lc/2): diagonal ar + i ai, off-diagonal g
    private final double[] ar;
    private final double[] ai;
    private final double[] g;
    private final double[] loss;
    private final double lossShift;
    private final double scalarDecay;
    private final double normBound;
    private final StepPlan plan;
    // Gauss-Legendre rules with 1..plan.nodes().length nodes on [0, 1]: [m - 1][0] nodes, [m - 1][1] weights
    private final double[][][] rules;
    // jump channels with nonzero rate
    private final int[] chanKind;
    private final int[] chanSite;
    private final int[] chanBath;
    private final double[] chanRate;
    private final double[] emissionRate = new double[2];
    private final double[] absorptionRate = new double[2];
    private final double[] bathGamma = new double[2];
    private final double[] bathOmega = new double[2];
    private final int[] bathSite = new int[2];
    private final double[] sampleTimes;
    // phase-flip unravelling: the sites with dephasing, the running sums of their flip rates gamma_k / 4, the total
    private final boolean phaseFlip;
    private final int[] flipSites;
    private final double[] flipCumulative;
    private final double flipTotal;
    // times in the window at which the half-chain entanglement entropy is sampled (midpoints of equal parts)
    private final double[] entropyTimes;
    // sites whose loss differs from lossShift: where A is not Hermitian (the bath sites of a uniformly dephased chain)
    private final int[] lossySites;
    // Gauss-Legendre rules with m = 1 .. K_max + 1 nodes for the Gram integrand ([m][0] nodes, [m][1] weights); K + 1
    // integrate an order-K step's integrand exactly
    private final double[][][] gramRules = new double[StepPlan.MAX_ORDER + 2][][];

    private GaussianTrajectory(Chain chain, double tolerance, TrajectoryOptions options) {
        this.chain = chain;
        this.options = options;
        this.tolerance = tolerance;
        this.sites = chain.sites();
        this.initial = options.initialState().occupations(sites);
        int n = sites;
        loss = new double[n];
        double c0 = 0;
        Bath[] baths = chain.baths();
        List<int[]> kinds = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            Bath b = baths[j];
            bathSite[j] = b.site();
            bathOmega[j] = chain.bathOmega(b);
            bathGamma[j] = b.gamma(bathOmega[j]);
            emissionRate[j] = b.emissionRate(bathOmega[j]);
            absorptionRate[j] = b.absorptionRate(bathOmega[j]);
            loss[b.site()] += emissionRate[j] - absorptionRate[j];
            c0 += absorptionRate[j];
            if (emissionRate[j] > 0) {
                kinds.add(new int[] {EMISSION, b.site(), j});
                rates.add(emissionRate[j]);
            }
            if (absorptionRate[j] > 0) {
                kinds.add(new int[] {ABSORPTION, b.site(), j});
                rates.add(absorptionRate[j]);
            }
        }
        this.phaseFlip = options.dephasingJumps() == DephasingJumps.PHASE_FLIP;
        List<Integer> flips = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (chain.dephasing(k) > 0 && phaseFlip) {
                // L^+ L = gamma_k / 4, the same for every state: no loss on the site, a clock of its own
                flips.add(k);
            } else if (chain.dephasing(k) > 0) {
                loss[k] += chain.dephasing(k);
                kinds.add(new int[] {DEPHASING, k, -1});
                rates.add(chain.dephasing(k));
            }
        }
        flipSites = new int[flips.size()];
        flipCumulative = new double[flips.size()];
        double flipSum = 0;
        for (int i = 0; i < flipSites.length; i++) {
            flipSites[i] = flips.get(i);
            flipSum += 0.25 * chain.dephasing(flipSites[i]);
            flipCumulative[i] = flipSum;
        }
        this.flipTotal = flipSum;
        this.scalarDecay = c0;
        chanKind = new int[kinds.size()];
        chanSite = new int[kinds.size()];
        chanBath = new int[kinds.size()];
        chanRate = new double[kinds.size()];
        for (int c = 0; c < chanKind.length; c++) {
            chanKind[c] = kinds.get(c)[0];
            chanSite[c] = kinds.get(c)[1];
            chanBath[c] = kinds.get(c)[2];
            chanRate[c] = rates.get(c);
        }
        double wMin = Double.POSITIVE_INFINITY;
        double wMax = Double.NEGATIVE_INFINITY;
        double lMin = Double.POSITIVE_INFINITY;
        double lMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            wMin = Math.min(wMin, chain.omega(k));
            wMax = Math.max(wMax, chain.omega(k));
            lMin = Math.min(lMin, loss[k]);
            lMax = Math.max(lMax, loss[k]);
        }
        double wc = 0.5 * (wMin + wMax);
        this.lossShift = mostFrequent(loss);
        int r = 0;
        for (int k = 0; k < n; k++) {
            if (loss[k] != lossShift) {
                r++;
            }
        }
        lossySites = new int[r];
        r = 0;
        for (int k = 0; k < n; k++) {
            if (loss[k] != lossShift) {
                lossySites[r++] = k;
            }
        }
        ar = new double[n];
        ai = new double[n];
        g = new double[n - 1];
        for (int b = 0; b < n - 1; b++) {
            g[b] = chain.coupling(b);
        }
        double bound = 0;
        for (int k = 0; k < n; k++) {
            ar[k] = chain.omega(k) - wc;
            ai[k] = -0.5 * (loss[k] - lossShift);
            double row = Math.hypot(ar[k], ai[k]) + (k > 0 ? Math.abs(g[k - 1]) : 0) + (k < n - 1 ? Math.abs(g[k]) : 0);
            bound = Math.max(bound, row);
        }
        this.normBound = bound;
        this.plan = StepPlan.of(bound, tolerance, 2);
        this.rules = plan.shorterRules();
        for (int m = 1; m <= StepPlan.MAX_ORDER + 1; m++) {
            gramRules[m] = StepPlan.gaussLegendre(m);
        }
        this.sampleTimes = options.sampleTimes().stream().mapToDouble(Double::doubleValue).toArray();
        List<String> nm = new ArrayList<>(QuantumTrajectory.estimatorNames(n));
        nm.addAll(QuantumTrajectory.sampleNames(n, sampleTimes.length));
        nm.add(ENTROPY);
        double window = options.tTotal() - options.tBurn();
        this.entropyTimes = new double[ENTROPY_SAMPLES];
        for (int i = 0; i < ENTROPY_SAMPLES; i++) {
            entropyTimes[i] = options.tBurn() + (i + 0.5) * window / ENTROPY_SAMPLES;
        }
        this.names = Collections.unmodifiableList(nm);
    }

    /** The value that occurs most often in v (the smallest of equally frequent ones). */
    private static double mostFrequent(double[] v) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double best = sorted[0];
        int bestCount = 0;
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    /** Why the gaussian engine does not apply to {@code chain} (a network, other than two baths, D != 0), or null. */
    public static String refusal(Chain chain) {
        if (!chain.isChain()) {
            return "gaussian needs a chain (bond b joining sites b and b+1): on a network the Jordan-Wigner strings"
                    + " along loops and branches make the fermions interact; use the sector engine";
        }
        if (!chain.isTwoBathChain()) {
            return "the gaussian engine counts a chain's left and right baths, this model has " + chain.bathCount()
                    + " baths; use the sector engine";
        }
        for (int b = 0; b < chain.bonds(); b++) {
            if (chain.anisotropy(b) != 0) {
                return "must be 0 on every bond for the gaussian engine (a free-fermion chain), got "
                        + chain.anisotropy(b) + " at bond " + (b + 1);
            }
        }
        return null;
    }

    /**
     * The Gaussian trajectory of an XX chain.
     *
     * @param chain     the chain; its anisotropy must vanish on every bond
     * @param tolerance truncation error per Taylor step (class comment), in [1e-14, 1e-3]
     * @param options   window, initial state (a pattern of any length up to N, or a named state) and sample times
     * @throws InvalidInputException naming "anisotropy" if some D_b != 0, "tolerance" if out of range,
     *                               "initial_state" for a pattern longer than N
     */
    public static GaussianTrajectory of(Chain chain, double tolerance, TrajectoryOptions options) {
        String why = refusal(chain);
        if (why != null) {
            String field = !chain.isChain() ? "engine" : !chain.isTwoBathChain() ? "baths" : "anisotropy";
            throw new InvalidInputException(field, why);
        }
        StepPlan.checkTolerance(tolerance);
        options.requireInitialStateFits(chain.sites());
        return new GaussianTrajectory(chain, tolerance, options);
    }

    /** Names of the values {@link #run} returns, in order: those of the sector engine for the same options. */
    public List<String> names() {
        return names;
    }

    /** The chain. */
    public Chain chain() {
        return chain;
    }

    /** The time window, initial state and sample times. */
    public TrajectoryOptions options() {
        return options;
    }

    /** Taylor order, step, nodes of the integration plan (for reports and tests). */
    StepPlan plan() {
        return plan;
    }

    /** The bound nu &gt;= ||A||_2 on the shifted one-body effective Hamiltonian. */
    double normBound() {
        return normBound;
    }

    /**
     * Runs one trajectory and returns its estimators in the order of {@link #names()} (a new array). All randomness
     * comes from {@code rng}, used by the calling thread only.
     */
    public double[] run(UniformRandomProvider rng) {
        return new Run(rng, null).go();
    }

    /**
     * As {@link #run(UniformRandomProvider)}, and reports every bath jump inside the window to {@code listener}
     * (null for none); the trajectory is the same with or without it.
     */
    public double[] run(UniformRandomProvider rng, JumpListener listener) {
        return new Run(rng, listener).go();
    }

    /**
     * Runs one trajectory, or continues one from a snapshot, handing snapshots of itself to {@code sink} when it
     * asks (before a step); the result is the same bits as {@link #run(UniformRandomProvider)} whether or not it was
     * snapshotted, stopped and continued (the snapshot holds the orbitals, the norm, the waiting-time threshold,
     * the generator's state, the estimators' sums, the time and the counters: {@link GaussianSnapshot}).
     *
     * @param rng  the trajectory's random stream, a Commons RNG {@link RestorableUniformRandomProvider} when
     *             {@code from} or {@code sink} is given; when continuing, a generator of the same kind as the one
     *             snapshotted (its state is replaced by the snapshot's)
     * @param from the snapshot to continue from, or null to start at t = 0
     * @param sink receives snapshots when it asks for them, or null for none
     * @return the estimators in the order of {@link #names()}
     * @throws InvalidInputException naming "snapshot" if {@code from} is not a state of this trajectory (another
     *                               N, window or number of sample times, or a generator state the stream refuses)
     * @throws IllegalArgumentException if a snapshot is given or asked for and {@code rng} cannot save its state
     */
    public double[] run(UniformRandomProvider rng, GaussianSnapshot from, SnapshotSink sink) {
        if ((from != null || sink != null) && !(rng instanceof RestorableUniformRandomProvider)) {
            throw new IllegalArgumentException("snapshots need a RestorableUniformRandomProvider, got "
                    + rng.getClass().getName());
        }
        Run r = new Run(rng, null);
        r.sink = sink;
        if (from != null) {
            r.restore(from);
        }
        return r.go();
    }

    /** Health of one run, for tests: see {@link #diagnose}. */
    record Diagnostics(long steps, long jumps, double worstOrthonormality, double worstJumpNorm, int finalOrbitals) {
    }

    /**
     * Runs one trajectory and reports its health: the largest |(P^+ P - I)_ab| of the orbitals after every jump and
     * every 64th step, the largest |ln ||psi||^2 - ln r| at the jumps, the step and jump counts.
     */
    Diagnostics diagnose(UniformRandomProvider rng) {
        Run r = new Run(rng, null);
        r.diagnose = true;
        r.go();
        return new Diagnostics(r.steps, r.allJumps, r.worstOrtho, r.worstJumpNorm, r.n);
    }

    /** The mutable state of one trajectory. */
    private final class Run {
        private final UniformRandomProvider rng;
        private final JumpListener listener;
        private final int len = sites;
        private int n;
        private int cap;
        // terms[k] = u_k, [0] re, [1] im; terms[0] is the state P
        private final double[][][] terms = new double[StepPlan.MAX_ORDER + 1][][];
        private double[] pRe;
        private double[] pIm;
        private double[] endRe;
        private double[] endIm;
        private double[] tmpRe;
        private double[] tmpIm;
        // P(f) for the direct Gram matrix; G and its Cholesky factor L (n x n, row-major, stride cap); one row of P
        private double[] evRe;
        private double[] evIm;
        private double[] gRe;
        private double[] gIm;
        private double[] lRe;
        private double[] lIm;
        private double[] rowRe;
        private double[] rowIm;
        // rows of u_0..u_K on the lossy sites, gathered at step gatheredStep
        private double[][][] lossyRows;
        private int gatheredOrder = -1;
        private long gatheredStep = -1;
        private double logNorm;
        // the terms of the last low-rank Gram matrix (phase flips only)
        private final LowRankGram lowRank = new LowRankGram();
        // whether G in gRe, gIm has its Cholesky factor in lRe, lIm (else only its low-rank form, lowRank)
        private boolean factorOfG;
        // the time reached and ln r of the waiting-time threshold: with the fields below, all that go() carries from
        // one step to the next (what a snapshot holds)
        private double t;
        private double logR;
        // the time of the next phase flip (+infinity without flips)
        private double nextFlip = Double.POSITIVE_INFINITY;
        private boolean resumed;
        private SnapshotSink sink;
        private final double[] pops = new double[sites];
        private final double[] bonds = new double[Math.max(sites - 1, 0)];
        private final double[] intPops = new double[sites];
        private final double[] intBonds = new double[Math.max(sites - 1, 0)];
        private final long[] net = new long[2];
        private long jumps;
        private final double[] samples = new double[sampleTimes.length * sites];
        private int nextSample;
        private int nextEntropy;
        private double entropySum;
        // diagnostics
        private boolean diagnose;
        private long steps;
        private long allJumps;
        private double worstOrtho;
        private double worstJumpNorm;

        Run(UniformRandomProvider rng, JumpListener listener) {
            this.rng = rng;
            this.listener = listener;
            boolean[] init = initial;
            n = 0;
            for (int k = 0; k < sites; k++) {
                if (init[k]) {
                    n++;
                }
            }
            allocate(Math.min(sites, Math.max(n, 4)));
            int a = 0;
            for (int k = 0; k < sites; k++) {
                if (init[k]) {
                    pRe[a * len + k] = 1;
                    a++;
                }
            }
        }

        /** (Re)allocates the work arrays for up to c orbitals, keeping P. */
        private void allocate(int c) {
            double[] re = new double[len * c];
            double[] im = new double[len * c];
            if (pRe != null) {
                System.arraycopy(pRe, 0, re, 0, len * n);
                System.arraycopy(pIm, 0, im, 0, len * n);
            }
            pRe = re;
            pIm = im;
            endRe = new double[len * c];
            endIm = new double[len * c];
            tmpRe = new double[len * c];
            tmpIm = new double[len * c];
            evRe = new double[len * c];
            evIm = new double[len * c];
            gRe = new double[c * c];
            gIm = new double[c * c];
            lRe = new double[c * c];
            lIm = new double[c * c];
            rowRe = new double[c];
            rowIm = new double[c];
            for (int k = 1; k < terms.length; k++) {
                terms[k] = null;
            }
            cap = c;
        }

        private void ensure(int orbitals) {
            if (orbitals > cap) {
                allocate(Math.min(sites, Math.max(2 * cap, orbitals)));
            }
        }

        double[] go() {
            final double tBurn = options.tBurn();
            final double tTotal = options.tTotal();
            if (!resumed) {
                logR = Math.log(threshold());
                logNorm = 0;
                t = 0;
                if (flipTotal > 0) {
                    nextFlip = flipInterval();
                }
                sample(t);
            }
            while (t < tTotal) {
                if (sink != null && sink.due()) {
                    sink.accept(snapshot());
                }
                boolean window = t >= tBurn;
                double target = window ? tTotal : tBurn;
                if (nextSample < sampleTimes.length && sampleTimes[nextSample] < target) {
                    target = sampleTimes[nextSample];
                }
                if (nextEntropy < entropyTimes.length && entropyTimes[nextEntropy] > t
                        && entropyTimes[nextEntropy] < target) {
                    target = entropyTimes[nextEntropy];
                }
                if (nextFlip < target) {
                    target = nextFlip;
                }
                double h = Math.min(stepToward(logR), target - t);
                boolean reaches = h >= target - t;
                int order = taylor(h);
                steps++;
                double decay = (lossShift * n + scalarDecay) * h;
                double endLog = logNorm + logDetAt(order, 1.0, h) - decay;
                if (endLog > logR) {
                    copyEvaluate(order, 1.0, endRe, endIm);
                    orthonormalise(endRe, endIm);
                    if (window) {
                        integrate(order, 1.0, h);
                    }
                    swapEnd();
                    logNorm = endLog;
                    t = reaches ? target : t + h;
                    if (diagnose && steps % 64 == 0) {
                        worstOrtho = Math.max(worstOrtho, orthonormalityDefect());
                    }
                    keepOrthonormal();
                    flipsDue(window);
                    sample(t);
                    continue;
                }
                double frac = jumpFraction(order, h, logR, endLog);
                double atJump = logNorm + logDetAt(order, frac, h) - (lossShift * n + scalarDecay) * h * frac;
                copyEvaluate(order, frac, endRe, endIm);
                orthonormalise(endRe, endIm);
                if (window) {
                    integrate(order, frac, h);
                }
                swapEnd();
                if (diagnose) {
                    worstJumpNorm = Math.max(worstJumpNorm, Math.abs(atJump - logR));
                }
                t = (frac == 1.0 && reaches) ? target : t + frac * h;
                jump(window, t);
                logNorm = 0;
                logR = Math.log(threshold());
                flipsDue(window);
                sample(t);
            }
            return estimates(tTotal - tBurn);
        }

        /**
         * With phase flips: a Gram-Schmidt pass after every {@link #STEPS_PER_REORTHONORMALISATION}-th step that
         * ends without a jump (a function of the step count, so a snapshot needs nothing more; the projective
         * unravelling's dephasing jumps re-orthonormalise far more often, and its bits stay as they were).
         */
        private void keepOrthonormal() {
            if (flipTotal > 0 && steps % STEPS_PER_REORTHONORMALISATION == 0) {
                orthonormaliseOnce(pRe, pIm);
            }
        }

        /**
         * Applies the phase flips due at t (steps end at the next flip time) and draws the next flip times. A flip
         * is unitary: the norm kept apart and the waiting-time threshold of the bath jumps run on unchanged (the
         * bath jumps' hazard is the integral of their rate, which the flip does not interrupt).
         */
        private void flipsDue(boolean window) {
            while (nextFlip <= t) {
                double u = rng.nextDouble() * flipTotal;
                int i = 0;
                while (i < flipSites.length - 1 && u >= flipCumulative[i]) {
                    i++;
                }
                flip(flipSites[i]);
                allJumps++;
                if (window) {
                    jumps++;
                }
                nextFlip += flipInterval();
            }
        }

        /** exp(i pi n_k) on the determinant: every orbital's entry on site k changes sign (orthonormality kept). */
        private void flip(int k) {
            for (int a = 0; a < n; a++) {
                pRe[a * len + k] = -pRe[a * len + k];
                pIm[a * len + k] = -pIm[a * len + k];
            }
        }

        /** An exponential waiting time of rate sum_k gamma_k / 4 (the flips' Poisson process). */
        private double flipInterval() {
            return -Math.log(threshold()) / flipTotal;
        }

        /** The state between two steps (at the top of go()'s loop). */
        private GaussianSnapshot snapshot() {
            byte[] state = ((RandomProviderDefaultState) ((RestorableUniformRandomProvider) rng).saveState()).getState();
            return new GaussianSnapshot(sites, options.tBurn(), options.tTotal(), t, logR, logNorm, n, cap,
                    java.util.Arrays.copyOf(pRe, n * len), java.util.Arrays.copyOf(pIm, n * len), intPops, intBonds,
                    samples, net, jumps, steps, allJumps, nextSample, nextEntropy, entropySum, state, nextFlip);
        }

        /** Puts this fresh run into the state of {@code s} (checked against this trajectory). */
        private void restore(GaussianSnapshot s) {
            if (s.sites() != sites || Double.compare(s.tBurn(), options.tBurn()) != 0
                    || Double.compare(s.tTotal(), options.tTotal()) != 0) {
                throw new InvalidInputException("snapshot", "is of a trajectory of " + s.sites() + " sites over ["
                        + s.tBurn() + ", " + s.tTotal() + "], this one has " + sites + " sites over [" + options.tBurn()
                        + ", " + options.tTotal() + "]");
            }
            if ((flipTotal > 0) != Double.isFinite(s.nextFlip())) {
                throw new InvalidInputException("snapshot", "is of a trajectory " + (flipTotal > 0 ? "without" : "with")
                        + " phase flips, this one has " + (flipTotal > 0 ? "them" : "none"));
            }
            if (s.samples().length != samples.length || s.nextEntropy() > entropyTimes.length) {
                throw new InvalidInputException("snapshot", "has " + s.samples().length / sites + " population samples and"
                        + " entropy index " + s.nextEntropy() + ", this trajectory " + sampleTimes.length + " and "
                        + entropyTimes.length + " entropy times");
            }
            try {
                ((RestorableUniformRandomProvider) rng).restoreState(new RandomProviderDefaultState(s.rngState()));
            } catch (RuntimeException e) {
                throw new InvalidInputException("snapshot", "its generator state does not fit this stream ("
                        + e.getMessage() + ")");
            }
            n = s.orbitals();
            pRe = null;
            pIm = null;
            allocate(s.capacity());
            System.arraycopy(s.orbitalsRe(), 0, pRe, 0, n * len);
            System.arraycopy(s.orbitalsIm(), 0, pIm, 0, n * len);
            System.arraycopy(s.integratedPopulations(), 0, intPops, 0, sites);
            System.arraycopy(s.integratedBonds(), 0, intBonds, 0, intBonds.length);
            System.arraycopy(s.samples(), 0, samples, 0, samples.length);
            System.arraycopy(s.netJumps(), 0, net, 0, 2);
            t = s.time();
            logR = s.logThreshold();
            logNorm = s.logNorm();
            jumps = s.windowJumps();
            steps = s.steps();
            allJumps = s.allJumps();
            nextSample = s.nextSample();
            nextEntropy = s.nextEntropy();
            entropySum = s.entropySum();
            nextFlip = s.nextFlip();
            resumed = true;
        }

        /**
         * The plan's step, or shorter when the jump is expected sooner: 1.25 times the time at which the log-norm,
         * falling at its present rate, would reach ln r (the Taylor series and the quadrature then need fewer terms
         * and nodes for the same bounds; the step only has to contain the jump more often than not).
         */
        private double stepToward(double logR) {
            observe(pRe, pIm);
            double rate = scalarDecay;
            for (int k = 0; k < sites; k++) {
                rate += loss[k] * pops[k];
            }
            double expected = rate > 0 ? (logNorm - logR) / rate : Double.POSITIVE_INFINITY;
            return Math.min(plan.step(), 1.25 * expected);
        }

        private void swapEnd() {
            double[] s = pRe;
            pRe = endRe;
            endRe = s;
            s = pIm;
            pIm = endIm;
            endIm = s;
        }

        private double threshold() {
            double r;
            do {
                r = rng.nextDouble();
            } while (r == 0);
            return r;
        }

        private void sample(double t) {
            while (nextEntropy < entropyTimes.length && entropyTimes[nextEntropy] <= t) {
                if (entropyTimes[nextEntropy] == t) {
                    entropySum += halfChainEntropy();
                }
                nextEntropy++;
            }
            if (nextSample < sampleTimes.length && t == sampleTimes[nextSample]) {
                observe(pRe, pIm);
                System.arraycopy(pops, 0, samples, nextSample * sites, sites);
                nextSample++;
            }
        }

        /** Fills terms[1..K] with u_k = (-i A h)^k P / k!; returns the order used (class comment). */
        private int taylor(double h) {
            int order = plan.order();
            double x = normBound * h;
            int size = len * n;
            double[] srcRe = pRe;
            double[] srcIm = pIm;
            for (int k = 1; k <= order; k++) {
                if (terms[k] == null) {
                    terms[k] = new double[][] {new double[len * cap], new double[len * cap]};
                }
                double[] dRe = terms[k][0];
                double[] dIm = terms[k][1];
                double f = h / k;
                double nk = 0;
                for (int a = 0; a < n; a++) {
                    nk += applyMinusIA(srcRe, srcIm, dRe, dIm, a * len, f);
                }
                srcRe = dRe;
                srcIm = dIm;
                double q = x / (k + 1);
                if (size == 0 || (q < 0.5 && Math.sqrt(nk) * q / (1 - q) <= tolerance)) {
                    return k;
                }
            }
            return order;
        }

        /** dst = -i f A src on one orbital starting at offset o; returns its squared norm. */
        private double applyMinusIA(double[] sRe, double[] sIm, double[] dRe, double[] dIm, int o, double f) {
            int last = len - 1;
            if (last == 0) {
                double zr = ar[0] * sRe[o] - ai[0] * sIm[o];
                double zi = ar[0] * sIm[o] + ai[0] * sRe[o];
                dRe[o] = f * zi;
                dIm[o] = -f * zr;
                return dRe[o] * dRe[o] + dIm[o] * dIm[o];
            }
            double n2 = 0;
            // first and last site apart: the interior loop has no branches (vectorisable)
            double zr = ar[0] * sRe[o] - ai[0] * sIm[o] + g[0] * sRe[o + 1];
            double zi = ar[0] * sIm[o] + ai[0] * sRe[o] + g[0] * sIm[o + 1];
            dRe[o] = f * zi;
            dIm[o] = -f * zr;
            n2 += dRe[o] * dRe[o] + dIm[o] * dIm[o];
            for (int k = 1; k < last; k++) {
                double xr = sRe[o + k];
                double xi = sIm[o + k];
                double hr = ar[k] * xr - ai[k] * xi + g[k - 1] * sRe[o + k - 1] + g[k] * sRe[o + k + 1];
                double hi = ar[k] * xi + ai[k] * xr + g[k - 1] * sIm[o + k - 1] + g[k] * sIm[o + k + 1];
                double re = f * hi;
                double im = -f * hr;
                dRe[o + k] = re;
                dIm[o + k] = im;
                n2 += re * re + im * im;
            }
            zr = ar[last] * sRe[o + last] - ai[last] * sIm[o + last] + g[last - 1] * sRe[o + last - 1];
            zi = ar[last] * sIm[o + last] + ai[last] * sRe[o + last] + g[last - 1] * sIm[o + last - 1];
            dRe[o + last] = f * zi;
            dIm[o + last] = -f * zr;
            n2 += dRe[o + last] * dRe[o + last] + dIm[o + last] * dIm[o + last];
            return n2;
        }

        /** out = sum_k frac^k u_k (Horner). */
        private void copyEvaluate(int order, double frac, double[] oRe, double[] oIm) {
            int size = len * n;
            if (size == 0) {
                return;
            }
            double[] topRe = order == 0 ? pRe : terms[order][0];
            double[] topIm = order == 0 ? pIm : terms[order][1];
            System.arraycopy(topRe, 0, oRe, 0, size);
            System.arraycopy(topIm, 0, oIm, 0, size);
            for (int k = order - 1; k >= 0; k--) {
                double[] uRe = k == 0 ? pRe : terms[k][0];
                double[] uIm = k == 0 ? pIm : terms[k][1];
                for (int i = 0; i < size; i++) {
                    oRe[i] = oRe[i] * frac + uRe[i];
                    oIm[i] = oIm[i] * frac + uIm[i];
                }
            }
        }

        /**
         * ln det G(f) of the orbitals P(f) = sum_k f^k u_k of a step from orthonormal P (G = P(f)^+ P(f)), and its
         * Cholesky factor G = L L^+ in lRe, lIm. G is computed the cheaper of two ways: directly (P(f), then
         * P^+ P: about K N n + N n^2 / 2 complex products), or from dG/ds = 2 h P^+ diag(Im A) P, which is nonzero
         * only on the r sites where A is not Hermitian: G(f) = I + 2 h int_0^f sum_{k lossy} Im A_kk p_k(s)^* p_k(s)^T
         * ds, the integrand a polynomial of degree 2K integrated exactly by K + 1 Gauss-Legendre nodes (about
         * (K + 1) r (K n + n^2) products, independent of N: for the bath sites of a uniformly dephased chain r = 2).
         */
        private double logDetAt(int order, double f, double h) {
            return logDetAt(order, f, h, null, null);
        }

        /** As {@link #logDetAt(int, double, double)}, with P(f) already in re, im (null: not evaluated). */
        private double logDetAt(int order, double f, double h, double[] re, double[] im) {
            int r = lossySites.length;
            double lowRankCost = (order + 1.0) * r * (order * n + (double) n * n);
            double direct = order * (double) len * n + 0.5 * len * (double) n * n;
            if (lowRankCost <= direct) {
                gramLowRank(order, f, h);
                if (useLowRank()) {
                    // ln det of the small K instead of the n x n Cholesky factor (made on demand by lossyDecay)
                    factorOfG = false;
                    return lowRank.logDet();
                }
            } else if (re != null) {
                gramDirect(re, im);
            } else {
                copyEvaluate(order, f, evRe, evIm);
                gramDirect(evRe, evIm);
            }
            factorOfG = true;
            return cholesky();
        }

        /** With phase flips, when the low-rank form of G is cheaper than its Cholesky factor: q &lt; n / 4. */
        private boolean useLowRank() {
            return phaseFlip && lowRank.ready() && 4 * lowRank.terms() < n;
        }

        /** G = I + the low-rank integral (see {@link #logDetAt}); with phase flips its terms are kept (lowRank). */
        private void gramLowRank(int order, double f, double h) {
            gatherLossyRows(order);
            if (phaseFlip) {
                lowRank.reset(cap);
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    gRe[a * cap + b] = a == b ? 1 : 0;
                    gIm[a * cap + b] = 0;
                }
            }
            // fewer nodes than the K + 1 that integrate the polynomial exactly when they meet the tolerance (the
            // integrand oscillates with frequencies at most 2 nu, as an observable's: StepPlan.nodesFor), fixed for
            // the whole step so that the jump-time search sees one smooth function
            int m = Math.min(Math.max(order, 1) + 1, StepPlan.nodesFor(normBound * h, tolerance));
            double[] nodes = gramRules[m][0];
            double[] weights = gramRules[m][1];
            for (int i = 0; i < nodes.length; i++) {
                double s = f * nodes[i];
                for (int q = 0; q < lossySites.length; q++) {
                    row(order, s, q);
                    double c = 2 * h * f * weights[i] * ai[lossySites[q]];
                    if (phaseFlip) {
                        lowRank.add(c, rowRe, rowIm, n);
                    }
                    for (int a = 0; a < n; a++) {
                        // conj(p_a) p_b
                        double xr = c * rowRe[a];
                        double xi = -c * rowIm[a];
                        int o = a * cap;
                        for (int b = a; b < n; b++) {
                            gRe[o + b] += xr * rowRe[b] - xi * rowIm[b];
                            gIm[o + b] += xr * rowIm[b] + xi * rowRe[b];
                        }
                    }
                }
            }
        }

        /**
         * Orthonormalises P(f) in place after {@link #logDetAt} at f: with phase flips and G from the low-rank
         * quadrature, by {@link LowRankGram#orthonormalise} (O(N n q) for the q terms of the quadrature, instead of
         * the O(N n^2) of {@link #triangular}: with flips every step is short and this was 80 % of the time at
         * N = 1000) when it is cheaper, about 2 q N n products against N n^2 / 2: q &lt; n / 4; otherwise by the
         * Cholesky factor.
         */
        private void orthonormalise(double[] re, double[] im) {
            if (useLowRank()) {
                lowRank.orthonormalise(re, im, n, len);
            } else {
                triangular(re, im);
            }
        }

        /** G_ab = sum_k conj(P_ka) P_kb (upper triangle). */
        private void gramDirect(double[] re, double[] im) {
            lowRank.clear();
            gram(re, im, len, gRe, gIm, cap);
        }

        /**
         * The upper triangle of sum_{k < rows} conj(P_ka) P_kb, the Gram matrix of the orbitals restricted to their
         * first {@code rows} sites, into outRe/outIm with row stride {@code stride}.
         */
        private void gram(double[] re, double[] im, int rows, double[] outRe, double[] outIm, int stride) {
            for (int a = 0; a < n; a++) {
                int oa = a * len;
                for (int b = a; b < n; b++) {
                    int ob = b * len;
                    double sr = 0;
                    double si = 0;
                    for (int k = 0; k < rows; k++) {
                        sr += re[oa + k] * re[ob + k] + im[oa + k] * im[ob + k];
                        si += re[oa + k] * im[ob + k] - im[oa + k] * re[ob + k];
                    }
                    outRe[a * stride + b] = sr;
                    outIm[a * stride + b] = si;
                }
            }
        }

        /**
         * Copies the rows of the lossy sites of u_0..u_K into lossyRows ([site index][re/im][j * n + a]), contiguous
         * for {@link #row}: called once per step, after {@link #taylor}.
         */
        private void gatherLossyRows(int order) {
            if (gatheredOrder == order && gatheredStep == steps) {
                return;
            }
            gatheredStep = steps;
            int r = lossySites.length;
            if (lossyRows == null || (r > 0 && lossyRows[0][0].length < (StepPlan.MAX_ORDER + 1) * cap)) {
                lossyRows = new double[r][2][(StepPlan.MAX_ORDER + 1) * cap];
            }
            for (int i = 0; i < r; i++) {
                int k = lossySites[i];
                double[] gr = lossyRows[i][0];
                double[] gi = lossyRows[i][1];
                for (int j = 0; j <= order; j++) {
                    double[] uRe = j == 0 ? pRe : terms[j][0];
                    double[] uIm = j == 0 ? pIm : terms[j][1];
                    for (int a = 0; a < n; a++) {
                        gr[j * n + a] = uRe[a * len + k];
                        gi[j * n + a] = uIm[a * len + k];
                    }
                }
            }
            gatheredOrder = order;
        }

        /** rowRe, rowIm = row of P(s) on the i-th lossy site (Horner over the gathered Taylor terms). */
        private void row(int order, double s, int i) {
            double[] gr = lossyRows[i][0];
            double[] gi = lossyRows[i][1];
            System.arraycopy(gr, order * n, rowRe, 0, n);
            System.arraycopy(gi, order * n, rowIm, 0, n);
            for (int j = order - 1; j >= 0; j--) {
                int o = j * n;
                for (int a = 0; a < n; a++) {
                    rowRe[a] = rowRe[a] * s + gr[o + a];
                    rowIm[a] = rowIm[a] * s + gi[o + a];
                }
            }
        }

        /**
         * Cholesky factor G = L L^+ of the Hermitian G (upper triangle given: G_ab at [a * cap + b], b &gt;= a), L
         * lower triangular with a real positive diagonal, L_ba stored at [a * cap + b] for b &gt;= a (column a of L
         * contiguous); returns ln det G = 2 sum ln L_aa.
         */
        private double cholesky() {
            double logDet = 0;
            for (int a = 0; a < n; a++) {
                int oa = a * cap;
                double d = gRe[oa + a];
                for (int c = 0; c < a; c++) {
                    int oc = c * cap;
                    d -= lRe[oc + a] * lRe[oc + a] + lIm[oc + a] * lIm[oc + a];
                }
                if (!(d > 0) || !Double.isFinite(d)) {
                    throw new SolverException("orbitals became linearly dependent (Cholesky pivot " + d + " of orbital "
                            + (a + 1) + " of " + n + ")");
                }
                double lad = Math.sqrt(d);
                logDet += Math.log(d);
                lRe[oa + a] = lad;
                lIm[oa + a] = 0;
                for (int b = a + 1; b < n; b++) {
                    // L_ba = (G_ba - sum_c L_bc conj(L_ac)) / L_aa, G_ba = conj(G_ab)
                    double xr = gRe[oa + b];
                    double xi = -gIm[oa + b];
                    for (int c = 0; c < a; c++) {
                        int oc = c * cap;
                        xr -= lRe[oc + b] * lRe[oc + a] + lIm[oc + b] * lIm[oc + a];
                        xi -= lIm[oc + b] * lRe[oc + a] - lRe[oc + b] * lIm[oc + a];
                    }
                    lRe[oa + b] = xr / lad;
                    lIm[oa + b] = xi / lad;
                }
            }
            return logDet;
        }

        /**
         * Orthonormalises P in place with the Cholesky factor of its Gram matrix: P = Y R, R = L^+ upper triangular,
         * Y_a = (P_a - sum_{b &lt; a} Y_b R_ba) / R_aa with R_ba = conj(L_ab): one product per pair instead of the two
         * of Gram-Schmidt.
         */
        private void triangular(double[] re, double[] im) {
            for (int a = 0; a < n; a++) {
                int oa = a * len;
                for (int b = 0; b < a; b++) {
                    int ob = b * len;
                    // R_ba = conj(L_ab), L_ab at [b * cap + a]
                    double rr = lRe[b * cap + a];
                    double ri = -lIm[b * cap + a];
                    if (rr == 0 && ri == 0) {
                        continue;
                    }
                    for (int k = 0; k < len; k++) {
                        double yr = re[ob + k];
                        double yi = im[ob + k];
                        re[oa + k] -= yr * rr - yi * ri;
                        im[oa + k] -= yr * ri + yi * rr;
                    }
                }
                double s = 1 / lRe[a * cap + a];
                for (int k = 0; k < len; k++) {
                    re[oa + k] *= s;
                    im[oa + k] *= s;
                }
            }
        }

        /**
         * sum over the lossy sites of (l_k - lossShift) C_kk(f), C_kk = p_k^+ G^-1 p_k = ||L^-1 w||^2 with w_a =
         * conj(P_ka) (the Cholesky factor of G(f) in lRe, lIm): the part of -d ln||psi||^2/dt beyond the constant.
         */
        private double lossyDecay(int order, double f) {
            if (!factorOfG) {
                cholesky();
                factorOfG = true;
            }
            gatherLossyRows(order);
            double sum = 0;
            for (int q = 0; q < lossySites.length; q++) {
                int k = lossySites[q];
                row(order, f, q);
                double c = 0;
                // forward substitution L z = w, w = conj(row), in place in rowRe/rowIm
                for (int a = 0; a < n; a++) {
                    double zr = rowRe[a];
                    double zi = -rowIm[a];
                    for (int b = 0; b < a; b++) {
                        double lr = lRe[b * cap + a];
                        double li = lIm[b * cap + a];
                        zr -= lr * rowRe[b] - li * rowIm[b];
                        zi -= lr * rowIm[b] + li * rowRe[b];
                    }
                    zr /= lRe[a * cap + a];
                    zi /= lRe[a * cap + a];
                    rowRe[a] = zr;
                    rowIm[a] = zi;
                    c += zr * zr + zi * zi;
                }
                sum += (loss[k] - lossShift) * c;
            }
            return sum;
        }

        /**
         * One pass of modified Gram-Schmidt, repeated for an orbital whose norm fell below 1/sqrt(2) of its value
         * before the projections (Kahan-Parlett "twice is enough"): after a jump the orbitals are orthonormal but
         * for the few the jump touched.
         */
        private void orthonormaliseOnce(double[] re, double[] im) {
            for (int a = 0; a < n; a++) {
                int oa = a * len;
                double before = 0;
                for (int k = 0; k < len; k++) {
                    before += re[oa + k] * re[oa + k] + im[oa + k] * im[oa + k];
                }
                double n2 = before;
                for (int pass = 0; pass < 2; pass++) {
                    for (int b = 0; b < a; b++) {
                        int ob = b * len;
                        double sr = 0;
                        double si = 0;
                        for (int k = 0; k < len; k++) {
                            sr += re[ob + k] * re[oa + k] + im[ob + k] * im[oa + k];
                            si += re[ob + k] * im[oa + k] - im[ob + k] * re[oa + k];
                        }
                        if (sr == 0 && si == 0) {
                            continue;
                        }
                        for (int k = 0; k < len; k++) {
                            double qr = re[ob + k];
                            double qi = im[ob + k];
                            re[oa + k] -= sr * qr - si * qi;
                            im[oa + k] -= sr * qi + si * qr;
                        }
                    }
                    n2 = 0;
                    for (int k = 0; k < len; k++) {
                        n2 += re[oa + k] * re[oa + k] + im[oa + k] * im[oa + k];
                    }
                    if (n2 >= 0.5 * before) {
                        break;
                    }
                    before = n2;
                }
                if (!(n2 > 0) || !Double.isFinite(n2)) {
                    throw new SolverException("orbitals became linearly dependent (Gram-Schmidt norm " + n2
                            + " of orbital " + (a + 1) + " of " + n + ")");
                }
                double s = 1 / Math.sqrt(n2);
                for (int k = 0; k < len; k++) {
                    re[oa + k] *= s;
                    im[oa + k] *= s;
                }
            }
        }

        /**
         * S = -sum [nu ln nu + (1 - nu) ln(1 - nu)] over the eigenvalues nu of C restricted to the first floor(N/2)
         * sites, for orthonormal orbitals: the nonzero ones are those of the n x n M = Q_A^+ Q_A (Q_A the orbitals on
         * those sites), found as the eigenvalues of the real symmetric [[Re M, -Im M], [Im M, Re M]] (each twice).
         */
        private double halfChainEntropy() {
            int half = sites / 2;
            if (n == 0 || half == 0) {
                return 0;
            }
            org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(2 * n, 2 * n);
            double[] mRe = new double[n * n];
            double[] mIm = new double[n * n];
            gram(pRe, pIm, half, mRe, mIm, n);
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double sr = mRe[a * n + b];
                    double si = mIm[a * n + b];
                    // M_ab = sr + i si, M_ba = sr - i si
                    m.set(a, b, sr);
                    m.set(b, a, sr);
                    m.set(n + a, n + b, sr);
                    m.set(n + b, n + a, sr);
                    m.set(n + a, b, si);
                    m.set(a, n + b, -si);
                    m.set(n + b, a, -si);
                    m.set(b, n + a, si);
                }
            }
            org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(2 * n, false, true);
            if (!eig.decompose(m)) {
                throw new SolverException("eigenvalues of the half-chain correlation matrix did not converge (" + n
                        + " orbitals)");
            }
            double sum = 0;
            for (int i = 0; i < 2 * n; i++) {
                double nu = eig.getEigenvalue(i).getReal();
                if (nu > 1e-15 && nu < 1 - 1e-15) {
                    sum -= nu * Math.log(nu) + (1 - nu) * Math.log1p(-nu);
                }
            }
            return 0.5 * sum;
        }

        /** pops[k] = C_kk, bonds[b] = Re C_{b,b+1} of orthonormal orbitals. */
        private void observe(double[] re, double[] im) {
            java.util.Arrays.fill(pops, 0);
            java.util.Arrays.fill(bonds, 0);
            for (int a = 0; a < n; a++) {
                int o = a * len;
                for (int k = 0; k < len; k++) {
                    pops[k] += re[o + k] * re[o + k] + im[o + k] * im[o + k];
                }
                for (int b = 0; b < len - 1; b++) {
                    bonds[b] += re[o + b] * re[o + b + 1] + im[o + b] * im[o + b + 1];
                }
            }
        }

        /** Adds the Gauss-Legendre integrals over [0, frac h] of C_kk and Re C_{b,b+1}. */
        private void integrate(int order, double frac, double h) {
            int m = Math.min(StepPlan.nodesFor(normBound * h * frac, tolerance), rules.length);
            double[][] rule = rules[m - 1];
            double[] nodes = rule[0];
            double[] weights = rule[1];
            for (int i = 0; i < nodes.length; i++) {
                copyEvaluate(order, frac * nodes[i], tmpRe, tmpIm);
                logDetAt(order, frac * nodes[i], h, tmpRe, tmpIm);
                orthonormalise(tmpRe, tmpIm);
                observe(tmpRe, tmpIm);
                double w = frac * h * weights[i];
                for (int k = 0; k < sites; k++) {
                    intPops[k] += w * pops[k];
                }
                for (int b = 0; b < bonds.length; b++) {
                    intBonds[b] += w * bonds[b];
                }
            }
        }

        /**
         * The fraction f of the step h at which ln ||psi||^2 = ln r (it is above at f = 0 and not above at f = 1):
         * safeguarded Newton with the exact derivative, kept inside the bracket.
         */
        private double jumpFraction(int order, double h, double logR, double endLog) {
            double lo = 0;
            double hi = 1;
            double rate = lossShift * n + scalarDecay;
            // start from the linear interpolation of the log-norm
            double f = (logNorm - logR) / (logNorm - endLog);
            if (!(f > 0 && f < 1)) {
                f = 0.5;
            }
            for (int it = 0; it < 200; it++) {
                double val = logNorm + logDetAt(order, f, h) - rate * h * f - logR;
                if (Math.abs(val) <= ROOT_TOLERANCE) {
                    return f;
                }
                if (val > 0) {
                    lo = f;
                } else {
                    hi = f;
                }
                double d = rate + lossyDecay(order, f);
                double dv = -h * d;
                double next = dv < 0 ? f - val / dv : Double.NaN;
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                if (hi - lo <= 1e-15 || next == f) {
                    return next;
                }
                f = next;
            }
            throw new SolverException("jump-time search did not converge (bracket [" + lo + ", " + hi + "] of a step "
                    + h + ")");
        }

        /** Picks a channel with probability ~ ||L_m psi||^2 and applies it to the (orthonormal) orbitals. */
        private void jump(boolean window, double t) {
            observe(pRe, pIm);
            double total = 0;
            double[] rates = new double[chanKind.length];
            for (int c = 0; c < rates.length; c++) {
                double p = pops[chanSite[c]];
                rates[c] = chanRate[c] * (chanKind[c] == ABSORPTION ? Math.max(1 - p, 0) : p);
                total += rates[c];
            }
            if (!(total > 0)) {
                throw new SolverException("norm decayed in a state with no jump rate (" + n + " orbitals)");
            }
            double u = rng.nextDouble() * total;
            int pick = rates.length - 1;
            for (int c = 0; c < rates.length; c++) {
                u -= rates[c];
                if (u < 0 && rates[c] > 0) {
                    pick = c;
                    break;
                }
            }
            while (rates[pick] == 0) {
                pick--;
            }
            int k = chanSite[pick];
            int kind = chanKind[pick];
            allJumps++;
            if (window) {
                jumps++;
                if (chanBath[pick] >= 0) {
                    int charge = kind == ABSORPTION ? 1 : -1;
                    net[chanBath[pick]] += charge;
                    if (listener != null) {
                        listener.onJump(chanBath[pick], charge, t);
                    }
                }
            }
            switch (kind) {
                case EMISSION -> {
                    annihilate(k);
                    string(k);
                }
                case ABSORPTION -> {
                    string(k);
                    create(k);
                }
                default -> {
                    annihilate(k);
                    create(k);
                }
            }
            orthonormaliseOnce(pRe, pIm);
            if (diagnose) {
                worstOrtho = Math.max(worstOrtho, orthonormalityDefect());
            }
        }

        /** c_k: makes the orbital with the largest weight on site k the only one touching k, and drops it. */
        private void annihilate(int k) {
            int pivot = -1;
            double best = 0;
            for (int a = 0; a < n; a++) {
                double w = pRe[a * len + k] * pRe[a * len + k] + pIm[a * len + k] * pIm[a * len + k];
                if (w > best) {
                    best = w;
                    pivot = a;
                }
            }
            if (pivot < 0) {
                throw new SolverException("annihilation on an empty site " + (k + 1));
            }
            int op = pivot * len;
            double pr = pRe[op + k];
            double pi = pIm[op + k];
            for (int a = 0; a < n; a++) {
                if (a == pivot) {
                    continue;
                }
                int oa = a * len;
                // factor = P_ka / P_kp
                double xr = pRe[oa + k];
                double xi = pIm[oa + k];
                double fr = (xr * pr + xi * pi) / best;
                double fi = (xi * pr - xr * pi) / best;
                for (int s = 0; s < len; s++) {
                    double qr = pRe[op + s];
                    double qi = pIm[op + s];
                    pRe[oa + s] -= fr * qr - fi * qi;
                    pIm[oa + s] -= fr * qi + fi * qr;
                }
                pRe[oa + k] = 0;
                pIm[oa + k] = 0;
            }
            int last = (n - 1) * len;
            if (pivot != n - 1) {
                System.arraycopy(pRe, last, pRe, op, len);
                System.arraycopy(pIm, last, pIm, op, len);
            }
            n--;
        }

        /** c_k^+: appends the orbital e_k. */
        private void create(int k) {
            ensure(n + 1);
            int o = n * len;
            java.util.Arrays.fill(pRe, o, o + len, 0);
            java.util.Arrays.fill(pIm, o, o + len, 0);
            pRe[o + k] = 1;
            n++;
        }

        /** The Jordan-Wigner string prod_{j &lt; k} (1 - 2 n_j): negates the entries of every orbital on j &lt; k. */
        private void string(int k) {
            for (int a = 0; a < n; a++) {
                int o = a * len;
                for (int j = 0; j < k; j++) {
                    pRe[o + j] = -pRe[o + j];
                    pIm[o + j] = -pIm[o + j];
                }
            }
        }

        /** max_ab |(P^+ P - I)_ab|. */
        private double orthonormalityDefect() {
            double worst = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++) {
                    double sr = 0;
                    double si = 0;
                    for (int k = 0; k < len; k++) {
                        sr += pRe[a * len + k] * pRe[b * len + k] + pIm[a * len + k] * pIm[b * len + k];
                        si += pRe[a * len + k] * pIm[b * len + k] - pIm[a * len + k] * pRe[b * len + k];
                    }
                    if (a == b) {
                        sr -= 1;
                    }
                    worst = Math.max(worst, Math.hypot(sr, si));
                }
            }
            return worst;
        }

        private double[] estimates(double window) {
            double[] v = new double[names.size()];
            double deph = 0;
            for (int b = 0; b < intBonds.length; b++) {
                deph -= 0.5 * (chain.dephasing(b) + chain.dephasing(b + 1)) * 2 * g[b] * intBonds[b];
            }
            for (int j = 0; j < 2; j++) {
                int k = bathSite[j];
                double w = bathOmega[j];
                double hop = (k > 0 ? 2 * g[k - 1] * intBonds[k - 1] : 0) + (k < sites - 1 ? 2 * g[k] * intBonds[k] : 0);
                // the exchange term omega_k (G nbar (1 - n_k) - G (nbar + 1) n_k) has the expectation of omega_k times the
                // counted net jumps (the jump rates are the conditional expectations of the counts), and their
                // variance is far smaller (N = 100, gamma = 0.5: ten times smaller standard error at the hot bath)
                v[j] = (w * net[j] - 0.5 * bathGamma[j] * hop) / window;
            }
            v[2] = deph / window;
            v[3] = net[0] / window;
            v[4] = net[1] / window;
            v[5] = bathOmega[0] * net[0] / window;
            v[6] = bathOmega[1] * net[1] / window;
            for (int k = 0; k < sites; k++) {
                v[7 + k] = intPops[k] / window;
            }
            v[7 + sites] = jumps / window;
            System.arraycopy(samples, 0, v, 8 + sites, samples.length);
            v[v.length - 1] = entropySum / ENTROPY_SAMPLES;
            return v;
        }
    }
}
