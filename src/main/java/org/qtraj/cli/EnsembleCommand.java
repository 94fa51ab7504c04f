package org.qtraj.cli;

import java.util.function.Function;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.SimulationSettings;
import picocli.CommandLine.Mixin;

/**
 * The preamble of the commands that run ensembles of trajectories (simulate, classical, fcs, crosscheck): the
 * model, the ensemble options and a progress bar per run.
 */
abstract class EnsembleCommand extends ModelCommand {
    @Mixin
    SimulationOptions simulation = new SimulationOptions();

    /** Runs {@code run} with a progress bar labelled for {@code engine} (none unless stderr is a terminal). */
    static <T> T withProgress(Engine engine, SimulationSettings settings, Function<ProgressListener, T> run) {
        try (ProgressBars bar = ProgressBars.open(engine.key(), settings.stop().maxTrajectories(),
                settings.monitor().key())) {
            return run.apply(bar.listener());
        }
    }
}
