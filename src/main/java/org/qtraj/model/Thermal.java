package org.qtraj.model;

/** Bose-Einstein occupation of a bath mode and the derived rates (PHYSICS.md, "Master equation"). */
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
}
