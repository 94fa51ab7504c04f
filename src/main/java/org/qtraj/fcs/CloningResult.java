package org.qtraj.fcs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.simulation.Engine;
import org.qtraj.stats.Estimate;
import org.qtraj.stats.MeanVar;

/**
 * theta(s) from population dynamics ({@link Cloning}): per counting field and population size the mean of theta_M
 * over the independent populations with its standard error, and per field the extrapolation to M = infinity with
 * its bias estimate. Immutable and thread-safe.
 *
 * <h2>Extrapolation in 1/M</h2>
 * With sizes M_1 &lt; ... &lt; M_k (k &gt;= 2) and means y_i +- e_i, weighted least squares of y = a + b x, x = 1/M,
 * weights w_i = 1/e_i^2 (all 1 if every e_i is 0; a zero e_i beside nonzero ones takes the smallest nonzero e):
 * with S = sum w, Sx = sum w x, Sxx = sum w x^2, Sy = sum w y, Sxy = sum w x y and D = S Sxx - Sx^2,
 * a = (Sxx Sy - Sx Sxy)/D, b = (S Sxy - Sx Sy)/D, var(a) = Sxx/D (for unit weights: the residual variance times
 * Sxx/D, or 0 with k = 2). The bias estimate is b/M_k = y(M_k) - a on the fitted line: how far the largest population
 * is from the extrapolation. With one size, theta is that size's mean and the bias is unknown (NaN).
 *
 * @param engine       the engine (quantum or classical)
 * @param sites        N
 * @param settings     the settings as given (NaN times for defaults)
 * @param step         dt used
 * @param tBurn        burn-in used
 * @param tTotal       end time used
 * @param measuredTime the time averaged over, (steps after the burn-in) dt
 * @param seed         master seed
 * @param threads      threads used
 * @param values       theta_M(s) per population, at index (m F + f) R + r
 * @param elapsedSeconds wall time
 */
public record CloningResult(Engine engine, int sites, CloningSettings settings, double step, double tBurn,
                            double tTotal, double measuredTime, long seed, int threads, double[] values,
                            double elapsedSeconds) {
    /** Copies the values. */
    public CloningResult {
        values = values.clone();
        int expected = settings.sizes().length * settings.fields().length * settings.populations();
        if (values.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " populations, got " + values.length);
        }
    }

    /** theta_M per population (a copy), index (m F + f) R + r. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The mean of theta_M over the populations of size index m at field index f, with its standard error. */
    public Estimate bySize(int m, int f) {
        int nf = settings.fields().length;
        int r = settings.populations();
        int start = (m * nf + f) * r;
        return Estimate.of(MeanVar.of(Arrays.copyOfRange(values, start, start + r)));
    }

    /**
     * theta at field index f: the 1/M extrapolation with its error from two or more sizes, else the one size's
     * mean (class comment).
     */
    public Estimate theta(int f) {
        return fit(f)[0];
    }

    /** The bias estimate at field index f: theta of the largest population minus the extrapolation (NaN: one size). */
    public double bias(int f) {
        return fit(f)[1].value();
    }

    /** {extrapolated theta, (bias, 0)} by the weighted fit of the class comment. */
    private Estimate[] fit(int f) {
        int[] sizes = settings.sizes();
        int k = sizes.length;
        Estimate[] e = new Estimate[k];
        for (int m = 0; m < k; m++) {
            e[m] = bySize(m, f);
        }
        long samples = (long) k * settings.populations();
        if (k == 1) {
            return new Estimate[] {e[0], new Estimate(Double.NaN, 0, 0)};
        }
        double minErr = Double.POSITIVE_INFINITY;
        for (Estimate x : e) {
            if (x.error() > 0) {
                minErr = Math.min(minErr, x.error());
            }
        }
        boolean unit = minErr == Double.POSITIVE_INFINITY;
        double s = 0;
        double sx = 0;
        double sxx = 0;
        double sy = 0;
        double sxy = 0;
        for (int m = 0; m < k; m++) {
            double x = 1.0 / sizes[m];
            double err = unit ? 1 : Math.max(e[m].error(), minErr);
            double w = 1 / (err * err);
            s += w;
            sx += w * x;
            sxx += w * x * x;
            sy += w * e[m].value();
            sxy += w * x * e[m].value();
        }
        double d = s * sxx - sx * sx;
        double a = (sxx * sy - sx * sxy) / d;
        double b = (s * sxy - sx * sy) / d;
        double var;
        if (unit) {
            double rss = 0;
            for (int m = 0; m < k; m++) {
                double res = e[m].value() - a - b / sizes[m];
                rss += res * res;
            }
            var = k > 2 ? rss / (k - 2) * sxx / d : 0;
        } else {
            var = sxx / d;
        }
        return new Estimate[] {new Estimate(a, Math.sqrt(var), samples), new Estimate(b / sizes[k - 1], 0, 0)};
    }

    /**
     * The JSON keys of the run: engine, sites, counting_bath, fields, clones (the sizes), populations, step, t_burn,
     * t_total, measured_time, seed, threads, elapsed_seconds; per field (arrays in the order of fields): theta,
     * theta_error, theta_bias (NaN, written null, with one size); and theta_by_size: one object per size with clones,
     * theta and theta_error (arrays over the fields).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] fields = settings.fields();
        int[] sizes = settings.sizes();
        m.put("method", "cloning");
        m.put("engine", engine.key());
        m.put("sites", sites);
        m.put("counting_bath", settings.bath() == 0 ? "left" : settings.bath() == 1 ? "right" : "bath " + settings.bath());
        m.put("fields", fields);
        m.put("clones", sizes);
        m.put("populations", settings.populations());
        m.put("step", step);
        m.put("t_burn", tBurn);
        m.put("t_total", tTotal);
        m.put("measured_time", measuredTime);
        m.put("seed", seed);
        m.put("threads", threads);
        double[] theta = new double[fields.length];
        double[] error = new double[fields.length];
        double[] bias = new double[fields.length];
        for (int f = 0; f < fields.length; f++) {
            Estimate[] e = fit(f);
            theta[f] = e[0].value();
            error[f] = e[0].error();
            bias[f] = e[1].value();
        }
        m.put("theta", theta);
        m.put("theta_error", error);
        m.put("theta_bias", bias);
        List<Map<String, Object>> by = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            double[] v = new double[fields.length];
            double[] err = new double[fields.length];
            for (int f = 0; f < fields.length; f++) {
                Estimate e = bySize(s, f);
                v[f] = e.value();
                err[f] = e.error();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clones", sizes[s]);
            row.put("theta", v);
            row.put("theta_error", err);
            by.add(row);
        }
        m.put("theta_by_size", by);
        m.put("elapsed_seconds", elapsedSeconds);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloningResult r && engine == r.engine && sites == r.sites && settings.equals(r.settings)
                && seed == r.seed && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CloningResult[" + engine + ", N=" + sites + ", " + settings + ", values=" + Arrays.toString(values) + "]";
    }
}
