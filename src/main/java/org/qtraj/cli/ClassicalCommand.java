package org.qtraj.cli;

import java.util.concurrent.Callable;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.RateEquations;
import org.qtraj.exact.relaxation.ClassicalRelaxation;
import org.qtraj.model.Chain;
import org.qtraj.simulation.RelaxationInputs;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.simulation.Simulations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qtraj classical}: Gillespie simulation of the exclusion process against its rate equations. */
@Command(name = "classical", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact stochastic (Gillespie) simulation of the classical analogue, the symmetric exclusion",
            "process with boundary reservoirs: currents and occupations as mean +- standard error, the",
            "rate-equation value (J_C) and the z-score. With --times: relaxation curves of the occupations from",
            "--initial-state beside the exact one-point equations."})
public final class ClassicalCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    SimulationOptions simulation = new SimulationOptions();
    @Mixin
    OutputOptions output = new OutputOptions();
    @Mixin
    RelaxationOptions relaxation = new RelaxationOptions();
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Chain chain = model.chain();
        SimulationSettings settings = relaxation.apply(simulation.settings(Estimator.HEAT_CURRENT), chain.sites());
        SimulationResult result;
        try (ProgressBars bar = ProgressBars.open("classical", settings.stop().maxTrajectories())) {
            result = Simulations.classical(chain, settings, bar.listener());
        }
        if (relaxation.active()) {
            double[][] exact = ClassicalRelaxation.populations(chain,
                    RelaxationInputs.occupations(settings.initialState(), chain.sites()), settings.sampleTimeArray());
            RelaxationReport r = new RelaxationReport(result, settings, "one-point equations (exact)", exact);
            output.emit(spec.commandLine().getOut(), r.toMap(), r.table());
            return ExitCodes.OK;
        }
        ExactResult rate = new RateEquations().solve(chain);
        EnsembleReport report = new EnsembleReport(result, rate.method(), Simulations.references(chain, rate));
        output.emit(spec.commandLine().getOut(), report.toMap(), report.table());
        return ExitCodes.OK;
    }
}
