package org.qtraj.exact;

/**
 * The steady-state currents from one named bath into the model, counted positive into it. Immutable.
 *
 * @param name            the bath's name (left, right for a chain)
 * @param heatCurrent     J_j = tr(H D_j(rho_ss))
 * @param particleCurrent I_j = gamma_j (s_j - n_k), excitations per unit time from the bath, k its site
 */
public record BathCurrent(String name, double heatCurrent, double particleCurrent) {
}
