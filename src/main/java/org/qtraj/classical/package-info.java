/**
 * The classical analogue of the chain: exact stochastic (Gillespie) simulation of the symmetric simple
 * exclusion process with two particle reservoirs (PHYSICS.md "Classical analogue", paper sec. IV).
 *
 * <p>Entry point for a driver: {@link org.qtraj.classical.ExclusionProcess#of} once per model, then
 * {@link org.qtraj.classical.ClassicalTrajectory#run} once per trajectory with the trajectory's own random
 * stream, giving an immutable {@link org.qtraj.classical.ClassicalSample} (net injections per bath, window
 * length, occupied time per site, event count); {@code org.qtraj.simulation.Simulations} turns samples into named
 * estimators for the ensemble driver. Nothing here knows about threads or seeds.
 *
 * <p>Depends on: model, ensemble (only its Walker interface), errors (and Commons RNG). Used by simulation and fcs.
 *
 * <p>Thread-safety: the process is immutable and shared by every thread; a trajectory lives inside one call and
 * draws only from the stream handed in, which that call alone uses. A boundary-event listener is called on the
 * simulating thread and serves one trajectory.
 */
package org.qtraj.classical;
