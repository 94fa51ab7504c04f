package org.qtraj.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.report.NetworkPicture;
import org.qtraj.simulation.SimulationResult;
import picocli.CommandLine.Option;

/**
 * --plot FILE of exact and simulate (a picocli mixin): the picture of the network's steady state
 * ({@link NetworkPicture}), refused before any work unless FILE ends in .svg or .png and can be written. Not
 * thread-safe: filled by picocli and used by its command on one thread.
 */
public final class PlotOptions {
    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the network (FILE ending .svg or .png):"
            + " sites coloured by population, each bond an arrow in the direction of its current, width"
            + " proportional to |current|, bath names beside their sites.")
    Path plot;

    /** Refuses a --plot that is not .svg/.png or cannot be written, before any work. */
    void check() {
        if (plot != null) {
            NetworkPicture.requireWritable(plot);
        }
    }

    /** Draws the exact steady state {@code r} of {@code chain}, if --plot was given. */
    void exact(Chain chain, ExactResult r) throws IOException {
        if (plot == null) {
            return;
        }
        String title = String.format(Locale.ROOT, "qtraj exact (%s): %d sites, exact bond currents", r.method(),
                chain.sites());
        draw(chain, title, r.populations(), currents(chain, r));
    }

    /**
     * Draws a trajectory run: populations from the trajectories, bond currents from the exact reference when there
     * is one, else from the trajectories' bond-current estimators when they have them (the title says which).
     */
    void simulation(Chain chain, SimulationResult result, ExactResult reference) throws IOException {
        if (plot == null) {
            return;
        }
        double[] pops = new double[chain.sites()];
        for (int k = 0; k < pops.length; k++) {
            pops[k] = result.get("population_" + (k + 1)).mean();
        }
        double[] bond;
        String source;
        if (reference != null) {
            bond = currents(chain, reference);
            source = "bond currents from the exact reference (" + reference.method() + ")";
        } else if (estimated(chain, result)) {
            bond = new double[chain.bonds()];
            for (int b = 0; b < bond.length; b++) {
                bond[b] = result.get(bondEstimator(chain, b)).mean();
            }
            source = "bond currents from the trajectories (no exact reference)";
        } else {
            bond = new double[chain.bonds()];
            source = "no exact reference and no bond-current estimates: bond currents not drawn (all 0)";
        }
        String title = String.format(Locale.ROOT, "qtraj %s: %d sites, %d trajectories; populations from the"
                + " trajectories, %s", result.method(), chain.sites(), result.trajectories(), source);
        draw(chain, title, pops, bond);
    }

    /** The trajectory estimator of the current on bond {@code b}: bond_current_K_L, 1-based sites. */
    private static String bondEstimator(Chain chain, int b) {
        return "bond_current_" + (chain.bondFrom(b) + 1) + "_" + (chain.bondTo(b) + 1);
    }

    /** Whether the trajectories estimated every bond's current (the sector engine does on networks). */
    private static boolean estimated(Chain chain, SimulationResult result) {
        List<String> names = result.estimates().names();
        for (int b = 0; b < chain.bonds(); b++) {
            if (!names.contains(bondEstimator(chain, b))) {
                return false;
            }
        }
        return chain.bonds() > 0;
    }

    /**
     * The bond currents of {@code r}; a chain solver that gives none (closed, correlation) leaves them to
     * continuity: on a chain the current on bond k -&gt; k+1 is the sum of the baths' particle currents into sites
     * 1..k, since dephasing moves no excitations (PHYSICS.md "Networks"). A network without them draws zeros
     * (every network solver gives them).
     */
    private static double[] currents(Chain chain, ExactResult r) {
        double[] given = r.bondCurrents();
        if (given.length == chain.bonds() || !chain.isChain()) {
            return given.length == chain.bonds() ? given : new double[chain.bonds()];
        }
        double[] into = new double[chain.sites()];
        Bath[] baths = chain.baths();
        for (int j = 0; j < baths.length; j++) {
            into[baths[j].site()] += r.baths().get(j).particleCurrent();
        }
        double[] out = new double[chain.bonds()];
        double sum = 0;
        for (int b = 0; b < out.length; b++) {
            sum += into[b];
            out[b] = sum;
        }
        return out;
    }

    private void draw(Chain chain, String title, double[] populations, double[] bondCurrents) throws IOException {
        List<NetworkPicture.BathLabel> labels = new ArrayList<>();
        Bath[] baths = chain.baths();
        for (int j = 0; j < baths.length; j++) {
            labels.add(new NetworkPicture.BathLabel(chain.bathName(j), baths[j].site()));
        }
        int[] from = new int[chain.bonds()];
        int[] to = new int[chain.bonds()];
        for (int b = 0; b < from.length; b++) {
            from[b] = chain.bondFrom(b);
            to[b] = chain.bondTo(b);
        }
        new NetworkPicture(title, chain.graph().positions(), from, to, populations, bondCurrents, labels).write(plot);
    }
}
