/**
 * The excitation-number sector structure behind the exact quantum methods: the sector basis of bit masks
 * ({@link org.qtraj.exact.sector.SectorBasis}), block-diagonal Hermitian operators packed isometrically into real
 * vectors of length C(2N, N) ({@link org.qtraj.exact.sector.BlockState}), the matrix-free Lindblad generator on
 * them ({@link org.qtraj.exact.sector.Liouvillian}), its coherent preconditioner (through the reflection-even and
 * -odd blocks of H where the chain is reflection-symmetric), restarted GMRES, and the
 * trace-pinned solve (L + u tr^T) x = y ({@link org.qtraj.exact.sector.TraceFixedSolver}) for steady states and
 * the cumulant recursion.
 *
 * <p>Depends on: exact.linalg (threads, dense products), model, errors (and EJML). Used by exact, exact.counting, exact.relaxation and fcs.
 *
 * <p>Thread-safety: bases and states are immutable; the generator and the solver are immutable after
 * construction and thread-safe; GMRES is stateless. Methods taking {@code (x, y)} arrays overwrite y and only read
 * x, which must be a different array.
 */
package org.qtraj.exact.sector;
