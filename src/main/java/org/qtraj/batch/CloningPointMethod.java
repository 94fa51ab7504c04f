package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.fcs.Cloning;
import org.qtraj.fcs.CloningResult;
import org.qtraj.fcs.CloningSettings;
import org.qtraj.fcs.FcsSettings;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.stats.Estimate;
import org.qtraj.trajectory.Unravelling;

/**
 * {@code {method: cloning, engine: quantum|classical, fields: [s, ...], clones: [M, ...], populations: R, step: dt,
 * t_total: T, t_burn: B, counting_bath: left|right, seed: S}}: theta(s) by population dynamics ({@link Cloning}) at
 * every point, observables {@code theta_at_J} (J the 0-based index into fields: the extrapolated theta with its
 * error; the bias estimate and the per-size values are in results.jsonl). Defaults: engine quantum, fields [1],
 * clones [50, 100, 200], populations 10, the times and step of {@link Cloning}, the left bath, the unit's derived
 * seed. Resumable: the values of the populations run so far are saved to the checkpoint every
 * checkpoint interval ({@code qtraj run --checkpoint-seconds}, default 5 s), and since every population has its own stream a resumed point gives exactly the
 * numbers of an uninterrupted one. Stateless and thread-safe.
 */
public final class CloningPointMethod implements PointMethod {

    private final String label;
    private final Engine engine;
    private final CloningSettings settings;
    /** the counting bath as the spec names it (null: the first bath), resolved per model */
    private final String bathName;
    private final String bathField;
    private final Long seed;

    private CloningPointMethod(String label, Engine engine, CloningSettings settings, Long seed, String bathName,
                               String bathField) {
        this.bathName = bathName;
        this.bathField = bathField;
        this.label = label;
        this.engine = engine;
        this.settings = settings;
        this.seed = seed;
    }

    /** Binds a spec entry, checking its values. */
    public static CloningPointMethod of(MethodEntry e) {
        String engineText = e.text("engine").orElse("quantum");
        Engine engine = switch (engineText) {
            case "quantum" -> Engine.QUANTUM;
            case "classical" -> Engine.CLASSICAL;
            default -> throw new InvalidInputException(e.field("engine"), "must be quantum or classical, got '"
                    + engineText + "'");
        };
        double[] fields = numbers(e, "fields", new double[] {1});
        double[] clones = numbers(e, "clones", new double[] {50, 100, 200});
        int[] sizes = new int[clones.length];
        for (int i = 0; i < sizes.length; i++) {
            if (clones[i] != Math.rint(clones[i]) || Math.abs(clones[i]) > Integer.MAX_VALUE) {
                throw new InvalidInputException(e.field("clones"), "must be integers, got " + clones[i]);
            }
            sizes[i] = (int) clones[i];
        }
        long populations = e.integer("populations").orElse(10);
        String bathName = e.text("counting_bath").orElse(null);
        double total = e.number("t_total").orElse(Double.NaN);
        double burn = e.number("t_burn").orElse(Double.NaN);
        CloningSettings settings;
        try {
            settings = new CloningSettings(fields, sizes, (int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, populations)), e.number("step").orElse(Double.NaN), burn, total, 0);
        } catch (InvalidInputException x) {
            throw new InvalidInputException(e.field(x.field()), x.getMessage().replaceFirst("^" + x.field() + ": ", ""));
        }
        Long s = e.params().containsKey("seed") ? e.integer("seed").getAsLong() : null;
        return new CloningPointMethod(e.label(), engine, settings, s, bathName, e.field("counting_bath"));
    }

    /** The settings with the counting bath of this model (left, right or a named bath; the first if none given). */
    private CloningSettings settingsFor(Chain chain) {
        return settings.withBath(FcsSettings.bathIndex(chain, bathName));
    }

    /** A number or a list of numbers. */
    private static double[] numbers(MethodEntry e, String key, double[] otherwise) {
        JsonNode n = e.params().get(key);
        if (n == null) {
            return otherwise;
        }
        if (!n.isArray()) {
            return new double[] {SpecNodes.number(e.field(key), n)};
        }
        return SpecNodes.numbers(e.field(key), n);
    }

    @Override
    public String label() {
        return label;
    }

    /** The checks of {@link Cloning#refusal}: sites, times, step, work, memory. */
    @Override
    public String refusal(Chain chain) {
        try {
            return Cloning.refusal(engine, chain, settingsFor(chain));
        } catch (InvalidInputException x) {
            return bathField + " " + x.getMessage().replaceFirst("^counting_bath: ", "");
        }
    }

    /**
     * Runs the populations on at most {@code threads} threads (the numbers do not depend on it) from the entry's seed
     * or else {@code unitSeed}, in slices of the checkpoint's interval with the values saved to {@code checkpoint}
     * between them, resuming from a saved state.
     */
    @Override
    public PointResult run(Chain chain, long unitSeed, Checkpoint checkpoint, int threads) throws IOException {
        long s = seed != null ? seed : unitSeed;
        Cloning.Plan plan = Cloning.plan(engine, chain, settingsFor(chain), s, threads, Unravelling.DEFAULT_TOLERANCE);
        Cloning.Slice done = new Cloning.Slice(new double[0], 0);
        if (checkpoint.state().isPresent()) {
            JsonNode st = checkpoint.state().get();
            String damage = damage(st, plan.units());
            if (damage != null) {
                checkpoint.discard(damage);
            } else {
                double[] v = new double[st.get("values").size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = st.get("values").get(i).asDouble();
                }
                done = new Cloning.Slice(v, st.get("elapsed_seconds").asDouble());
            }
        }
        while (done.values().length < plan.units()) {
            long before = done.values().length;
            done = plan.slice(done.values(), done.elapsedSeconds(), checkpoint.sliceSeconds(), Long.MAX_VALUE, null);
            checkpoint.trajectoriesDone(done.values().length - before);
            if (done.values().length < plan.units()) {
                checkpoint.save(state(done));
            }
        }
        CloningResult r = plan.result(done);
        Map<String, Estimate> obs = new LinkedHashMap<>();
        for (int f = 0; f < settings.fields().length; f++) {
            obs.put("theta_at_" + f, r.theta(f));
        }
        return new PointResult(obs, r.toMap());
    }

    /** What is wrong with a saved state, or null if it is {values: [finite numbers], elapsed_seconds} of this unit. */
    static String damage(JsonNode st, long units) {
        JsonNode v = st.get("values");
        if (v == null || !v.isArray() || v.size() > units) {
            return "values is not a list of at most " + units + " populations";
        }
        for (JsonNode x : v) {
            if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
                return "a value " + x + " is not a finite number";
            }
        }
        JsonNode e = st.get("elapsed_seconds");
        if (e == null || !e.isNumber() || !(e.asDouble() >= 0)) {
            return "elapsed_seconds " + e + " is not a time";
        }
        return null;
    }

    static JsonNode state(Cloning.Slice done) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        double[] v = done.values();
        var arr = o.putArray("values");
        for (double x : v) {
            arr.add(x);
        }
        o.put("elapsed_seconds", done.elapsedSeconds());
        return o;
    }
}
