package org.qtraj.model;

import org.qtraj.errors.InvalidInputException;

/**
 * A thermal bath attached to one site of the chain.
 *
 * <p>Jump operators sqrt(G (nbar+1)) sigma^-_k (emission into the bath) and sqrt(G nbar) sigma^+_k
 * (absorption from the bath), nbar = 1/(exp(omega_k/T) - 1) (PHYSICS.md). Immutable.
 *
 * <p>A bath at T &gt;= 0 holds a site at an excited population s = nbar/(2 nbar + 1) &lt; 1/2. A population-inverted
 * bath (s &gt; 1/2, the "negative temperature" of the driving in Znidaric, PRE 89, 042140 (2014), whose left end
 * injects at rate Gamma (1 + mu) and removes at Gamma (1 - mu)) is the same record with T &lt; 0 and G &lt; 0: then
 * nbar &lt; -1, and G nbar and G (nbar + 1) are both positive, so every formula below (rates, gamma, s) holds
 * unchanged. {@link #ofOccupation} builds one from its effective rate and occupation. Only library code can build
 * such a chain: model files and the command line refuse negative rates and temperatures ({@link ModelSpec}).
 *
 * @param site        site index, 0-based (files and the command line count from 1)
 * @param rate        bare coupling rate G &gt;= 0, or G &lt; 0 together with T &lt; 0 (population inversion)
 * @param temperature temperature T &gt;= 0, or T &lt; 0 together with G &lt; 0
 */
public record Bath(int site, double rate, double temperature) {

    /**
     * The bath that absorbs at rate gamma s and emits at rate gamma (1 - s): effective rate gamma = G (2 nbar + 1) and
     * occupation s = nbar/(2 nbar + 1), i.e. G = gamma (1 - 2 s) and T = omega / ln((1 - s)/s) (from
     * nbar = s/(1 - 2 s) and nbar = 1/(exp(omega/T) - 1)). For s &lt; 1/2 an ordinary bath (s = 0: T = 0); for
     * s &gt; 1/2 a population-inverted one, G &lt; 0 and T &lt; 0. s = 1/2 (infinite temperature) and s = 1 (T = 0 from
     * below) have no (G, T) and are refused.
     *
     * @param site  site index, 0-based
     * @param gamma effective rate, finite and &gt; 0
     * @param s     occupation, in [0, 1) and not 1/2
     * @param omega energy of the site the bath is attached to, &gt; 0
     * @return the bath with those rates
     * @throws InvalidInputException naming "gamma", "s" or "omega"
     */
    public static Bath ofOccupation(int site, double gamma, double s, double omega) {
        if (!(gamma > 0 && gamma <= Chain.MAX_SCALE)) {
            throw new InvalidInputException("gamma", "must be a number in (0, " + Chain.MAX_SCALE + "], got " + gamma);
        }
        if (!(s >= 0 && s < 1) || s == 0.5) {
            throw new InvalidInputException("s", "must be in [0, 1) and not 1/2 (infinite temperature), got " + s);
        }
        if (!(omega > 0 && omega <= Chain.MAX_SCALE)) {
            throw new InvalidInputException("omega", "must be a number in (0, " + Chain.MAX_SCALE + "], got " + omega);
        }
        double t = s == 0 ? 0 : omega / Math.log((1 - s) / s);
        return new Bath(site, gamma * (1 - 2 * s), t);
    }

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
