package org.qtraj.classical;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.qtraj.errors.InvalidInputException;

/**
 * One exact stochastic trajectory of the {@link ExclusionProcess} (Gillespie's direct method, kinetic Monte
 * Carlo; D. T. Gillespie, J. Comput. Phys. 22, 403 (1976)).
 *
 * <p>The chain starts empty at t = 0 (or in a given configuration). With total rate R of all possible events in the current state, the
 * next event comes after an exponential waiting time of rate R and is event e with probability r_e / R.
 * Events are hops across an active bond (exactly one end occupied) at rate V_b, and an injection (site
 * empty) or a removal (site occupied) at each bath's site. The trajectory runs to t_burn, then measures over
 * the window [t_burn, t_total]: the net number of particles each bath injects, and the time each site is
 * occupied. Stopping at the window edges discards the pending event; that is exact because the waiting
 * time is memoryless.
 *
 * <p>Randomness: per event one exponential variate (Commons RNG's ZigguratSampler.Exponential, McFarland's
 * ziggurat) and one uniform double for the choice of the event. The same process, times and stream state give
 * the same sample, bit for bit (on a given JVM and Commons RNG version: the sampler uses Math functions,
 * which Java allows to differ by an ulp between platforms).
 *
 * <p>Cost per event is independent of N for uniform V: the active bonds are kept in an array with a
 * position map (O(1) insertion, removal and uniform choice), and a hop changes the status of only the two
 * neighbouring bonds. For bond-dependent V a complete binary sum tree over the bond rates gives O(log N)
 * selection and update; its inner nodes are recomputed from their children on each update, so the sums do
 * not drift. The occupation integrals are accumulated when a site changes (from the time of its last
 * change), and at the window edges.
 *
 * <p>Stateless and thread-safe: everything a trajectory needs lives in the call; the random stream is the
 * caller's and is used by one thread.
 */
public final class ClassicalTrajectory {
    private ClassicalTrajectory() {
    }

    /**
     * Simulates one trajectory from the empty chain at t = 0 to tTotal and measures over [tBurn, tTotal].
     *
     * @param process the exclusion process
     * @param tTotal  end time, finite and > tBurn
     * @param tBurn   burn-in time, finite and >= 0
     * @param rng     the trajectory's own random stream (consumed)
     * @return what the trajectory measured in its window
     * @throws InvalidInputException for a bad time ("t-total", "t-burn")
     */
    public static ClassicalSample run(ExclusionProcess process, double tTotal, double tBurn,
                                      UniformRandomProvider rng) {
        return run(process, tTotal, tBurn, rng, null);
    }

    /**
     * As {@link #run(ExclusionProcess, double, double, UniformRandomProvider)}, and reports every boundary event
     * inside the window to {@code listener} (null for none). The listener does not change the trajectory.
     */
    public static ClassicalSample run(ExclusionProcess process, double tTotal, double tBurn,
                                      UniformRandomProvider rng, BoundaryEventListener listener) {
        return run(process, tTotal, tBurn, rng, listener, new boolean[process.sites()], new double[0]);
    }

    /**
     * As {@link #run(ExclusionProcess, double, double, UniformRandomProvider, BoundaryEventListener)}, from the
     * configuration {@code initial} (site k occupied if initial[k]), also recording the occupations at the strictly
     * increasing {@code sampleTimes} in [0, tTotal] ({@link ClassicalSample#sampled()}). The run is cut at each
     * sample time and the pending event discarded there, which is exact (memoryless waiting times) but draws other
     * random numbers than a run without sample times. {@code initial} and {@code sampleTimes} are only read.
     *
     * @throws InvalidInputException for bad times ("t-total", "t-burn", "times") or an initial state of the wrong length
     */
    public static ClassicalSample run(ExclusionProcess process, double tTotal, double tBurn, UniformRandomProvider rng,
                                      BoundaryEventListener listener, boolean[] initial, double[] sampleTimes) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(rng, "rng");
        validateTimes(tTotal, tBurn);
        if (initial.length != process.sites()) {
            throw new InvalidInputException("initial_state", "must give " + process.sites() + " sites, got " + initial.length);
        }
        double previous = -1;
        for (double t : sampleTimes) {
            if (!(t > previous && t <= tTotal)) {
                throw new InvalidInputException("times", "must be strictly increasing times in [0, t_total = " + tTotal
                        + "], got " + Arrays.toString(sampleTimes));
            }
            previous = t;
        }
        Engine engine = process.uniformHopping() ? new SetEngine(process, rng) : new TreeEngine(process, rng);
        engine.start(initial);
        Sampler sampler = new Sampler(engine, sampleTimes);
        sampler.advance(0, tBurn);
        engine.openWindow(tBurn, listener);
        sampler.advance(tBurn, tTotal);
        return engine.closeWindow(tBurn, tTotal, process, sampler.values);
    }

    /**
     * A trajectory advanced piece by piece and copied onto another: the step of population dynamics ("cloning",
     * Giardina, Kurchan and Peliti, PRL 96, 120603 (2006)). Starts from the empty chain at t = 0. Each
     * {@link #advance} runs the Gillespie loop over [t, t + dt] and discards the event pending at t + dt, which is
     * exact (memoryless waiting times), so a copy made between two advances continues independently of its original.
     * Only the configuration and the counts are kept (no occupation integrals).
     *
     * <p>Not thread-safe: a walker and the random stream it draws from belong to one thread; several walkers may
     * share one stream if they are advanced one after the other (then the order of the calls fixes the numbers).
     */
    public static final class Walker implements org.qtraj.ensemble.Walker<Walker> {
        private final Engine engine;
        private double time;

        private Walker(Engine engine) {
            this.engine = engine;
        }

        /** A walker of {@code process} from the empty chain at t = 0 that draws from {@code rng}. */
        public static Walker start(ExclusionProcess process, UniformRandomProvider rng) {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(rng, "rng");
            Engine e = process.uniformHopping() ? new SetEngine(process, rng) : new TreeEngine(process, rng);
            e.start(new boolean[process.sites()]);
            return new Walker(e);
        }

        /**
         * Runs the trajectory from its time t to t + dt.
         *
         * @param dt   the time to advance, finite and &gt; 0
         * @param bath the bath's index in the model ({@link BoundaryEventListener#LEFT} or
         *             {@link BoundaryEventListener#RIGHT} for a chain)
         * @return the net count (injections - removals) at {@code bath} during the advance
         */
        @Override
        public long advance(double dt, int bath) {
            long before = engine.net[bath];
            double end = time + dt;
            engine.advance(time, end);
            time = end;
            return engine.net[bath] - before;
        }

        /** Makes this walker a copy of {@code other}'s configuration and time (its random stream stays its own). */
        @Override
        public void copyFrom(Walker other) {
            if (other == this) {
                return;
            }
            engine.copyFrom(other.engine);
            time = other.time;
        }

        /** The walker's time. */
        public double time() {
            return time;
        }

        /** Events so far (hops and boundary events). */
        public long events() {
            return engine.events;
        }

        /** Occupation of site k (0-based), 0 or 1. */
        public int occupation(int k) {
            return engine.occ[k];
        }
    }

    /** Runs an engine in pieces cut at the sample times, recording the occupations at each. */
    private static final class Sampler {
        private final Engine engine;
        private final double[] times;
        private final double[] values;
        private int next;

        Sampler(Engine engine, double[] times) {
            this.engine = engine;
            this.times = times;
            this.values = new double[times.length * engine.occ.length];
            record(0);
        }

        /** Advances from t to tEnd, stopping at (and recording) every sample time in (t, tEnd]. */
        void advance(double t, double tEnd) {
            while (next < times.length && times[next] <= tEnd) {
                engine.advance(t, times[next]);
                t = times[next];
                record(t);
            }
            engine.advance(t, tEnd);
        }

        private void record(double t) {
            if (next < times.length && times[next] == t) {
                int n = engine.occ.length;
                for (int k = 0; k < n; k++) {
                    values[next * n + k] = engine.occ[k];
                }
                next++;
            }
        }
    }

    /**
     * Checks a run's times: {@code 0 <= tBurn < tTotal < infinity}.
     *
     * @throws InvalidInputException naming "t-burn" or "t-total" otherwise
     */
    public static void validateTimes(double tTotal, double tBurn) {
        if (!Double.isFinite(tBurn) || tBurn < 0) {
            throw new InvalidInputException("t_burn", "must be a finite number >= 0, got " + tBurn);
        }
        if (!Double.isFinite(tTotal) || tTotal <= 0) {
            throw new InvalidInputException("t_total", "must be a finite number > 0, got " + tTotal);
        }
        if (!(tTotal > tBurn)) {
            throw new InvalidInputException("t_total", "must be greater than t_burn = " + tBurn + ", got " + tTotal);
        }
    }

    /**
     * The state of one trajectory and the Gillespie loop. Subclasses keep the hopping part: its total rate,
     * the choice of a bond, and the refresh of a bond whose activity changed.
     */
    private abstract static class Engine {
        final int bonds;
        /** the sites of each bond, and for a network the bonds at each site; null on a chain (bond b is b, b+1). */
        final int[] bondFrom;
        final int[] bondTo;
        final int[][] incident;
        /** occupation of each site, 0 or 1. */
        final byte[] occ;
        /** occupied time of each site inside the window so far. */
        final double[] occTime;
        /** time since which each occupied site has been occupied (its last change or the window start). */
        final double[] since;
        final int leftSite;
        final int rightSite;
        final double leftIn;
        final double leftOut;
        final double rightIn;
        final double rightOut;
        final UniformRandomProvider rng;
        final ContinuousSampler exponential;
        /** every bath's site and rates, for models with other than two baths */
        final int[] bathSite;
        final double[] bathIn;
        final double[] bathOut;
        /** injections minus removals per bath in the window (0 left, 1 right) */
        final long[] net;
        /** on a network: net hops across each bond from its first site to its second, in the window; else null */
        final long[] bondNet;
        long events;
        BoundaryEventListener listener;

        Engine(ExclusionProcess p, UniformRandomProvider rng) {
            int n = p.sites();
            this.bonds = p.bonds();
            if (p.isChain()) {
                bondFrom = null;
                bondTo = null;
                incident = null;
            } else {
                bondFrom = new int[bonds];
                bondTo = new int[bonds];
                int[] degree = new int[n];
                for (int b = 0; b < bonds; b++) {
                    bondFrom[b] = p.bondFrom(b);
                    bondTo[b] = p.bondTo(b);
                    degree[bondFrom[b]]++;
                    degree[bondTo[b]]++;
                }
                incident = new int[n][];
                for (int k = 0; k < n; k++) {
                    incident[k] = new int[degree[k]];
                    degree[k] = 0;
                }
                for (int b = 0; b < bonds; b++) {
                    incident[bondFrom[b]][degree[bondFrom[b]]++] = b;
                    incident[bondTo[b]][degree[bondTo[b]]++] = b;
                }
            }
            this.occ = new byte[n];
            this.occTime = new double[n];
            this.since = new double[n];
            this.leftSite = p.leftSite();
            this.rightSite = p.rightSite();
            this.leftIn = p.leftInjection();
            this.leftOut = p.leftRemoval();
            this.rightIn = p.rightInjection();
            this.rightOut = p.rightRemoval();
            int baths = p.bathCount();
            this.bathSite = new int[baths];
            this.bathIn = new double[baths];
            this.bathOut = new double[baths];
            for (int j = 0; j < baths; j++) {
                bathSite[j] = p.bathSite(j);
                bathIn[j] = p.bathInjection(j);
                bathOut[j] = p.bathRemoval(j);
            }
            this.net = new long[baths];
            this.bondNet = p.isChain() ? null : new long[bonds];
            this.rng = rng;
            // Measured ~10-20% more events/s than -log(1 - u) at N = 100 and 1000 (ClassicalBenchmark).
            this.exponential = ZigguratSampler.Exponential.of(rng);
        }

        /** Copies the configuration, the counts and the hopping structure of an engine of the same process. */
        final void copyFrom(Engine other) {
            System.arraycopy(other.occ, 0, occ, 0, occ.length);
            System.arraycopy(other.net, 0, net, 0, net.length);
            copyHopping(other);
        }

        /** Copies the hopping structure (active bonds) of an engine of the same process and kind. */
        abstract void copyHopping(Engine other);

        /** Sum of V_b over the active bonds. */
        abstract double hopTotal();

        /** The active bond whose rate interval holds x, 0 <= x <= hopTotal(). */
        abstract int pickBond(double x);

        /** Bond b's activity (its two sites differently occupied) has just flipped. */
        abstract void bondFlipped(int b);

        /** True if bond b has exactly one end occupied. */
        final boolean active(int b) {
            return bondFrom == null ? occ[b] != occ[b + 1] : occ[bondFrom[b]] != occ[bondTo[b]];
        }

        /** Site k's occupation has just changed: every bond at k except {@code except} flips its activity. */
        private void siteChanged(int k, int except) {
            for (int e : incident[k]) {
                if (e != except) {
                    bondFlipped(e);
                }
            }
        }

        /** Runs the Gillespie loop from t to tEnd; the event that would fall after tEnd is discarded. */
        final void advance(double t, double tEnd) {
            if (bathSite.length != 2) {
                advanceManyBaths(t, tEnd);
                return;
            }
            final byte[] occ = this.occ;
            final UniformRandomProvider rng = this.rng;
            final int ls = leftSite;
            final int rs = rightSite;
            while (true) {
                double hop = hopTotal();
                double rl = occ[ls] != 0 ? leftOut : leftIn;
                double rr = occ[rs] != 0 ? rightOut : rightIn;
                double total = hop + rl + rr;
                if (!(total > 0)) {
                    return; // frozen state (no possible event): nothing happens until tEnd
                }
                // Exponential waiting time of rate total (the sampler gives mean 1, finite values only).
                t += exponential.sample() / total;
                if (t > tEnd) {
                    return;
                }
                events++;
                double x = rng.nextDouble() * total;
                if (x < hop || rl + rr <= 0) {
                    hop(pickBond(x), t);
                } else if (rl > 0 && (x - hop < rl || rr <= 0)) {
                    boundary(ls, t, BoundaryEventListener.LEFT);
                } else {
                    boundary(rs, t, BoundaryEventListener.RIGHT);
                }
            }
        }

        /** {@link #advance} for one bath or more than two: the bath events chosen from a list. */
        private void advanceManyBaths(double t, double tEnd) {
            final byte[] occ = this.occ;
            final int baths = bathSite.length;
            final double[] rate = new double[baths];
            while (true) {
                double hop = hopTotal();
                double total = hop;
                for (int j = 0; j < baths; j++) {
                    rate[j] = occ[bathSite[j]] != 0 ? bathOut[j] : bathIn[j];
                    total += rate[j];
                }
                if (!(total > 0)) {
                    return;
                }
                t += exponential.sample() / total;
                if (t > tEnd) {
                    return;
                }
                events++;
                double x = rng.nextDouble() * total;
                if (x < hop && hop > 0) {
                    hop(pickBond(x), t);
                    continue;
                }
                x -= hop;
                int pick = baths - 1;
                for (int j = 0; j < baths; j++) {
                    if (x < rate[j] && rate[j] > 0) {
                        pick = j;
                        break;
                    }
                    x -= rate[j];
                }
                while (rate[pick] == 0) {
                    pick--;
                }
                boundary(bathSite[pick], t, pick);
            }
        }

        /** Moves the particle across active bond b; bonds b-1 and b+1 change their activity, b keeps it. */
        private void hop(int b, double t) {
            if (incident != null) {
                hopOnNetwork(b, t);
                return;
            }
            int from = occ[b] != 0 ? b : b + 1;
            int to = 2 * b + 1 - from;
            occ[from] = 0;
            occ[to] = 1;
            occTime[from] += t - since[from];
            since[to] = t;
            if (b > 0) {
                bondFlipped(b - 1);
            }
            if (b + 1 < bonds) {
                bondFlipped(b + 1);
            }
        }

        /** {@link #hop} on a network: the bonds at both ends flip, b keeps its activity. */
        private void hopOnNetwork(int b, double t) {
            int a = bondFrom[b];
            int c = bondTo[b];
            int from = occ[a] != 0 ? a : c;
            int to = a + c - from;
            occ[from] = 0;
            occ[to] = 1;
            occTime[from] += t - since[from];
            since[to] = t;
            bondNet[b] += from == a ? 1 : -1;
            siteChanged(a, b);
            siteChanged(c, b);
        }

        /** Injects into or removes from bath site k; bonds k-1 and k change their activity. */
        private void boundary(int k, double t, int bath) {
            int change;
            if (occ[k] != 0) {
                occ[k] = 0;
                occTime[k] += t - since[k];
                change = -1;
            } else {
                occ[k] = 1;
                since[k] = t;
                change = 1;
            }
            net[bath] += change;
            if (listener != null) {
                listener.onBoundaryEvent(bath, change, t);
            }
            if (incident != null) {
                siteChanged(k, -1);
                return;
            }
            if (k > 0) {
                bondFlipped(k - 1);
            }
            if (k < bonds) {
                bondFlipped(k);
            }
        }

        /** Sets the initial configuration (the engine starts empty) and the activity of its bonds. */
        final void start(boolean[] initial) {
            for (int k = 0; k < occ.length; k++) {
                occ[k] = (byte) (initial[k] ? 1 : 0);
            }
            for (int b = 0; b < bonds; b++) {
                if (active(b)) {
                    bondFlipped(b);
                }
            }
        }

        /** Forgets what the burn-in accumulated and starts measuring at tBurn. */
        final void openWindow(double tBurn, BoundaryEventListener listener) {
            Arrays.fill(net, 0);
            if (bondNet != null) {
                Arrays.fill(bondNet, 0);
            }
            Arrays.fill(occTime, 0);
            Arrays.fill(since, tBurn);
            this.listener = listener;
        }

        final ClassicalSample closeWindow(double tBurn, double tTotal, ExclusionProcess p, double[] sampled) {
            for (int k = 0; k < occ.length; k++) {
                if (occ[k] != 0) {
                    occTime[k] += tTotal - since[k];
                }
            }
            return new ClassicalSample(net[0], net.length > 1 ? net[1] : 0, tTotal - tBurn, occTime, events,
                    p.leftOmega(), p.rightOmega(), sampled, net, bondNet == null ? new long[0] : bondNet);
        }
    }

    /** Uniform V: the active bonds in an array with a position map, chosen uniformly. */
    private static final class SetEngine extends Engine {
        private final double v;
        private final double invV;
        private final int[] active;
        /** position of each bond in {@code active}, -1 if inactive. */
        private final int[] pos;
        private int size;

        SetEngine(ExclusionProcess p, UniformRandomProvider rng) {
            super(p, rng);
            this.v = p.hopping(0);
            this.invV = v > 0 ? 1 / v : 0;
            this.active = new int[bonds];
            this.pos = new int[bonds];
            Arrays.fill(pos, -1);
        }

        @Override
        double hopTotal() {
            return v * size;
        }

        @Override
        void copyHopping(Engine other) {
            SetEngine o = (SetEngine) other;
            System.arraycopy(o.active, 0, active, 0, bonds);
            System.arraycopy(o.pos, 0, pos, 0, bonds);
            size = o.size;
        }

        @Override
        int pickBond(double x) {
            int j = (int) (x * invV);
            // x * invV can round up to size at the top of the interval.
            return active[j < size ? j : size - 1];
        }

        @Override
        void bondFlipped(int b) {
            int p = pos[b];
            if (p >= 0) {
                int last = active[--size];
                active[p] = last;
                pos[last] = p;
                pos[b] = -1;
            } else {
                active[size] = b;
                pos[b] = size++;
            }
        }
    }

    /** Bond-dependent V: a complete binary sum tree over the rates of the active bonds. */
    private static final class TreeEngine extends Engine {
        private final double[] rate;
        /** number of leaves, a power of two >= bonds; leaf b is tree[leaves + b], the root tree[1]. */
        private final int leaves;
        private final double[] tree;

        TreeEngine(ExclusionProcess p, UniformRandomProvider rng) {
            super(p, rng);
            this.rate = p.hoppingArray();
            int l = 1;
            while (l < bonds) {
                l <<= 1;
            }
            this.leaves = l;
            this.tree = new double[2 * l];
        }

        @Override
        double hopTotal() {
            return tree[1];
        }

        @Override
        void copyHopping(Engine other) {
            System.arraycopy(((TreeEngine) other).tree, 0, tree, 0, tree.length);
        }

        @Override
        int pickBond(double x) {
            final double[] tree = this.tree;
            int i = 1;
            while (i < leaves) {
                int left = 2 * i;
                double l = tree[left];
                if (x < l) {
                    i = left;
                } else if (tree[left + 1] > 0) {
                    x -= l;
                    i = left + 1;
                } else {
                    // x >= l with an empty right subtree only comes from rounding at the top of the interval.
                    i = left;
                }
            }
            return i - leaves;
        }

        @Override
        void bondFlipped(int b) {
            final double[] tree = this.tree;
            int i = leaves + b;
            tree[i] = active(b) ? rate[b] : 0;
            for (i >>= 1; i > 0; i >>= 1) {
                tree[i] = tree[2 * i] + tree[2 * i + 1];
            }
        }
    }
}
