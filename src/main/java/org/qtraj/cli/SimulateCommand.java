package org.qtraj.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.batch.SimulationResult;
import org.qtraj.batch.SimulationSettings;
import org.qtraj.batch.Simulations;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qtraj simulate}: quantum trajectories with error bars, beside the exact values. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quantum trajectories (Monte Carlo wave functions, waiting-time jumps) of the master equation,",
            "run in parallel: every estimator as mean +- standard error over trajectories, the exact value",
            "(when it takes a few seconds) and the z-score (mean - exact)/stderr."})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    SimulationOptions simulation = new SimulationOptions();
    @Mixin
    OutputOptions output = new OutputOptions();
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Chain chain = model.chain();
        SimulationSettings settings = simulation.settings("heat_current");
        SimulationResult result;
        try (ProgressBars bar = ProgressBars.open("trajectories", settings.stop().maxTrajectories())) {
            result = Simulations.quantum(chain, settings, bar.listener());
        }
        EnsembleReport report = Simulations.quickQuantumReference(chain)
                .map(e -> new EnsembleReport(result, e.method(), Simulations.references(chain, e)))
                .orElse(new EnsembleReport(result, null, Map.of()));
        output.emit(spec.commandLine().getOut(), report.toMap(), report.table());
        return ExitCodes.OK;
    }
}
