package org.qtraj.trajectory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * One Monte Carlo wave-function trajectory of the chain's master equation (Dalibard, Castin, Molmer, PRL 68, 580
 * (1992); Plenio, Knight, RMP 70, 101 (1998)) with steady-state estimators averaged over [t_burn, t_total].
 *
 * <h2>Evolution</h2>
 * The state lives in one excitation-number sector (see {@link Unravelling}). Waiting-time method: draw r uniform in
 * (0, 1), evolve the unnormalised state under H_eff until ||psi||^2 = r, jump with operator L_m chosen with
 * probability ||L_m psi||^2 / sum_m' ||L_m' psi||^2, normalise, draw a new r. Between jumps the state is propagated
 * by Taylor steps of the shifted H_eff (order K and step h from {@link StepPlan}), each of local error at most the
 * unravelling's tolerance relative to ||psi||; the series is cut earlier when the a posteriori bound
 * ||u_k|| q/(1-q), {@code q = nu h/(k+1) < 1/2}, on the remaining terms is below the tolerance. The step
 * polynomial gives the state anywhere inside a step, so the jump time is found without re-propagation:
 * safeguarded Newton on ||psi(t)||^2 - r with the exact derivative d||psi||^2/dt = -sum_x Gamma_x |psi_x|^2, to a
 * relative norm error of 1e-13.
 *
 * <h2>Estimators (per unit time over the window W = t_total - t_burn)</h2>
 * <ul>
 * <li>{@code heat_current}, {@code heat_current_right}: (1/W) integral of
 * {@code Tr(H D_j(|psi><psi|))/<psi|psi>}, i.e. of {@code <psi|D_j^+(H)|psi>/<psi|psi>}, with
 * D_j^+(H) = diag(a_j) - (gamma_j/2) (hopping terms of the bonds at the bath site); its mean is
 * J_j = Tr(H D_j rho_ss).</li>
 * <li>{@code heat_current_dephasing}: the same for D_deph^+(H) = -sum_b ((d_b + d_{b+1})/2) g_b (s+_b s-_{b+1} + h.c.).</li>
 * <li>{@code particle_current}, {@code particle_current_right}: counted jumps, (absorptions - emissions)/W.</li>
 * <li>{@code local_heat_current}, {@code local_heat_current_right}: omega of the bath site times the counted
 * particle current.</li>
 * <li>{@code population_k}: (1/W) integral of {@code <psi|n_k|psi>/<psi|psi>}.</li>
 * <li>{@code jump_rate}: all jumps in the window / W.</li>
 * <li>with sample times t_j ({@link TrajectoryOptions#sampleTimes()}): {@code population_k_at_j}, the normalised
 * {@code <psi(t_j)|n_k|psi(t_j)>/<psi(t_j)|psi(t_j)>}; its ensemble mean is tr(n_k rho(t_j)) from the initial state
 * (relaxation curves). Steps are cut at every sample time.</li>
 * </ul>
 * Integrals over each deterministic step use the step's Gauss-Legendre rule ({@link StepPlan}: error below the
 * tolerance relative to the operator norm per unit time); steps are cut at t_burn, at t_total and at jumps.
 *
 * <p>Immutable and thread-safe: every call of {@link #run} has its own work space; the randomness is the provider
 * handed in (r, then the channel, per jump: two doubles per jump).
 */
public final class QuantumTrajectory {
    private static final double ROOT_TOLERANCE = 1e-13;

    private final Unravelling unravelling;
    private final TrajectoryOptions options;
    private final List<String> names;
    private final Bath[] baths;
    private final double[] bathGamma;
    private final double[] bathOmega;
    private final boolean bondCurrents;
    private final double[] sampleTimes;
    /** The initial basis state as a mask (the unravelling has at most 24 sites). */
    private final int initialMask;

    private QuantumTrajectory(Unravelling unravelling, TrajectoryOptions options) {
        this.unravelling = unravelling;
        this.options = options;
        Chain chain = unravelling.chain();
        options.requireInitialStateFits(chain.sites());
        this.initialMask = options.initialState().mask(chain.sites());
        this.baths = chain.baths();
        this.bathGamma = new double[baths.length];
        this.bathOmega = new double[baths.length];
        this.bondCurrents = !chain.isChain();
        for (int j = 0; j < baths.length; j++) {
            bathOmega[j] = chain.bathOmega(baths[j]);
            bathGamma[j] = baths[j].gamma(bathOmega[j]);
        }
        this.sampleTimes = options.sampleTimes().stream().mapToDouble(Double::doubleValue).toArray();
        List<String> n = new ArrayList<>(estimatorNames(chain));
        n.addAll(sampleNames(chain.sites(), sampleTimes.length));
        this.names = Collections.unmodifiableList(n);
    }

    /**
     * The trajectory of an unravelling over the time window and from the initial state of {@code options}.
     *
     * @throws InvalidInputException naming "dephasing_jumps" unless the options unravel the dephasing by projective
     *                               jumps (the phase-flip unravelling is the gaussian engine's)
     */
    public static QuantumTrajectory of(Unravelling unravelling, TrajectoryOptions options) {
        if (options.dephasingJumps() != DephasingJumps.PROJECTIVE) {
            throw new InvalidInputException("dephasing_jumps", "the sector engine unravels dephasing by projective jumps"
                    + " only, got " + options.dephasingJumps().key() + "; use the gaussian engine");
        }
        return new QuantumTrajectory(unravelling, options);
    }

    /** Names of the values {@link #run} returns for a chain of N sites with its left and right baths. */
    public static List<String> estimatorNames(int sites) {
        List<String> n = new ArrayList<>(List.of("heat_current", "heat_current_right", "heat_current_dephasing",
                "particle_current", "particle_current_right", "local_heat_current", "local_heat_current_right"));
        for (int k = 1; k <= sites; k++) {
            n.add("population_" + k);
        }
        n.add("jump_rate");
        return Collections.unmodifiableList(n);
    }

    /**
     * Names of the values {@link #run} returns for a model, in order (class comment): for the first bath
     * heat_current, particle_current and local_heat_current, for every other bath the same with its name appended
     * ({@code heat_current_right} for a chain's), and on a network (not a chain) after jump_rate the bond currents
     * {@code bond_current_K_L}, one per bond in the model's order.
     */
    public static List<String> estimatorNames(Chain chain) {
        if (chain.isTwoBathChain()) {
            return estimatorNames(chain.sites());
        }
        List<String> n = new ArrayList<>();
        for (String kind : new String[] {"heat_current", "particle_current", "local_heat_current"}) {
            for (int j = 0; j < chain.bathCount(); j++) {
                n.add(kind + (j == 0 ? "" : "_" + chain.bathName(j)));
            }
            if (kind.equals("heat_current")) {
                n.add("heat_current_dephasing");
            }
        }
        for (int k = 1; k <= chain.sites(); k++) {
            n.add("population_" + k);
        }
        n.add("jump_rate");
        if (!chain.isChain()) {
            for (int b = 0; b < chain.bonds(); b++) {
                n.add(bondCurrentName(chain, b));
            }
        }
        return Collections.unmodifiableList(n);
    }

    /** The estimator name of bond b's current: {@code bond_current_K_L}, sites 1-based, K -&gt; L counted positive. */
    public static String bondCurrentName(Chain chain, int bond) {
        return "bond_current_" + (chain.bondFrom(bond) + 1) + "_" + (chain.bondTo(bond) + 1);
    }

    /** Names of the sampled populations, after the estimators: population_k_at_j, j over times, k over sites. */
    public static List<String> sampleNames(int sites, int times) {
        List<String> n = new ArrayList<>(sites * times);
        for (int j = 0; j < times; j++) {
            for (int k = 1; k <= sites; k++) {
                n.add("population_" + k + "_at_" + j);
            }
        }
        return n;
    }

    /** Names of the values {@link #run} returns: the estimators, then the sampled populations (unmodifiable). */
    public List<String> names() {
        return names;
    }

    /** The time window, initial state and sample times. */
    public TrajectoryOptions options() {
        return options;
    }

    /** The unravelling (chain, jump operators, integrator) this trajectory runs. */
    public Unravelling unravelling() {
        return unravelling;
    }

    /**
     * Runs one trajectory and returns its estimators in the order of {@link #names()} (a new array). All randomness
     * comes from {@code rng}, which is used by the calling thread only.
     */
    public double[] run(UniformRandomProvider rng) {
        return new Run(rng, null).go();
    }

    /**
     * As {@link #run(UniformRandomProvider)}, and reports every bath jump inside the window to {@code listener}
     * (null for none). The trajectory and its estimators are the same with or without a listener.
     */
    public double[] run(UniformRandomProvider rng, JumpListener listener) {
        return new Run(rng, listener).go();
    }

    /**
     * A walker of this trajectory: the state from {@link TrajectoryOptions#initialState()} at t = 0, advanced piece by
     * piece with the bath jumps counted, and copied onto another walker (population dynamics, "cloning": Giardina,
     * Kurchan and Peliti, PRL 96, 120603 (2006)). The window, sample times and estimators of the options play no
     * role. Randomness from {@code rng} as in {@link #run}.
     */
    public Walker walker(UniformRandomProvider rng) {
        return new Walker(new Run(rng, null));
    }

    /**
     * One quantum-jump trajectory advanced piece by piece ({@link QuantumTrajectory#walker}). The state between jumps
     * is the unnormalised psi with its jump threshold r (the waiting-time method); {@link #copyFrom} takes the other
     * walker's normalised state and draws a fresh threshold, which is exact: given no jump so far, the threshold is
     * uniform below the current norm, so a fresh uniform draw below it continues the trajectory with the right law,
     * and independently of the original.
     *
     * <p>Not thread-safe: a walker and its random stream belong to one thread; several walkers may share one stream
     * if they are advanced one after the other.
     */
    public static final class Walker implements org.qtraj.ensemble.Walker<Walker> {
        private final Run run;

        private Walker(Run run) {
            this.run = run;
            run.begin();
        }

        /**
         * Runs the trajectory from its time t to t + dt.
         *
         * @param dt   the time to advance, finite and &gt; 0
         * @param bath 0 (left) or 1 (right)
         * @return the net count (absorptions - emissions) at {@code bath} during the advance
         */
        @Override
        public long advance(double dt, int bath) {
            long before = run.net[bath];
            run.advanceTo(run.now + dt);
            return run.net[bath] - before;
        }

        /** Makes this walker a copy of {@code other}'s state and time, with a fresh jump threshold. */
        @Override
        public void copyFrom(Walker other) {
            if (other != this) {
                run.copyFrom(other.run);
            }
        }

        /** The walker's time. */
        public double time() {
            return run.now;
        }

        /** Jumps so far (bath and dephasing). */
        public long jumps() {
            return run.jumps;
        }
    }

    /** The mutable state of one trajectory. */
    private final class Run {
        private final UniformRandomProvider rng;
        private final JumpListener listener;
        private final int sites = unravelling.sites();
        private final double tolerance = unravelling.tolerance();
        private final double[][] terms = new double[StepPlan.MAX_ORDER + 1][];
        private double[] psi;
        private double[] end;
        private double[] tmp;
        /** The fraction at which {@link #jumpFraction} left the state in tmp (NaN if none). */
        private double rootFraction = Double.NaN;
        /** ||u_k|| of the last {@link #taylor} call, [0] = ||psi||. */
        private final double[] termNorms = new double[StepPlan.MAX_ORDER + 1];
        /** s^k for {@link #orderAt}. */
        private final double[] powers = new double[StepPlan.MAX_ORDER + 1];
        // observables of the last observe() call
        private final double[] pops = new double[sites];
        private final double[] weightedProbability;
        // per hopping pair of the current sector, weighted sums of Re and Im(conj psi_row psi_column), folded into
        // the bond integrals at flush: no bond index or coupling in the quadrature's inner loop (grown on demand)
        private double[] pairRe = new double[0];
        private double[] pairIm = new double[0];
        // window integrals
        private final double[] intPops = new double[sites];
        private final double[] intBonds = new double[unravelling.chain().bonds()];
        private final double[] intBathDiag = new double[baths.length];
        private final long[] net = new long[baths.length];
        /** integral of sum over pairs of 2 g Im(conj psi_target psi_source) per bond (networks only). */
        private final double[] intBondCurrents = new double[unravelling.chain().bonds()];
        private long jumps;
        // populations at the sample times, [j * sites + k], and the next sample to take
        private final double[] samples = new double[sampleTimes.length * sites];
        private int nextSample;

        Run(UniformRandomProvider rng, JumpListener listener) {
            this.rng = rng;
            this.listener = listener;
            int len = 2 * unravelling.maxDimension();
            psi = new double[len];
            end = new double[len];
            tmp = new double[len];
            weightedProbability = new double[len / 2];
            terms[0] = psi;
        }

        // the state of a walker between advances (begin, advanceTo, copyFrom)
        private Sector sector;
        private double norm2Now;
        private double rNow;
        private double now;

        /** Puts the walker into the initial state at t = 0. */
        void begin() {
            int init = initialMask;
            sector = unravelling.sector(Integer.bitCount(init));
            psi[2 * unravelling.indexOf(init)] = 1;
            norm2Now = 1;
            rNow = threshold();
            now = 0;
        }

        /**
         * The loop of {@link #go} from the walker's time to tEnd without estimators: jumps are counted in net[] and
         * jumps, the step is cut at tEnd.
         */
        void advanceTo(double tEnd) {
            Sector s = sector;
            double norm2 = norm2Now;
            double r = rNow;
            double t = now;
            while (t < tEnd) {
                double h = stepLength(s, norm2, r, tEnd - t);
                boolean reaches = h >= tEnd - t;
                int order = taylor(s, h, norm2);
                double endNorm = evaluate(s, order, 1.0, Math.exp(-0.5 * s.decayShift * h), end);
                if (endNorm > r) {
                    double[] swap = psi;
                    psi = end;
                    end = swap;
                    norm2 = endNorm;
                    t = reaches ? tEnd : t + h;
                    continue;
                }
                double frac = jumpFraction(s, order, h, norm2, endNorm, r);
                stateAtJump(s, order, frac, h);
                double[] swap = psi;
                psi = end;
                end = swap;
                t = (frac == 1.0 && reaches) ? tEnd : t + frac * h;
                s = jump(s, true, t);
                norm2 = 1;
                r = threshold();
            }
            sector = s;
            norm2Now = norm2;
            rNow = r;
            now = t;
        }

        /** Takes other's state normalised, its time and counts, and draws a fresh threshold (class Walker). */
        void copyFrom(Run other) {
            sector = other.sector;
            int len = 2 * sector.dim;
            double scale = 1 / Math.sqrt(other.norm2Now);
            for (int i = 0; i < len; i++) {
                psi[i] = other.psi[i] * scale;
            }
            norm2Now = 1;
            rNow = threshold();
            now = other.now;
            System.arraycopy(other.net, 0, net, 0, net.length);
            jumps = other.jumps;
        }

        double[] go() {
            final double tBurn = options.tBurn();
            final double tTotal = options.tTotal();
            int init = initialMask;
            Sector s = unravelling.sector(Integer.bitCount(init));
            psi[2 * unravelling.indexOf(init)] = 1;
            double norm2 = 1;
            double r = threshold();
            double t = 0;
            sample(s, t);
            while (t < tTotal) {
                boolean window = t >= tBurn;
                double target = window ? tTotal : tBurn;
                if (nextSample < sampleTimes.length && sampleTimes[nextSample] < target) {
                    target = sampleTimes[nextSample];
                }
                double h = stepLength(s, norm2, r, target - t);
                boolean reaches = h >= target - t;
                int order = taylor(s, h, norm2);
                double decay = Math.exp(-0.5 * s.decayShift * h);
                double endNorm = evaluate(s, order, 1.0, decay, end);
                if (endNorm > r) {
                    if (window) {
                        integrate(s, order, 1.0, h);
                    }
                    double[] swap = psi;
                    psi = end;
                    end = swap;
                    norm2 = endNorm;
                    t = reaches ? target : t + h;
                    sample(s, t);
                    continue;
                }
                double frac = jumpFraction(s, order, h, norm2, endNorm, r);
                stateAtJump(s, order, frac, h);
                if (window) {
                    integrate(s, order, frac, h);
                }
                double[] swap = psi;
                psi = end;
                end = swap;
                t = (frac == 1.0 && reaches) ? target : t + frac * h;
                s = jump(s, window, t);
                norm2 = 1;
                r = threshold();
                sample(s, t);
            }
            flush(s);
            return estimates(tTotal - tBurn);
        }

        /** Records the normalised populations if t is the next sample time (steps are cut there). */
        private void sample(Sector s, double t) {
            if (nextSample < sampleTimes.length && t == sampleTimes[nextSample]) {
                double n2 = populations(s, psi);
                for (int k = 0; k < sites; k++) {
                    samples[nextSample * sites + k] = pops[k] / n2;
                }
                nextSample++;
            }
        }

        /**
         * The next step: the plan's step h, cut at the time left, and cut at 1.25 times the time in which the norm
         * would fall from norm2 to the threshold r at its present rate, ln(norm2 / r) / (sum_x Gamma_x |psi_x|^2 /
         * norm2). Why: where jumps are frequent most steps end at a jump, and a step that is not much longer than the
         * jump needs fewer Taylor terms (the series is cut a posteriori) and fewer quadrature nodes. Any step up to h
         * keeps the local error bound, so a prediction that falls short only costs one more step.
         */
        private double stepLength(Sector s, double norm2, double r, double left) {
            double h = Math.min(s.plan.step(), left);
            final double[] gamma = s.decay;
            final double[] v = psi;
            double rate = 0;
            for (int x = 0; x < s.dim; x++) {
                rate += gamma[x] * (v[2 * x] * v[2 * x] + v[2 * x + 1] * v[2 * x + 1]);
            }
            if (rate > 0) {
                h = Math.min(h, 1.25 * Math.log(norm2 / r) * norm2 / rate);
            }
            return h;
        }

        /** r uniform in (0, 1). */
        private double threshold() {
            double r;
            do {
                r = rng.nextDouble();
            } while (r == 0);
            return r;
        }

        /**
         * Fills terms[0..k] (terms[0] = psi) with u_k = (-i A h)^k psi / k! and returns the order used: the plan's
         * order, or less when the a posteriori bound on the rest is below the tolerance.
         */
        private int taylor(Sector s, double h, double norm2) {
            terms[0] = psi;
            int order = s.plan.order();
            double x = s.normBound * h;
            double limit = tolerance * Math.sqrt(norm2);
            termNorms[0] = Math.sqrt(norm2);
            for (int k = 1; k <= order; k++) {
                if (terms[k] == null) {
                    terms[k] = new double[psi.length];
                }
                double nk = Math.sqrt(s.applyMinusIA(terms[k - 1], terms[k], h / k));
                termNorms[k] = nk;
                double q = x / (k + 1);
                if (q < 0.5 && nk * q / (1 - q) <= limit) {
                    return k;
                }
            }
            return order;
        }

        /**
         * The order at which the step polynomial can be cut when evaluated at s in (0, 1): the lowest k with
         * sum_{j > k} s^j ||u_j|| &lt;= tolerance ||psi|| / 4, the norms from the last {@link #taylor} call. Why: a
         * quadrature node early in the step needs fewer terms than the step's end (s^j falls with j), and the nodes
         * are most of the evaluations. The state at the node then differs from the step polynomial's by at most a
         * quarter of the tolerance, on top of the polynomial's own truncation error (at most the tolerance).
         */
        private int orderAt(int order, double s) {
            double[] p = powers;
            p[0] = 1;
            for (int k = 1; k <= order; k++) {
                p[k] = p[k - 1] * s;
            }
            double limit = 0.25 * tolerance * termNorms[0];
            double dropped = 0;
            int k = order;
            while (k > 0) {
                dropped += p[k] * termNorms[k];
                if (dropped > limit) {
                    break;
                }
                k--;
            }
            return k;
        }

        /** out = scale * sum_k frac^k u_k (Horner); returns ||out||^2. */
        private double evaluate(Sector s, int order, double frac, double scale, double[] out) {
            int len = 2 * s.dim;
            double[] top = terms[order];
            if (frac == 1.0) {
                System.arraycopy(top, 0, out, 0, len);
                for (int k = order - 1; k >= 0; k--) {
                    double[] u = terms[k];
                    for (int i = 0; i < len; i++) {
                        out[i] += u[i];
                    }
                }
            } else {
                System.arraycopy(top, 0, out, 0, len);
                for (int k = order - 1; k >= 0; k--) {
                    double[] u = terms[k];
                    for (int i = 0; i < len; i++) {
                        out[i] = out[i] * frac + u[i];
                    }
                }
            }
            double n2 = 0;
            for (int i = 0; i < len; i++) {
                out[i] *= scale;
                n2 += out[i] * out[i];
            }
            return n2;
        }

        /**
         * Puts the state at the fraction frac of the step into {@code end}: the root search's last evaluation when it
         * ended there (the same call, so the same bits), else evaluated anew.
         */
        private void stateAtJump(Sector s, int order, double frac, double h) {
            if (frac == rootFraction) {
                double[] swap = end;
                end = tmp;
                tmp = swap;
            } else {
                evaluate(s, order, frac, Math.exp(-0.5 * s.decayShift * h * frac), end);
            }
        }

        /**
         * The fraction f of the step h at which ||psi||^2 = r, given ||psi(0)||^2 = n0 > r >= ||psi(h)||^2 = n1:
         * Newton on g(f) = ||psi(f h)||^2 - r with g'(f) = -h sum_x Gamma_x |psi_x|^2, kept inside the bracket.
         */
        private double jumpFraction(Sector s, int order, double h, double n0, double n1, double r) {
            rootFraction = Double.NaN;
            if (n1 == r) {
                return 1.0;
            }
            double lo = 0;
            double hi = 1;
            // start from the exponential interpolation of the norm
            double f = (n1 > 0) ? Math.log(n0 / r) / Math.log(n0 / n1) : 0.5;
            if (!(f > 0 && f < 1)) {
                f = 0.5;
            }
            for (int it = 0; it < 100; it++) {
                double n = evaluate(s, order, f, Math.exp(-0.5 * s.decayShift * h * f), tmp);
                double g = n - r;
                if (Math.abs(g) <= ROOT_TOLERANCE * r) {
                    rootFraction = f;
                    return f;
                }
                if (g > 0) {
                    lo = f;
                } else {
                    hi = f;
                }
                double dg = 0;
                for (int x = 0; x < s.dim; x++) {
                    dg -= s.decay[x] * (tmp[2 * x] * tmp[2 * x] + tmp[2 * x + 1] * tmp[2 * x + 1]);
                }
                dg *= h;
                double next = dg < 0 ? f - g / dg : Double.NaN;
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

        /**
         * Adds the Gauss-Legendre integral over [0, frac h] of each observable's <psi|B|psi>/<psi|psi>. Diagonal
         * observables (populations, a_j) are linear in the weighted probabilities w |psi_x|^2 / <psi|psi>, which are
         * summed per basis state over the whole stay in the sector and turned into populations in {@link #flush}:
         * the bit loop then runs once per jump instead of once per node. Bond terms are summed directly.
         */
        private void integrate(Sector s, int order, double frac, double h) {
            double[][] rule = s.ruleFor(frac * h);
            double[] nodes = rule[0];
            double[] weights = rule[1];
            final int[] pr = s.pairRow;
            final int[] pc = s.pairColumn;
            if (pairRe.length < pr.length) {
                // only right after a flush (a new sector), when every pair sum is zero
                pairRe = new double[pr.length];
                pairIm = new double[pr.length];
            }
            final double[] re2 = pairRe;
            final double[] im2 = pairIm;
            for (int i = 0; i < nodes.length; i++) {
                double n2 = evaluate(s, orderAt(order, frac * nodes[i]), frac * nodes[i], 1.0, tmp);
                double w = frac * h * weights[i] / n2;
                final double[] v = tmp;
                for (int x = 0; x < s.dim; x++) {
                    double re = v[2 * x];
                    double im = v[2 * x + 1];
                    weightedProbability[x] += w * (re * re + im * im);
                }
                if (bondCurrents) {
                    for (int q = 0; q < pr.length; q++) {
                        int a = 2 * pr[q];
                        int b = 2 * pc[q];
                        re2[q] += w * (v[a] * v[b] + v[a + 1] * v[b + 1]);
                        im2[q] += w * (v[a] * v[b + 1] - v[a + 1] * v[b]);
                    }
                } else {
                    for (int q = 0; q < pr.length; q++) {
                        int a = 2 * pr[q];
                        int b = 2 * pc[q];
                        re2[q] += w * (v[a] * v[b] + v[a + 1] * v[b + 1]);
                    }
                }
            }
        }

        /**
         * Moves the weighted probabilities of sector s into the population and a_j integrals, and its pair sums into
         * the bond integrals (2 g Re and 2 g Im with the current's sign), and clears them.
         */
        private void flush(Sector s) {
            final int pairs = s.pairRow.length;
            if (pairRe.length >= pairs) {
                final int[] pb = s.pairBond;
                final double[] pv = s.pairTwiceValue;
                final double[] ps = s.pairCurrentSign;
                for (int q = 0; q < pairs; q++) {
                    intBonds[pb[q]] += pv[q] * pairRe[q];
                    pairRe[q] = 0;
                }
                if (bondCurrents) {
                    for (int q = 0; q < pairs; q++) {
                        intBondCurrents[pb[q]] += pv[q] * ps[q] * pairIm[q];
                        pairIm[q] = 0;
                    }
                }
            }
            double[][] a = s.bathDiag;
            for (int x = 0; x < s.dim; x++) {
                double p = weightedProbability[x];
                if (p != 0) {
                    for (int j = 0; j < a.length; j++) {
                        intBathDiag[j] += a[j][x] * p;
                    }
                    for (int m = s.masks[x]; m != 0; m &= m - 1) {
                        intPops[Integer.numberOfTrailingZeros(m)] += p;
                    }
                    weightedProbability[x] = 0;
                }
            }
        }

        /** pops[k] = <v|n_k|v> (unnormalised); returns <v|v>. */
        private double populations(Sector s, double[] v) {
            java.util.Arrays.fill(pops, 0);
            double n2 = 0;
            for (int x = 0; x < s.dim; x++) {
                double p = v[2 * x] * v[2 * x] + v[2 * x + 1] * v[2 * x + 1];
                n2 += p;
                for (int m = s.masks[x]; m != 0; m &= m - 1) {
                    pops[Integer.numberOfTrailingZeros(m)] += p;
                }
            }
            return n2;
        }

        /** Picks a channel with probability ~ ||L_m psi||^2, applies it and normalises; returns the new sector. */
        private Sector jump(Sector s, boolean window, double t) {
            flush(s);
            double n2 = populations(s, psi);
            List<Channel> channels = unravelling.channels();
            double total = 0;
            double[] rates = new double[channels.size()];
            for (int c = 0; c < rates.length; c++) {
                Channel ch = channels.get(c);
                double p = pops[ch.site()];
                rates[c] = ch.rate() * (ch.kind() == Channel.Kind.ABSORPTION ? Math.max(n2 - p, 0) : p);
                total += rates[c];
            }
            if (!(total > 0)) {
                throw new SolverException("norm decayed in a state with no jump rate (sector " + s.excitations + ")");
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
            Channel ch = channels.get(pick);
            if (window) {
                jumps++;
                if (ch.bath() >= 0) {
                    net[ch.bath()] += ch.charge();
                    if (listener != null) {
                        listener.onJump(ch.bath(), ch.charge(), t);
                    }
                }
            }
            int bit = 1 << ch.site();
            Sector target = unravelling.sector(s.excitations + ch.charge());
            double[] out = end;
            java.util.Arrays.fill(out, 0, 2 * target.dim, 0);
            for (int x = 0; x < s.dim; x++) {
                int mask = s.masks[x];
                boolean occupied = (mask & bit) != 0;
                int y;
                switch (ch.kind()) {
                    case EMISSION -> y = occupied ? unravelling.indexOf(mask ^ bit) : -1;
                    case ABSORPTION -> y = occupied ? -1 : unravelling.indexOf(mask | bit);
                    default -> y = occupied ? x : -1;
                }
                if (y >= 0) {
                    out[2 * y] = psi[2 * x];
                    out[2 * y + 1] = psi[2 * x + 1];
                }
            }
            double norm = 0;
            for (int i = 0; i < 2 * target.dim; i++) {
                norm += out[i] * out[i];
            }
            double scale = 1 / Math.sqrt(norm);
            for (int i = 0; i < 2 * target.dim; i++) {
                out[i] *= scale;
            }
            end = psi;
            psi = out;
            return target;
        }

        private double[] estimates(double window) {
            double[] v = new double[names.size()];
            double deph = 0;
            Chain chain = unravelling.chain();
            for (int b = 0; b < intBonds.length; b++) {
                deph -= 0.5 * (chain.dephasing(chain.bondFrom(b)) + chain.dephasing(chain.bondTo(b))) * intBonds[b];
            }
            int nb = baths.length;
            for (int j = 0; j < nb; j++) {
                int k = baths[j].site();
                double hop = 0;
                for (int b = 0; b < intBonds.length; b++) {
                    if (chain.bondFrom(b) == k || chain.bondTo(b) == k) {
                        hop += intBonds[b];
                    }
                }
                v[j] = (intBathDiag[j] - 0.5 * bathGamma[j] * hop) / window;
                v[nb + 1 + j] = net[j] / window;
                v[2 * nb + 1 + j] = bathOmega[j] * net[j] / window;
            }
            v[nb] = deph / window;
            int at = 3 * nb + 1;
            for (int k = 0; k < sites; k++) {
                v[at + k] = intPops[k] / window;
            }
            v[at + sites] = jumps / window;
            at += sites + 1;
            if (bondCurrents) {
                for (int b = 0; b < intBondCurrents.length; b++) {
                    v[at + b] = intBondCurrents[b] / window;
                }
                at += intBondCurrents.length;
            }
            System.arraycopy(samples, 0, v, at, samples.length);
            return v;
        }
    }
}
