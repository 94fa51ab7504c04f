/**
 * Full counting statistics on top of the trajectory engines: the net count at one bath in windows cut from each
 * quantum or classical trajectory and the waiting times between that bath's jumps, recorded per trajectory and
 * folded in index order on the ensemble driver ({@link org.qtraj.fcs.Fcs}); scaled cumulants and the Fano factor
 * from the counts with jackknife errors; the exact references from the tilted generators
 * ({@link org.qtraj.fcs.FcsExact}); the histogram files ({@link org.qtraj.fcs.FcsFiles}); the two-window correction
 * of the cumulants' finite-window offset ({@link org.qtraj.fcs.WindowOffset}); and theta(s) by population dynamics
 * ("cloning", {@link org.qtraj.fcs.Cloning}) on the walkers of both engines, with its benchmarks
 * ({@link org.qtraj.fcs.CloningBenchmarks}).
 *
 * <p>Depends on: simulation, trajectory, classical, exact, exact.counting, exact.sector, ensemble, model, stats, io,
 * errors (and HdrHistogram). Used by batch and cli.
 *
 * <p>Thread-safety: one recorder per trajectory, confined to the thread simulating it; accumulators and results
 * are immutable, and merging them in index order makes a run bit-identical for any thread count. The entry points
 * are static and stateless. A cloning population and its walkers are confined to the thread that runs it; populations
 * are independent units on the ensemble driver with their own streams.
 */
package org.qtraj.fcs;
