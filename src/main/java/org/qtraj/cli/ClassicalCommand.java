package org.qtraj.cli;

import org.qtraj.simulation.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code qtraj classical}: Gillespie simulation of the exclusion process against its rate equations.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "classical", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact stochastic (Gillespie) simulation of the classical analogue, the symmetric exclusion",
            "process with boundary reservoirs: currents and occupations as mean +- standard error, the",
            "rate-equation value (J_C) and the z-score. With --times: relaxation curves of the occupations from",
            "--initial-state beside the exact one-point equations."})
public final class ClassicalCommand extends EnsembleCommand {
    @Mixin
    RelaxationOptions relaxation = new RelaxationOptions();

    /**
     * Runs the classical (Gillespie) ensemble and prints the report.
     *
     * @return {@link ExitCodes#OK}; a bad option or model throws {@link org.qtraj.errors.InvalidInputException},
     *         which {@link Main} turns into {@link ExitCodes#BAD_INPUT}
     */
    @Override
    int execute() throws Exception {
        return EnsembleReport.run(this, relaxation, Engine.CLASSICAL);
    }
}
