/**
 * Exact steady states of the chain and the exact methods by name ({@link org.qtraj.exact.ExactMethod}): the closed
 * form of the uniform XX chain, the free-fermion correlation equations (XX chains with end baths, N in the
 * thousands), the block-diagonal Liouvillian (any chain up to N = 12), the classical rate equations; also the
 * Wootters concurrence and the entanglement search of the paper's Fig. 4. Numerical kernels are in the packages
 * below, {@code exact.sector} and {@code exact.linalg}; tilted generators ({@code exact.counting}) and relaxation
 * ({@code exact.relaxation}) sit above and use this package.
 *
 * <p>{@link org.qtraj.exact.QuickReference} is the one place that decides which exact steady state takes at most a
 * few seconds (the reference of stochastic runs and of the cross-check).
 *
 * <p>Depends on: exact.sector, exact.linalg, model, errors. Used by exact.counting, exact.relaxation, simulation,
 * fcs, batch and cli.
 *
 * <p>Thread-safety: solvers are stateless and thread-safe ({@link org.qtraj.exact.SteadyStateSolver}); results are
 * immutable. Some solvers parallelise internally; their results do not depend on the number of threads.
 */
package org.qtraj.exact;
