/**
 * The library's front door for stochastic work: settings (seed, threads, stop rule, times), running ensembles of
 * quantum trajectories or classical Gillespie trajectories of a chain on the ensemble driver and mapping their
 * estimators to the exact quantities they estimate ({@link org.qtraj.simulation.Simulations}), typed names of
 * engines and estimators ({@link org.qtraj.simulation.Engine}, {@link org.qtraj.simulation.Estimator}), results,
 * relaxation inputs, the cross-check of every method against every other ({@link org.qtraj.simulation.CrossCheck}), and
 * throughput benchmarks.
 *
 * <p>Depends on: trajectory, classical, exact (and exact.relaxation for the exact relaxation curves), ensemble,
 * model, stats, errors. Used by fcs, batch and cli. The exact references of a stochastic run are chosen in
 * {@link org.qtraj.simulation.ExactReferences} (through {@link org.qtraj.exact.QuickReference}).
 *
 * <p>Thread-safety: settings and results are immutable records; the entry points are static and stateless, each
 * ensemble runs on its own pool of the requested number of threads, and results do not depend on that number.
 * Progress listeners are called on the calling thread.
 */
package org.qtraj.simulation;
