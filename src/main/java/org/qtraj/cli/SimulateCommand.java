package org.qtraj.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.QuickReference;
import org.qtraj.exact.relaxation.Relaxation;
import org.qtraj.model.Chain;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.simulation.Simulations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qtraj simulate}: quantum trajectories with error bars, beside the exact values. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quantum trajectories (Monte Carlo wave functions, waiting-time jumps) of the master equation,",
            "run in parallel: every estimator as mean +- standard error over trajectories, the exact value",
            "(when it takes a few seconds) and the z-score (mean - exact)/stderr. With --times: relaxation",
            "curves n_k(t) from --initial-state beside the exact time evolution."})
public final class SimulateCommand implements Callable<Integer> {
    /** Largest N for which the exact relaxation curves are computed (a few seconds, see README). */
    static final int QUICK_RELAXATION_SITES = 8;

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
        try (ProgressBars bar = ProgressBars.open("trajectories", settings.stop().maxTrajectories())) {
            result = Simulations.quantum(chain, settings, bar.listener());
        }
        if (relaxation.active()) {
            double[][] exact = chain.sites() <= QUICK_RELAXATION_SITES
                    ? Relaxation.populations(chain, settings.initialState(), settings.sampleTimeArray()) : null;
            RelaxationReport r = new RelaxationReport(result, settings, "liouvillian time evolution", exact);
            output.emit(spec.commandLine().getOut(), r.toMap(), r.table());
            return ExitCodes.OK;
        }
        EnsembleReport report = QuickReference.solve(chain)
                .map(e -> new EnsembleReport(result, e.method(), Simulations.references(chain, e)))
                .orElse(new EnsembleReport(result, null, Map.of()));
        output.emit(spec.commandLine().getOut(), report.toMap(), report.table());
        return ExitCodes.OK;
    }
}
