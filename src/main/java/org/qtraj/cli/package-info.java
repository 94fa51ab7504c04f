/**
 * The {@code qtraj} command line: picocli commands that parse options, call one layer below and print a table on
 * stdout or one JSON document ({@code --json}, {@code --out}). No physics and no file formats here: this is the only
 * package that knows about flags, and it maps the library's parameter names to them. {@link org.qtraj.cli.Main}
 * turns an {@link org.qtraj.errors.InvalidInputException} into one line on stderr and exit code 2, any other
 * failure into exit code 1 ({@link org.qtraj.cli.ExitCodes}).
 *
 * <p>Depends on (arrows point down only): batch, report, fcs, simulation, exact, exact.relaxation, trajectory,
 * ensemble, model, stats, io, errors. It is the top of the layout: no other package uses it.
 *
 * <p>Thread-safety: not thread-safe, and need not be. picocli makes the command objects for one invocation and
 * runs them on the calling thread; the parallel work, and the thread count given by {@code --threads}, belong to
 * the layers below (the ensemble driver, the batch runner).
 */
package org.qtraj.cli;
