package org.qtraj.cli;

import org.qtraj.simulation.Engine;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.trajectory.DephasingJumps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qtraj simulate}: quantum trajectories with error bars, beside the exact values.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quantum trajectories (Monte Carlo wave functions, waiting-time jumps) of the master equation,",
            "run in parallel: every estimator as mean +- standard error over trajectories, the exact value",
            "(when it takes a few seconds) and the z-score (mean - exact)/stderr. With --times: relaxation",
            "curves n_k(t) from --initial-state beside the exact time evolution."})
public final class SimulateCommand extends EnsembleCommand {
    @Mixin
    RelaxationOptions relaxation = new RelaxationOptions();

    @Option(names = "--engine", paramLabel = "ENGINE", description = {"sector (one excitation sector, N <= 24), gaussian",
        "(Slater determinants: XX chains only, D = 0, any N) or auto (gaussian for XX chains from "
            + QuantumEngine.AUTO_GAUSSIAN_SITES + " sites on). Default: ${DEFAULT-VALUE}."})
    String engine = "sector";

    @Option(names = "--dephasing-jumps", paramLabel = "KIND", description = {"How quantum trajectories unravel the",
        "dephasing: projective (jumps sqrt(gamma) n_k) or phase-flip (sqrt(gamma/4) sigma^z_k, the same master",
        "equation: the same means and bath-count statistics, far cheaper on the gaussian engine; the per-trajectory",
        "entanglement_entropy and jump_rate are those of the unravelling). Gaussian engine only. Default: ${DEFAULT-VALUE}."})
    String dephasingJumps = "projective";

    @Mixin
    PlotOptions plot = new PlotOptions();

    /**
     * Runs the quantum ensemble and prints the report.
     *
     * @return {@link ExitCodes#OK}; a bad option or model throws {@link org.qtraj.errors.InvalidInputException},
     *         which {@link Main} turns into {@link ExitCodes#BAD_INPUT}
     */
    @Override
    int execute() throws Exception {
        plot.check();
        if (plot.plot != null && relaxation.active()) {
            throw new org.qtraj.errors.InvalidInputException("plot", "draws the steady state; it does not go with --times");
        }
        return EnsembleReport.run(this, relaxation, Engine.QUANTUM, QuantumEngine.of(engine),
                DephasingJumps.of(dephasingJumps), plot);
    }
}
