package org.qtraj.fcs;

import java.util.LinkedHashMap;
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
 * Immutable.
 *
 * @param shortWindow T_1
 * @param longWindow  T_2
 * @param kappa       corrected kappa_1..3 (index k - 1)
 * @param offset      c_1..3
 */
public record WindowOffset(double shortWindow, double longWindow, Estimate[] kappa, Estimate[] offset) {
    /** Copies the arrays. */
    public WindowOffset {
        kappa = kappa.clone();
        offset = offset.clone();
    }

    /**
     * The correction from two ensembles with one window length each.
     *
     * @throws InvalidInputException naming window unless the two windows differ
     */
    public static WindowOffset of(FcsResult a, FcsResult b) {
        FcsResult s = a.window() <= b.window() ? a : b;
        FcsResult l = s == a ? b : a;
        double t1 = s.window();
        double t2 = l.window();
        if (!(t2 > t1)) {
            throw new InvalidInputException("window", String.format(Locale.ROOT,
                    "the offset correction needs two different window lengths, got %.6g twice", t1));
        }
        Estimate[] kappa = new Estimate[3];
        Estimate[] offset = new Estimate[3];
        for (int k = 1; k <= 3; k++) {
            Estimate k1 = s.data().counts().cumulant(k);
            Estimate k2 = l.data().counts().cumulant(k);
            double d = t2 - t1;
            long n = k1.samples() + k2.samples();
            kappa[k - 1] = new Estimate((k2.value() - k1.value()) / d, Math.hypot(k1.error(), k2.error()) / d, n);
            offset[k - 1] = new Estimate((t2 * k1.value() - t1 * k2.value()) / d,
                    Math.hypot(t2 * k1.error(), t1 * k2.error()) / d, n);
        }
        return new WindowOffset(t1, t2, kappa, offset);
    }

    /** Corrected kappa_k, k = 1..3. */
    public Estimate kappa(int k) {
        return kappa[k - 1];
    }

    /** The offset c_k, k = 1..3. */
    public Estimate offset(int k) {
        return offset[k - 1];
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
     * JSON keys: short_window, long_window, corrected_cumulant_k and corrected_cumulant_k_error, offset_k and
     * offset_k_error for k = 1..3.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("short_window", shortWindow);
        m.put("long_window", longWindow);
        for (int k = 1; k <= 3; k++) {
            m.put("corrected_cumulant_" + k, kappa(k).value());
            m.put("corrected_cumulant_" + k + "_error", kappa(k).error());
            m.put("offset_" + k, offset(k).value());
            m.put("offset_" + k + "_error", offset(k).error());
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowOffset w && shortWindow == w.shortWindow && longWindow == w.longWindow
                && java.util.Arrays.equals(kappa, w.kappa) && java.util.Arrays.equals(offset, w.offset);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(kappa) * 31 + java.util.Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "WindowOffset[T1=" + shortWindow + ", T2=" + longWindow + ", kappa=" + java.util.Arrays.toString(kappa)
                + ", offset=" + java.util.Arrays.toString(offset) + "]";
    }
}
