/**
 * The model: the chain of two-level sites with per-site and per-bond parameters and its two thermal baths, which may
 * sit on any sites ({@link org.qtraj.model.Chain}, validated on construction); partly specified models stacked from
 * defaults, model files and options ({@link org.qtraj.model.ModelSpec}, {@link org.qtraj.model.ModelFiles});
 * quenched disorder recipes; thermal occupations and bath populations; initial basis states of relaxation runs
 * ({@link org.qtraj.model.InitialState}: patterns of any length and named states).
 *
 * <p>Depends on: errors only (and Jackson for model files, Commons RNG for disorder draws). Used by every package
 * that does physics (trajectory, classical, exact and its subpackages except linalg, simulation, fcs) and by batch
 * and cli.
 *
 * <p>Thread-safety: models, specs and recipes are immutable; the helper classes are stateless. A disorder recipe
 * draws from its own seed, so the same recipe gives the same chain on any thread.
 */
package org.qtraj.model;
