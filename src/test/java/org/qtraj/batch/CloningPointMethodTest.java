package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.fcs.Cloning;
import org.qtraj.fcs.CloningSettings;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.simulation.Engine;
import org.qtraj.trajectory.Unravelling;

/** {method: cloning} points: theta_at_J observables, resuming mid-point from a checkpoint, refusals. */
class CloningPointMethodTest {
    @TempDir
    Path dir;

    private static final String ENTRY = "{method: cloning, engine: classical, fields: [-0.5, 1], clones: [6, 12],"
            + " populations: 3, step: 0.5, t_total: 30, t_burn: 5, seed: 7}";

    private static PointMethod method(String entry) {
        return MethodKind.create(RunFiles.spec("methods: [" + entry + "]\n").methods().get(0));
    }

    @Test
    void observablesAreThetaAtEachFieldAndResultsDoNotDependOnThreads() throws IOException {
        Chain chain = ModelSpec.empty().withSites(3).build();
        PointResult one = method(ENTRY).run(chain, 1, Checkpoint.none(), 1);
        PointResult two = method(ENTRY).run(chain, 99, Checkpoint.none(), 2);
        assertEquals(List.of("theta_at_0", "theta_at_1"), new ArrayList<>(one.observables().keySet()));
        // the entry's seed wins over the unit's: same numbers
        assertEquals(one.observables(), two.observables());
        assertTrue(one.details().containsKey("theta_bias"));
        assertTrue(Observables.isAllowed("theta_at_1"));
    }

    @Test
    void resumingFromAMidRunCheckpointGivesTheUninterruptedResultAndUsesTheSavedValues() throws IOException {
        Chain chain = ModelSpec.empty().withSites(3).build();
        PointResult whole = method(ENTRY).run(chain, 1, Checkpoint.none(), 1);
        CloningSettings cs = new CloningSettings(new double[] {-0.5, 1}, new int[] {6, 12}, 3, 0.5, 5, 30, 0);
        Cloning.Plan plan = Cloning.plan(Engine.CLASSICAL, chain, cs, 7, 1, Unravelling.DEFAULT_TOLERANCE);
        Cloning.Slice half = plan.slice(new double[0], 0, Double.POSITIVE_INFINITY, 5, null);
        assertEquals(5, half.values().length);
        Path file = dir.resolve("unit.json");
        Checkpoint.open(file, 0).save(CloningPointMethod.state(half));
        PointResult resumed = method(ENTRY).run(chain, 1, Checkpoint.open(file, 0), 2);
        assertEquals(whole.observables(), resumed.observables());
        assertArrayEquals((double[]) whole.details().get("theta"), (double[]) resumed.details().get("theta"));
        // the saved values are used, not recomputed: a changed one changes the result
        double[] v = half.values();
        v[0] += 1;
        Checkpoint.open(file, 0).save(CloningPointMethod.state(new Cloning.Slice(v, 0)));
        PointResult changed = method(ENTRY).run(chain, 1, Checkpoint.open(file, 0), 1);
        assertFalse(whole.observables().equals(changed.observables()));
    }

    @Test
    void aDamagedStateIsDiscardedAndTheUnitStartsAgain() throws IOException {
        Chain chain = ModelSpec.empty().withSites(3).build();
        PointResult whole = method(ENTRY).run(chain, 1, Checkpoint.none(), 1);
        Path file = dir.resolve("unit.json");
        ObjectNode bad = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        bad.putArray("values").add("x");
        bad.put("elapsed_seconds", 0);
        Checkpoint.open(file, 0).save(bad);
        List<String> warnings = new ArrayList<>();
        PointResult r = method(ENTRY).run(chain, 1, Checkpoint.open(file, 0, c -> { }, warnings::add), 1);
        assertEquals(whole.observables(), r.observables());
        assertEquals(1, warnings.size(), warnings.toString());
        assertFalse(Files.exists(file));
        assertNotNull(CloningPointMethod.damage(bad, 12));
    }

    @Test
    void badEntriesNameTheirKeyAndBigChainsAreRefusedBeforeWork() {
        assertEquals("methods[1].engine", assertThrows(InvalidInputException.class,
                () -> method("{method: cloning, engine: gaussian}")).field());
        assertEquals("methods[1].clones", assertThrows(InvalidInputException.class,
                () -> method("{method: cloning, clones: [1]}")).field());
        assertEquals("methods[1].fields", assertThrows(InvalidInputException.class,
                () -> method("{method: cloning, fields: [11]}")).field());
        assertEquals("methods[1].populations", assertThrows(InvalidInputException.class,
                () -> method("{method: cloning, populations: 1}")).field());
        // a bath is resolved by name against each point's model: refused before any work, naming the key
        PointMethod up = method("{method: cloning, counting_bath: up, clones: [10], populations: 2}");
        String why = up.refusal(ModelSpec.empty().withSites(3).build());
        assertNotNull(why);
        assertTrue(why.startsWith("methods[1].counting_bath must be a bath of the model (left, right)"), why);
        PointMethod trap = method("{method: cloning, counting_bath: trap, clones: [10], populations: 2}");
        assertNull(trap.refusal(org.qtraj.model.Chain.builder().network(org.qtraj.model.NetworkSpec.parse("ring"))
                .sites(3).bath("pump", 1, 1, 1).bath("trap", 2, 1, 0).build()));
        PointMethod q = method("{method: cloning, clones: [10], populations: 2}");
        assertNotNull(q.refusal(ModelSpec.empty().withSites(25).build()));
        assertNull(q.refusal(ModelSpec.empty().withSites(3).build()));
    }
}
