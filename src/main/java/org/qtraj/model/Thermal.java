package org.qtraj.model;

import org.qtraj.errors.InvalidInputException;

/**
 * Bose-Einstein occupation of a bath mode and the equilibrium excited population it gives a site (PHYSICS.md,
 * "Master equation"): nbar = 1/(exp(omega/T) - 1), s = nbar/(2 nbar + 1), and back, nbar = s/(1 - 2 s) and
 * T = omega / ln(1 + 1/nbar). The paper's Fig. 4 is drawn over (s_1, s_N); run specs sweep {@code s_left} and
 * {@code s_right}, which {@link #temperature} turns into the temperatures a model takes. The one home of these
 * formulas ({@link Bath} uses them). Stateless.
 */
public final class Thermal {
    private Thermal() {
    }

    /** nbar = 1/(exp(omega/T) - 1); exactly 0 at T = 0. */
    public static double nbar(double omega, double temperature) {
        if (temperature == 0) {
            return 0;
        }
        return 1.0 / Math.expm1(omega / temperature);
    }

    /**
     * The temperature at which a bath mode of energy {@code omega} has excited population s.
     *
     * @param field the spec key, for the error message
     * @throws InvalidInputException unless 0 &lt;= s &lt; 1/2 (s = 1/2 is infinite temperature)
     */
    public static double temperature(String field, double omega, double s) {
        if (!(s >= 0 && s < 0.5)) {
            throw new InvalidInputException(field, "must be in [0, 0.5) (s = 1/2 is infinite temperature), got " + s);
        }
        if (s == 0) {
            return 0;
        }
        double nbar = s / (1 - 2 * s);
        double t = omega / Math.log1p(1 / nbar);
        if (t > Chain.MAX_SCALE * omega) {
            throw new InvalidInputException(field, "gives T = " + t + " = " + t / omega + " omega; temperatures are"
                    + " limited to " + Chain.MAX_SCALE + " omega (s at most about 0.49999975), got " + s);
        }
        return t;
    }

    /** s = nbar/(2 nbar + 1) of a mode of energy omega at temperature T. */
    public static double s(double omega, double temperature) {
        double n = Thermal.nbar(omega, temperature);
        return n / (2 * n + 1);
    }
}
