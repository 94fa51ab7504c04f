package org.qtraj.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.QuickReference;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

/**
 * One model, every method: the quick exact quantum solvers that apply ({@link QuickReference}: closed form;
 * correlation up to {@value QuickReference#CORRELATION_SITES} sites; Liouvillian up to
 * {@value QuickReference#LIOUVILLIAN_SITES}), which must agree with each
 * other to {@value #EXACT_TOLERANCE} relative; the quantum trajectories, whose counting estimator is checked against
 * the exact local heat current omega_1 I and whose continuous estimator against Tr(H D_left rho); the rate
 * equations; and the classical simulation against them. A stochastic row agrees if |z| &lt; {@value #Z_LIMIT},
 * z from {@link Estimate#z} (false alarm 6.3e-5 per row for a Gaussian estimate). Stateless and thread-safe.
 */
public final class CrossCheck {
    /** Largest relative difference allowed between two exact quantum solvers. */
    public static final double EXACT_TOLERANCE = 1e-8;
    /** A stochastic row agrees with its reference if |z| is below this. */
    public static final double Z_LIMIT = 4;

    private CrossCheck() {
    }

    /** How a row came out. */
    public enum Verdict { AGREE, DISAGREE, REFERENCE, NO_REFERENCE }

    /**
     * One row of the table.
     *
     * @param method    closed, correlation, liouvillian, rate, trajectories, classical
     * @param quantity  which number: heat_current (Tr(H D_left rho)), local_heat_current (counting), ...
     * @param value     the number
     * @param error     its standard error (0 for exact methods)
     * @param samples   trajectories behind it (0 for exact methods)
     * @param reference the exact value it is compared with, NaN if none
     * @param z         (value - reference)/error for stochastic rows, NaN otherwise
     * @param verdict   agree, disagree, reference (the first exact row), no reference
     */
    public record Row(String method, String quantity, double value, double error, long samples, double reference,
                      double z, Verdict verdict) {
        /** The row as a JSON-ready map (keys as the components, verdict in lower case); a new mutable map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("quantity", quantity);
            m.put("value", value);
            m.put("error", error);
            m.put("samples", samples);
            m.put("reference", reference);
            m.put("z", z);
            m.put("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT));
            return m;
        }
    }

    /** The overall verdict of a cross-check. */
    public enum Overall {
        /** Every row agrees, and every stochastic run reached its target error. */
        AGREE,
        /** Some row disagrees (a disagreement is significant at any sample size). */
        DISAGREE,
        /**
         * No row disagrees, but a stochastic run stopped before its target error (time budget spent, or the target
         * out of reach): the check is weaker than asked for.
         */
        INCONCLUSIVE
    }

    /**
     * The rows and the overall verdict.
     *
     * @param rows           every method's row
     * @param shortfalls     one sentence per stochastic run that stopped before its target error; empty if none
     * @param elapsedSeconds wall time
     */
    public record Outcome(List<Row> rows, List<String> shortfalls, double elapsedSeconds) {
        /** Copies the lists. */
        public Outcome {
            rows = List.copyOf(rows);
            shortfalls = List.copyOf(shortfalls);
        }

        /** Whether no row disagrees. */
        public boolean agrees() {
            return rows.stream().noneMatch(r -> r.verdict() == Verdict.DISAGREE);
        }

        /** Disagree if a row disagrees, else inconclusive if a run fell short of its target, else agree. */
        public Overall overall() {
            return !agrees() ? Overall.DISAGREE : shortfalls.isEmpty() ? Overall.AGREE : Overall.INCONCLUSIVE;
        }

        /** The rows that disagree, in table order (an unmodifiable list, empty if all agree). */
        public List<Row> disagreements() {
            return rows.stream().filter(r -> r.verdict() == Verdict.DISAGREE).toList();
        }

        /**
         * The JSON document of {@code qtraj crosscheck}: sites, seed, rows, verdict (agree, disagree or inconclusive),
         * shortfalls, elapsed.
         */
        public Map<String, Object> toMap(int sites, long seed) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sites", sites);
            doc.put("seed", seed);
            doc.put("rows", rows.stream().map(Row::toMap).toList());
            doc.put("verdict", overall().name().toLowerCase(java.util.Locale.ROOT));
            doc.put("shortfalls", shortfalls);
            doc.put("elapsed_seconds", elapsedSeconds);
            return doc;
        }
    }

    /**
     * Runs every method on the chain.
     *
     * @param settings        ensemble settings for both stochastic methods (target error on the heat current)
     * @param referenceFilter applied to the exact quantum reference before the comparisons (identity in
     *                        production; tests use it to plant a wrong reference and see the check fail)
     */
    public static Outcome run(Chain chain, SimulationSettings settings, UnaryOperator<ExactResult> referenceFilter,
                              ProgressListener quantumProgress, ProgressListener classicalProgress) {
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        ExactResult reference = null;
        for (ExactMethod method : QuickReference.methods(chain)) {
            ExactResult r = method.solverFor(chain).solve(chain, settings.threads());
            if (reference == null) {
                reference = referenceFilter.apply(r);
                rows.add(new Row(r.method(), "heat_current", reference.heatCurrentLeft(), 0, 0, Double.NaN, Double.NaN,
                        Verdict.REFERENCE));
            } else {
                double ref = reference.heatCurrentLeft();
                boolean ok = Math.abs(r.heatCurrentLeft() - ref) <= EXACT_TOLERANCE * Math.abs(ref) + 1e-12
                        && Math.abs(r.localHeatCurrent() - reference.localHeatCurrent())
                        <= EXACT_TOLERANCE * Math.abs(reference.localHeatCurrent()) + 1e-12;
                rows.add(new Row(r.method(), "heat_current", r.heatCurrentLeft(), 0, 0, ref, Double.NaN,
                        ok ? Verdict.AGREE : Verdict.DISAGREE));
            }
        }
        SimulationResult quantum = Simulations.quantum(chain, settings, quantumProgress);
        rows.add(stochastic(quantum, Estimator.LOCAL_HEAT_CURRENT, reference == null ? Double.NaN : reference.localHeatCurrent()));
        rows.add(stochastic(quantum, Estimator.HEAT_CURRENT, reference == null ? Double.NaN : reference.heatCurrentLeft()));
        ExactResult rate = new RateEquations().solve(chain);
        rows.add(new Row("rate", "heat_current", rate.heatCurrentLeft(), 0, 0, Double.NaN, Double.NaN, Verdict.REFERENCE));
        SimulationResult classical = Simulations.classical(chain, settings, classicalProgress);
        rows.add(stochastic(classical, Estimator.HEAT_CURRENT, rate.heatCurrentLeft()));
        List<String> shortfalls = new ArrayList<>();
        for (SimulationResult r : List.of(quantum, classical)) {
            String why = r.shortfall(settings);
            if (why != null) {
                shortfalls.add(why);
            }
        }
        return new Outcome(rows, shortfalls, (System.nanoTime() - t0) * 1e-9);
    }


    private static Row stochastic(SimulationResult r, Estimator estimator, double reference) {
        Estimate m = r.estimate(estimator);
        if (Double.isNaN(reference)) {
            return new Row(r.method(), estimator.key(), m.value(), m.error(), m.samples(), reference, Double.NaN,
                    Verdict.NO_REFERENCE);
        }
        double z = m.z(reference);
        return new Row(r.method(), estimator.key(), m.value(), m.error(), m.samples(), reference, z,
                Math.abs(z) < Z_LIMIT ? Verdict.AGREE : Verdict.DISAGREE);
    }
}
