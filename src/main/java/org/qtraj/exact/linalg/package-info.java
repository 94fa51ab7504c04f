/**
 * Dense kernels of the exact solvers: the eigen-decomposition of a complex symmetric tridiagonal matrix
 * ({@link org.qtraj.exact.linalg.ComplexSymmetricTridiagonalEigen}) and the Lyapunov equation with a diagonal
 * right-hand side, with its population response matrix ({@link org.qtraj.exact.linalg.DiagonalLyapunov}), in
 * O(N^2) memory, for the correlation solver; cache-blocked real matrix products
 * ({@link org.qtraj.exact.linalg.DenseProducts}) for the sector preconditioner; the solvers' thread count
 * ({@link org.qtraj.exact.linalg.Parallelism}).
 *
 * <p>Depends on: errors only (no physics, no model). Used by exact and exact.sector.
 *
 * <p>Thread-safety: immutable after construction and thread-safe; input arrays are copied or only read. Some loops
 * run in parallel in a fixed number of chunks summed in a fixed order, so results do not depend on the number of
 * threads.
 */
package org.qtraj.exact.linalg;
