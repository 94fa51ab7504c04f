package org.qtraj.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.ExactReferences;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.simulation.Simulations;
import org.qtraj.stats.Estimate;
import org.qtraj.stats.MeanVar;
import org.qtraj.trajectory.DephasingJumps;

/**
 * A simulation result beside its exact references: the table and the JSON document of simulate and classical;
 * {@code engine} is the quantum-trajectory engine that ran (sector or gaussian), null for the classical simulation;
 * {@code dephasingJumps} the unravelling of the dephasing when it is not the default projective one (phase-flip),
 * else null: then the output says that the per-trajectory entanglement entropy and jump rate are that unravelling's.
 */
record EnsembleReport(SimulationResult result, String referenceMethod, Map<String, Double> references, String engine,
                      String dephasingJumps) {

    /**
     * What simulate and classical do: run the engine on the command's model and settings, then print the steady-state
     * estimators beside their exact values, or with --times the relaxation curves beside the exact ones.
     */
    static int run(EnsembleCommand command, RelaxationOptions relaxation, Engine engine) throws IOException {
        return run(command, relaxation, engine, QuantumEngine.SECTOR, DephasingJumps.PROJECTIVE, null);
    }

    /**
     * As {@link #run(EnsembleCommand, RelaxationOptions, Engine)}, quantum trajectories on {@code quantumEngine}; with
     * a {@code plot} (may be null) the network picture of the steady state too.
     */
    static int run(EnsembleCommand command, RelaxationOptions relaxation, Engine engine, QuantumEngine quantumEngine,
                   DephasingJumps dephasingJumps, PlotOptions plot) throws IOException {
        Chain chain = command.chain();
        SimulationSettings settings = relaxation.apply(command.simulation.settings(Estimator.HEAT_CURRENT), chain.sites())
                .toBuilder().quantumEngine(quantumEngine).dephasingJumps(dephasingJumps).build();
        SimulationResult result = EnsembleCommand.withProgress(engine, settings,
                bar -> Simulations.run(engine, chain, settings, bar));
        String shortfall = result.shortfall(settings);
        if (shortfall != null && result.stopReason().equals("target_out_of_reach")) {
            command.warn(shortfall + "; stopped there");
        }
        if (relaxation.active()) {
            RelaxationReport r = new RelaxationReport(result, settings, ExactReferences.relaxationMethod(engine, chain),
                    ExactReferences.relaxation(engine, chain, settings).orElse(null));
            return command.emit(r.toMap(), r.table());
        }
        String engineKey = engine == Engine.QUANTUM ? quantumEngine.resolve(chain).key() : null;
        String jumps = engine == Engine.QUANTUM && dephasingJumps != DephasingJumps.PROJECTIVE ? dephasingJumps.key()
                : null;
        ExactResult exact = ExactReferences.steadyState(engine, chain, settings.threads()).orElse(null);
        EnsembleReport report = exact == null ? new EnsembleReport(result, null, Map.of(), engineKey, jumps)
                : new EnsembleReport(result, exact.method(), ExactReferences.values(chain, exact), engineKey, jumps);
        if (plot != null) {
            plot.simulation(chain, result, exact);
        }
        return command.emit(report.toMap(), report.table());
    }

    /** z = (mean - exact) / stderr, NaN without a reference or an error bar. */
    double z(String estimator) {
        Double ref = references.get(estimator);
        MeanVar m = result.get(estimator);
        if (ref == null) {
            return Double.NaN;
        }
        return Estimate.z(m.mean(), m.standardError(), ref);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(result.toMap());
        if (engine != null) {
            m.put("engine", engine);
        }
        if (dephasingJumps != null) {
            m.put("dephasing_jumps", dephasingJumps);
        }
        m.put("exact_method", referenceMethod);
        Map<String, Object> exact = new LinkedHashMap<>();
        Map<String, Object> zs = new LinkedHashMap<>();
        for (String name : result.estimates().names()) {
            if (references.containsKey(name)) {
                exact.put(name, references.get(name));
                zs.put(name, z(name));
            }
        }
        m.put("exact", exact);
        m.put("z", zs);
        return m;
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        Tables.row(sb, "method", engine == null ? result.method() : result.method() + " (" + engine + " engine)");
        if (dephasingJumps != null) {
            Tables.row(sb, "dephasing jumps", dephasingJumps + " (the same means; entanglement_entropy and jump_rate"
                    + " are this unravelling's)");
        }
        Tables.row(sb, "sites", Integer.toString(result.sites()));
        Tables.row(sb, "trajectories", result.trajectories() + " (stopped on " + result.stopReason().replace('_', ' ') + ")");
        Tables.row(sb, "seed", Long.toString(result.seed()));
        Tables.row(sb, "window", String.format(Locale.ROOT, "t_burn = %.6g, t_total = %.6g", result.tBurn(), result.tTotal()));
        Tables.row(sb, "exact reference", referenceMethod == null ? "none within a few seconds" : referenceMethod);
        sb.append(String.format(Locale.ROOT, "%n%-26s %15s %11s %15s %7s%n", "estimator", "mean", "stderr", "exact", "z"));
        for (String name : result.estimates().names()) {
            MeanVar m = result.get(name);
            Double ref = references.get(name);
            sb.append(String.format(Locale.ROOT, "%-26s %15.9g %11.3g %15s %7s%n", name, m.mean(), m.standardError(),
                    ref == null ? "" : String.format(Locale.ROOT, "%.9g", ref),
                    ref == null ? "" : String.format(Locale.ROOT, "%.2f", z(name))));
        }
        Tables.row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s on %d threads", result.elapsedSeconds(), result.threads()));
        return sb.toString();
    }
}
