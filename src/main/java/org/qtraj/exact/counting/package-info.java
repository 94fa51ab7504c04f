/**
 * Exact full counting statistics: tilted generators with one bath's jumps counted, for the quantum chain (the
 * block-diagonal Liouvillian) and the classical exclusion process (its rate matrix on all 2^N patterns), behind one
 * interface ({@link org.qtraj.exact.counting.CountingGenerator}); scaled cumulants by the recursion of Flindt et al.
 * ({@link org.qtraj.exact.counting.Cumulants}, any order up to 10); the scaled cumulant generating function
 * theta(s) as the leading eigenvalue of the tilted generator, the rate function and the Gallavotti-Cohen affinity
 * ({@link org.qtraj.exact.counting.LargeDeviations}); and waiting-time distributions between monitored jumps
 * ({@link org.qtraj.exact.counting.WaitingTimes}).
 *
 * <p>Depends on: exact, exact.sector, model, errors. Used by fcs and batch.
 *
 * <p>Thread-safety: generators are immutable after construction and thread-safe; the functions are static and
 * stateless. Methods taking {@code (x, y)} arrays overwrite y and only read x.
 */
package org.qtraj.exact.counting;
