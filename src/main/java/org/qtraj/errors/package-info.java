/**
 * The exceptions every package may throw: {@link org.qtraj.errors.InvalidInputException} for input qtraj refuses
 * (it names the field in the library's words and says what is allowed; the command line exits with code 2), and
 * {@link org.qtraj.errors.SolverException} for numerics that failed (exit code 1).
 *
 * <p>Depends on: nothing. Used by every other package except stats and io.
 *
 * <p>Thread-safety: the exceptions are immutable.
 */
package org.qtraj.errors;
