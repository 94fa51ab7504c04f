package org.qtraj.cli;

import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.counting.Cumulants;
import org.qtraj.exact.counting.LargeDeviations;
import org.qtraj.fcs.FcsExact;
import org.qtraj.fcs.FcsSettings;
import org.qtraj.model.Chain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qtraj exact}: the steady state by an exact method.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "exact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact steady state: heat and particle currents from each bath, populations.",
            "Methods: closed (uniform XX chain, closed form), correlation (any XX chain, free fermions),",
            "liouvillian (any chain, full master equation), rate (classical exclusion process),",
            "auto (the cheapest quantum method that applies)."})
public final class ExactCommand extends ModelCommand {
    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto | closed | correlation | liouvillian | rate (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--noise", description = "Also the scaled cumulants of the net count (absorptions - emissions) at the"
            + " counting bath: cumulant_1 (mean), cumulant_2 (noise), cumulant_3 (up to --order)"
            + " and fano = cumulant_2/cumulant_1;"
            + " tilted Liouvillian (quantum methods, N <= liouvillian limit) or tilted rate matrix (rate, N <= 16).")
    boolean noise;

    @Option(names = "--order", paramLabel = "K", description = "With --noise: the cumulants cumulant_1..cumulant_K"
            + " (1 <= K <= 10, default 3).")
    Integer order;

    @Option(names = "--theta", paramLabel = "S_MIN:S_MAX:K", description = "Also theta(s), the scaled cumulant"
            + " generating function of the net count at the counting bath (leading eigenvalue of the tilted generator,"
            + " with its residual), at K equally spaced fields s in [S_MIN, S_MAX] (2 <= K, |s| <= 10), and the rate"
            + " function I(j) = max_s [s j - theta(s)] at K currents in the range where the grid supports it;"
            + " JSON keys theta_s, theta, theta_residual, rate_function_j, rate_function, rate_function_j_min,"
            + " rate_function_j_max, affinity (both temperatures > 0: theta(s) = theta(-s - affinity)).")
    String theta;

    @Option(names = "--counting-bath", paramLabel = "BATH",
            description = "left | right, or a named bath: where --noise and --theta count (default: the first bath, left for a chain).")
    String countingBath;

    @Option(names = "--threads", paramLabel = "K", description = "Threads of the solver's parallel work (default: all"
            + " cores); the numbers do not depend on it.")
    Integer threads;

    @Mixin
    PlotOptions plot = new PlotOptions();

    /**
     * Solves the steady state with the chosen method (with --noise: also the exact cumulants) and prints it.
     *
     * @return {@link ExitCodes#OK}; a method that does not apply or a bad option throws, and {@link Main} maps it to
     *         an exit code
     */
    @Override
    int execute() throws Exception {
        plot.check();
        ExactMethod m = ExactMethod.parse(method);
        if (order != null) {
            if (!noise) {
                throw new InvalidInputException("order", "sets the highest cumulant of --noise; give --noise too");
            }
            Cumulants.requireOrder(order);
        }
        double[] fields = theta == null ? null : LargeDeviations.parseGrid(theta);
        Chain chain = chain();
        int bath = FcsSettings.bathIndex(chain, countingBath);
        int k = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // build the counting generator first: it refuses chains it cannot handle before the solve runs
        FcsExact counting = noise || fields != null ? FcsExact.of(chain, m == ExactMethod.RATE, bath, k) : null;
        ExactResult r = counting != null ? counting.steadyState(m, chain, k) : m.solve(chain, k);
        if (noise) {
            r = counting.withCumulants(r, order == null ? 3 : order);
        }
        Map<String, Object> doc = r.toMap();
        String table = Tables.exact(r);
        if (fields != null) {
            LargeDeviations.Point[] points = counting.theta(fields);
            double[] th = new double[points.length];
            double[] res = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                th[i] = points[i].theta();
                res[i] = points[i].residual();
            }
            LargeDeviations.RateFunction rf = LargeDeviations.rateFunction(fields, th, fields.length);
            double affinity = LargeDeviations.affinity(chain, bath);
            doc.put("theta_s", fields);
            doc.put("theta", th);
            doc.put("theta_residual", res);
            doc.put("rate_function_j", rf.j());
            doc.put("rate_function", rf.rate());
            doc.put("rate_function_j_min", rf.jMin());
            doc.put("rate_function_j_max", rf.jMax());
            if (Double.isFinite(affinity)) {
                doc.put("affinity", affinity);
            }
            table += Tables.theta(points, rf, affinity);
        }
        plot.exact(chain, r);
        return emit(doc, table);
    }
}
