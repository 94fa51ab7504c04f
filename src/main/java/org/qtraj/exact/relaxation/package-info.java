/**
 * Exact relaxation curves from a basis state: the quantum populations tr(n_k exp(L t) rho(0)) by Taylor steps of
 * the block-diagonal density matrix with an a posteriori error bound ({@link org.qtraj.exact.relaxation.Relaxation}),
 * and the classical mean occupations from the closed one-point equations of the exclusion process
 * ({@link org.qtraj.exact.relaxation.ClassicalRelaxation}), and for XX chains with end baths at any N the
 * free-fermion two-point equations ({@link org.qtraj.exact.relaxation.FreeFermionRelaxation}): the references for
 * sampled relaxation curves.
 *
 * <p>Depends on: exact, exact.sector, model, errors. Used by simulation, batch and cli.
 *
 * <p>Thread-safety: static, stateless functions; each call has its own buffers, and array arguments are only
 * read.
 */
package org.qtraj.exact.relaxation;
