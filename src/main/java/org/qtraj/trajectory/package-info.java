/**
 * Quantum trajectories: the quantum-jump unravelling of the chain's master equation, one excitation-number sector
 * at a time ({@link org.qtraj.trajectory.Unravelling}), and one Monte Carlo wave-function trajectory per call with
 * its steady-state estimators and relaxation samples ({@link org.qtraj.trajectory.QuantumTrajectory}); for XX chains
 * (D = 0) the same trajectories as Slater determinants of n orbitals, at a cost polynomial in N
 * ({@link org.qtraj.trajectory.GaussianTrajectory}, same estimator names).
 *
 * <p>Depends on: model, ensemble (only its Walker interface), errors (and Commons RNG). Knows nothing about threads or seeds beyond the random stream
 * handed to each trajectory; ensembles, seeds and merging are the ensemble driver's. Used by simulation, fcs,
 * batch and cli.
 *
 * <p>Thread-safety: an unravelling and a trajectory are immutable in use and shared by every thread (sectors are
 * built lazily and published safely); each run has its own work space and draws only from its own stream. A jump
 * listener is called on the simulating thread and serves one trajectory.
 */
package org.qtraj.trajectory;
