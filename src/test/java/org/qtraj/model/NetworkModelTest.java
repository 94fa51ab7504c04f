package org.qtraj.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;

/**
 * The shapes, named baths and disorder on networks. References are counts of the graphs (a ring of N has N edges, a
 * complete graph N(N-1)/2, an R x C grid R(C-1) + C(R-1), an L x R ladder R(L-1) + L(R-1)) and the published FMO
 * Hamiltonian (Adolphs and Renger 2006, as tabulated by Ishizaki and Fleming 2009: H_11 = 12410, H_12 = -87.7,
 * H_34 = -53.5, H_67 = 39.7 cm^-1).
 */
class NetworkModelTest {

    private static Chain build(String shape, int sites) {
        return Chain.builder().network(NetworkSpec.parse(shape)).sites(sites).build();
    }

    @Test
    void shapesHaveTheirEdgeCountsAndNoRepeatedEdge() {
        assertEquals(6, build("ring", 6).bonds());
        assertEquals(15, build("complete", 6).bonds());
        assertEquals(5, build("star", 6).bonds());
        assertEquals(3 * 3 + 4 * 2, Chain.builder().network(NetworkSpec.parse("grid:3x4")).build().bonds());
        assertEquals(5 * 1 + 2 * 4, Chain.builder().network(NetworkSpec.parse("ladder:2x5")).build().bonds());
        for (String shape : new String[] {"ring", "complete", "star", "grid:3x4", "ladder:3x4", "fmo"}) {
            Chain c = Chain.builder().network(NetworkSpec.parse(shape)).sites(
                    shape.contains(":") ? 12 : shape.equals("fmo") ? 7 : 6).build();
            Set<Long> seen = new HashSet<>();
            for (int b = 0; b < c.bonds(); b++) {
                int k = Math.min(c.bondFrom(b), c.bondTo(b));
                int l = Math.max(c.bondFrom(b), c.bondTo(b));
                assertTrue(k != l && seen.add((long) k * 1000 + l), shape + " bond " + b);
            }
            assertFalse(c.isChain(), shape);
        }
        assertTrue(build("chain", 5).isChain());
    }

    @Test
    void fmoHasThePublishedHamiltonian() {
        Chain fmo = Chain.builder().network(NetworkSpec.parse("fmo")).build();
        assertEquals(7, fmo.sites());
        assertEquals(21, fmo.bonds());
        assertEquals(12410, fmo.omega(0), 0);
        assertEquals(12630, fmo.omega(5), 0);
        // bonds in row order: (1,2) is bond 0, (3,4) bond 11, (6,7) bond 20
        assertEquals(-87.7, fmo.coupling(0), 0);
        assertEquals(-53.5, fmo.coupling(11), 0);
        assertEquals(39.7, fmo.coupling(20), 0);
        assertEquals(2, fmo.bondFrom(11));
        assertEquals(3, fmo.bondTo(11));
    }

    @Test
    void disorderDrawsOneValuePerEdgeAndAChainDrawsAsBefore() {
        DisorderRecipe recipe = new DisorderRecipe(42, Map.of("omega", new double[] {0.5, 1.5},
                "coupling", new double[] {0, 1}));
        Chain ring = Chain.builder().network(NetworkSpec.parse("ring")).sites(5).disorder(recipe).build();
        Map<String, double[]> drawn = recipe.draw(5, 5);
        assertArrayEquals(drawn.get("coupling"), ring.couplings());
        assertArrayEquals(drawn.get("omega"), ring.omegas());
        Chain chain = Chain.builder().sites(5).disorder(recipe).build();
        assertArrayEquals(recipe.draw(5).get("coupling"), chain.couplings());
        assertEquals(4, chain.couplings().length);
    }

    @Test
    void namedBathsReplaceLeftAndRightAndAreValidated() {
        Chain c = Chain.builder().network(NetworkSpec.parse("ring")).sites(5).bath("pump", 1, 2, 3)
                .bath("trap", 3, 4, 0).build();
        assertEquals(2, c.bathCount());
        assertEquals("pump", c.bathName(0));
        assertEquals(new Bath(2, 4, 0), c.baths()[1]);
        Chain three = Chain.builder().leftBath(1, 1).bath("middle", 2, 1, 0.5).build();
        assertEquals(2, three.bathCount(), "left given, right not: exactly the baths given");
        assertEquals("left", three.bathName(0));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Chain.builder().bath("9x", 1, 1, 1).build());
        assertEquals("baths", e.field());
        assertEquals("baths", assertThrows(InvalidInputException.class, () -> Chain.of(Graph.chain(2),
                new double[] {1, 1}, new double[] {1}, new double[] {0}, new double[] {0, 0}, new double[] {1},
                Map.of())).field());
    }

    @Test
    void aWeakParallelBondDoesNotSetTheDefaultWindowOfANetwork() {
        double[] g = NetworkSpec.fmoCouplings();
        Chain fmo = Chain.builder().network(NetworkSpec.parse("fmo")).dephasing(100).bath("pump", 1, 5, 4031)
                .bath("trap", 3, 5, 0).build();
        g[8] /= 100; // bond (2, 5): 0.7 -> 0.007 cm^-1, one of 21 bonds in parallel
        Chain weaker = Chain.builder().network(NetworkSpec.parse("fmo")).couplings(g).dephasing(100)
                .bath("pump", 1, 5, 4031).bath("trap", 3, 5, 0).build();
        double t = RelaxationTimes.quantum(fmo);
        assertEquals(t, RelaxationTimes.quantum(weaker), 0.01 * t);
        // the exact relaxation of this model from the empty state has fallen to 1e-4 by t = 8 (README): the burn-in
        // (2 t_relax) must cover several of its e-folding times (0.8)
        assertTrue(2 * t > 4, "t_relax = " + t);
    }
}
