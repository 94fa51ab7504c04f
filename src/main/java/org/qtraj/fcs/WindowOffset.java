package org.qtraj.fcs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.stats.Estimate;

/**
 * The finite-window correction of the trajectory estimator of the scaled cumulants. The k-statistic K_k(T) of the
 * counts in windows of length T estimates T kappa_k + c_k, not T kappa_k: the count includes the change of the
 * chain's occupation between the window's ends (and the start of the window in a state that is not the steady state
 * conditioned on a count), so c_k is of the order of the occupation's k-th cumulant, and K_k(T)/T is biased by
 * c_k/T. From two window lengths T_1 &lt; T_2 (two independent ensembles, {@link Fcs})
 * <pre>
 *   kappa_k = (K_k(T_2) - K_k(T_1)) / (T_2 - T_1),      c_k = (T_2 K_k(T_1) - T_1 K_k(T_2)) / (T_2 - T_1),
 * </pre>
 * exact up to the terms that decay as exp(-T_1 / t_relax), with errors sqrt(e_1^2 + e_2^2)/(T_2 - T_1) and
 * sqrt(T_2^2 e_1^2 + T_1^2 e_2^2)/(T_2 - T_1) (e_i the jackknife errors of K_k(T_i); the ensembles are independent).
 * From more than two lengths, the straight line K_k(T) = T kappa_k + c_k by weighted least squares with the weights
 * n_i / T_i^3 of the expected variance of K_k(T_i) from n_i windows (var K_k ~ K_k^2 / n ~ T^2 / n; fixed by the
 * design, not by the noisy e_i, which would correlate the weights with the values); for two lengths this is the
 * formula above. The errors are propagated from the e_i through the fit's linear coefficients.
 *
 * <p>The ratios use the pooled count rate kappa_1 = (total count)/(total window time) over all the ensembles,
 * which has no offset in the steady state (c_1 = 0: the mean occupation does not change) and a smaller error than
 * the fitted slope: Fano factor F = kappa_2/kappa_1 and kappa_3/kappa_1, with the delta-method errors
 * sqrt((e_k/kappa_1)^2 + (kappa_k e_1/kappa_1^2)^2) (the covariance of the slope and the pooled rate is left out:
 * it is of the order of the rate's relative error, a few per mille here, against per-cent errors of the slopes).
 * Immutable.
 *
 * @param windows the window lengths T_i, increasing
 * @param kappa   corrected kappa_1..3 (index k - 1): the slopes of the fit
 * @param offset  c_1..3: the intercepts
 * @param rate    the pooled count rate kappa_1 (no offset correction needed; class comment)
 */
public record WindowOffset(double[] windows, Estimate[] kappa, Estimate[] offset, Estimate rate) {
    /** Copies the arrays. */
    public WindowOffset {
        windows = windows.clone();
        kappa = kappa.clone();
        offset = offset.clone();
    }

    /**
     * The correction from two ensembles with one window length each (in either order).
     *
     * @throws InvalidInputException naming window unless the two windows differ
     */
    public static WindowOffset of(FcsResult a, FcsResult b) {
        return fit(List.of(a, b));
    }

    /**
     * The correction from two or more independent ensembles, one window length each (any order).
     *
     * @throws InvalidInputException naming window if fewer than two ensembles are given or two have the same window
     *                               length
     */
    public static WindowOffset fit(List<FcsResult> results) {
        if (results.size() < 2) {
            throw new InvalidInputException("window", "the offset correction needs at least two window lengths, got "
                    + results.size());
        }
        List<FcsResult> r = new ArrayList<>(results);
        r.sort((x, y) -> Double.compare(x.window(), y.window()));
        int m = r.size();
        double[] t = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = r.get(i).window();
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new InvalidInputException("window", String.format(Locale.ROOT,
                        "the offset correction needs different window lengths, got %.6g twice", t[i]));
            }
            // expected variance of K_k(T) from n windows ~ T^2 / n (class comment), here up to a common factor
            w[i] = Math.max(1, r.get(i).data().counts().size()) / (t[i] * t[i] * t[i]);
        }
        double s = 0;
        double sx = 0;
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            s += w[i];
            sx += w[i] * t[i];
            sxx += w[i] * t[i] * t[i];
        }
        double det = s * sxx - sx * sx;
        // slope = sum a_i y_i, intercept = sum b_i y_i: the weighted least-squares line as linear coefficients
        double[] a = new double[m];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = w[i] * (s * t[i] - sx) / det;
            b[i] = w[i] * (sxx - sx * t[i]) / det;
        }
        Estimate[] kappa = new Estimate[3];
        Estimate[] offset = new Estimate[3];
        long n = 0;
        for (FcsResult x : r) {
            n += x.data().counts().size();
        }
        for (int k = 1; k <= 3; k++) {
            double slope = 0;
            double slopeVar = 0;
            double icpt = 0;
            double icptVar = 0;
            for (int i = 0; i < m; i++) {
                Estimate e = r.get(i).data().counts().cumulant(k);
                slope += a[i] * e.value();
                slopeVar += a[i] * a[i] * e.error() * e.error();
                icpt += b[i] * e.value();
                icptVar += b[i] * b[i] * e.error() * e.error();
            }
            kappa[k - 1] = new Estimate(slope, Math.sqrt(slopeVar), n);
            offset[k - 1] = new Estimate(icpt, Math.sqrt(icptVar), n);
        }
        return new WindowOffset(t, kappa, offset, pooledRate(r));
    }

    /** Total count over total window time, with its error from the ensembles' errors of K_1. */
    private static Estimate pooledRate(List<FcsResult> r) {
        double time = 0;
        long n = 0;
        for (FcsResult x : r) {
            time += x.data().counts().size() * x.window();
            n += x.data().counts().size();
        }
        double value = 0;
        double var = 0;
        for (FcsResult x : r) {
            double v = x.data().counts().size() * x.window() / time;
            Estimate k1 = x.data().counts().cumulant(1);
            value += v * k1.value() / x.window();
            var += v * v * k1.error() * k1.error() / (x.window() * x.window());
        }
        return new Estimate(value, Math.sqrt(var), n);
    }

    /** The shortest window T_1. */
    public double shortWindow() {
        return windows[0];
    }

    /** The longest window. */
    public double longWindow() {
        return windows[windows.length - 1];
    }

    /** Corrected kappa_k, k = 1..3 (the fitted slope; for k = 1 see also {@link #rate()}). */
    public Estimate kappa(int k) {
        return kappa[k - 1];
    }

    /** The offset c_k, k = 1..3. */
    public Estimate offset(int k) {
        return offset[k - 1];
    }

    /** The corrected ratio kappa_k / kappa_1 (k = 2: the Fano factor) with the pooled rate (class comment). */
    public Estimate ratio(int k) {
        double k1 = rate.value();
        double e1 = rate.error();
        Estimate kk = kappa(k);
        double v = kk.value() / k1;
        double err = Math.hypot(kk.error() / k1, kk.value() * e1 / (k1 * k1));
        return new Estimate(v, err, kk.samples());
    }

    /** The corrected Fano factor kappa_2 / kappa_1. */
    public Estimate fano() {
        return ratio(2);
    }

    @Override
    public double[] windows() {
        return windows.clone();
    }

    @Override
    public Estimate[] kappa() {
        return kappa.clone();
    }

    @Override
    public Estimate[] offset() {
        return offset.clone();
    }

    /**
     * JSON keys: windows, short_window, long_window, corrected_cumulant_k and corrected_cumulant_k_error, offset_k and
     * offset_k_error for k = 1..3, count_rate and count_rate_error (pooled), corrected_fano, corrected_fano_error,
     * corrected_ratio_3 and corrected_ratio_3_error (kappa_3/kappa_1).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windows", windows.clone());
        m.put("short_window", shortWindow());
        m.put("long_window", longWindow());
        for (int k = 1; k <= 3; k++) {
            m.put("corrected_cumulant_" + k, kappa(k).value());
            m.put("corrected_cumulant_" + k + "_error", kappa(k).error());
            m.put("offset_" + k, offset(k).value());
            m.put("offset_" + k + "_error", offset(k).error());
        }
        m.put("count_rate", rate.value());
        m.put("count_rate_error", rate.error());
        m.put("corrected_fano", fano().value());
        m.put("corrected_fano_error", fano().error());
        m.put("corrected_ratio_3", ratio(3).value());
        m.put("corrected_ratio_3_error", ratio(3).error());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowOffset w && Arrays.equals(windows, w.windows) && Arrays.equals(kappa, w.kappa)
                && Arrays.equals(offset, w.offset) && rate.equals(w.rate);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(windows) * 31 + Arrays.hashCode(kappa)) * 31 + Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "WindowOffset[T=" + Arrays.toString(windows) + ", kappa=" + Arrays.toString(kappa)
                + ", offset=" + Arrays.toString(offset) + ", rate=" + rate + "]";
    }
}
