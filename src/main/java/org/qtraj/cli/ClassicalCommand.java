package org.qtraj.cli;

import java.util.concurrent.Callable;
import org.qtraj.batch.SimulationResult;
import org.qtraj.batch.SimulationSettings;
import org.qtraj.batch.Simulations;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qtraj classical}: Gillespie simulation of the exclusion process against its rate equations. */
@Command(name = "classical", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact stochastic (Gillespie) simulation of the classical analogue, the symmetric exclusion",
            "process with boundary reservoirs: currents and occupations as mean +- standard error, the",
            "rate-equation value (J_C) and the z-score."})
public final class ClassicalCommand implements Callable<Integer> {
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
        try (ProgressBars bar = ProgressBars.open("classical", settings.stop().maxTrajectories())) {
            result = Simulations.classical(chain, settings, bar.listener());
        }
        ExactResult rate = new RateEquations().solve(chain);
        EnsembleReport report = new EnsembleReport(result, rate.method(), Simulations.references(chain, rate));
        output.emit(spec.commandLine().getOut(), report.toMap(), report.table());
        return ExitCodes.OK;
    }
}
