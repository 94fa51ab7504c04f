package org.qtraj.cli;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import org.qtraj.simulation.CrossCheck;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.SimulationSettings;
import picocli.CommandLine.Command;

/**
 * {@code qtraj crosscheck}: exact solvers, quantum trajectories and the classical simulation, one verdict.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread. The static test hook {@code referenceFilter} is shared by all instances.
 */
@Command(name = "crosscheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs every method on one model and checks them against each other: the exact quantum",
            "solvers that apply (agree to 1e-8), the quantum trajectories (counting and continuous estimators,",
            "|z| < 4 against the exact values) and the classical simulation (|z| < 4 against the rate equations).",
            "Default stop: 1%% relative error on the heat current within a time budget of " + CrossCheckCommand.BUDGET
                    + " s per stochastic method. Exit code 0 if everything agrees, 3 if anything disagrees,",
            "4 (inconclusive) if nothing disagrees but a stochastic method stopped short of its target."})
public final class CrossCheckCommand extends EnsembleCommand {
    /** Test hook, not an option: applied to the exact reference, to check that a wrong one is caught. */
    static UnaryOperator<ExactResult> referenceFilter = UnaryOperator.identity();
    /** Default time budget per stochastic method, in seconds, when no stop option is given. */
    static final int BUDGET = 120;

    /**
     * Runs every method on the model (default stop rule: 1% relative error on the heat current), prints the
     * comparison and names every disagreement on stderr.
     *
     * @return {@link ExitCodes#OK} if all methods agree, {@link ExitCodes#DISAGREE} if any disagrees
     */
    @Override
    int execute() throws Exception {
        Chain chain = chain();
        if (simulation.targetError == null && simulation.trajectories == null && simulation.timeLimit == null) {
            simulation.targetError = "1%";
            simulation.timeLimit = (double) BUDGET;
        }
        SimulationSettings settings = simulation.settings(Estimator.HEAT_CURRENT);
        CrossCheck.Outcome outcome = withProgress(Engine.QUANTUM, settings, q -> withProgress(Engine.CLASSICAL, settings,
                c -> CrossCheck.run(chain, settings, referenceFilter, q, c)));
        emit(outcome.toMap(chain.sites(), settings.seed()), table(outcome));
        if (!outcome.agrees()) {
            for (CrossCheck.Row r : outcome.disagreements()) {
                spec.commandLine().getErr().printf(Locale.ROOT, "qtraj: %s %s = %.9g disagrees with %.9g%s%n", r.method(),
                        r.quantity(), r.value(), r.reference(), Double.isNaN(r.z()) ? "" : String.format(Locale.ROOT, " (z = %.2f)", r.z()));
            }
            spec.commandLine().getErr().flush();
            return ExitCodes.DISAGREE;
        }
        if (outcome.overall() == CrossCheck.Overall.INCONCLUSIVE) {
            outcome.shortfalls().forEach(s -> spec.commandLine().getErr().println("qtraj: inconclusive: " + s));
            spec.commandLine().getErr().flush();
            return ExitCodes.INCONCLUSIVE;
        }
        return ExitCodes.OK;
    }

    private static String table(CrossCheck.Outcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-13s %-19s %15s %10s %8s %15s %7s  %s%n", "method", "quantity", "value",
                "error", "samples", "reference", "z", "verdict"));
        for (CrossCheck.Row r : o.rows()) {
            sb.append(String.format(Locale.ROOT, "%-13s %-19s %15.10g %10s %8s %15s %7s  %s%n", r.method(), r.quantity(),
                    r.value(), r.samples() == 0 ? "exact" : String.format(Locale.ROOT, "%.2g", r.error()),
                    r.samples() == 0 ? "" : Long.toString(r.samples()),
                    Double.isNaN(r.reference()) ? "" : String.format(Locale.ROOT, "%.10g", r.reference()),
                    Double.isNaN(r.z()) ? "" : String.format(Locale.ROOT, "%.2f", r.z()),
                    r.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        sb.append(String.format(Locale.ROOT, "%nverdict: %s (%d rows, %.1f s)%n",
                switch (o.overall()) {
                    case AGREE -> "all methods agree";
                    case DISAGREE -> "DISAGREEMENT: " + o.disagreements().size() + " row(s) outside tolerance";
                    case INCONCLUSIVE -> "INCONCLUSIVE: no row disagrees, but " + String.join("; ", o.shortfalls());
                },
                o.rows().size(), o.elapsedSeconds()));
        return sb.toString();
    }
}
