package org.qtraj.model;

/**
 * A thermal bath attached to one site of the chain.
 *
 * <p>Jump operators sqrt(G (nbar+1)) sigma^-_k (emission into the bath) and sqrt(G nbar) sigma^+_k
 * (absorption from the bath), nbar = 1/(exp(omega_k/T) - 1) (PHYSICS.md). Immutable.
 *
 * @param site        site index, 0-based (files and the command line count from 1)
 * @param rate        bare coupling rate G >= 0
 * @param temperature temperature T >= 0
 */
public record Bath(int site, double rate, double temperature) {

    /** Occupation nbar of the bath mode resonant with a site of energy omega. */
    public double nbar(double omega) {
        return Thermal.nbar(omega, temperature);
    }

    /** Emission rate G (nbar + 1): rate of the jump sigma^-. */
    public double emissionRate(double omega) {
        return rate * (nbar(omega) + 1);
    }

    /** Absorption rate G nbar: rate of the jump sigma^+. */
    public double absorptionRate(double omega) {
        return rate * nbar(omega);
    }

    /** Effective rate gamma = G (2 nbar + 1) = emission + absorption. */
    public double gamma(double omega) {
        return rate * (2 * nbar(omega) + 1);
    }

    /** Equilibrium excited population s = nbar/(2 nbar + 1). */
    public double s(double omega) {
        return Thermal.s(omega, temperature);
    }
}
