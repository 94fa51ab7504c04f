package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pivot inverse of the population block's Thomas elimination. */
class PopulationBlockTest {

    @Test
    void invertsAColumnDominantGeneratorBlock() {
        // A leaking rate matrix: non-negative off-diagonal rates, each column's diagonal minus its outflow and a
        // leak; S S^{-1} = 1 checked by plain products.
        Random rng = new Random(6);
        int d = 37;
        double[] s = new double[d * d];
        for (int j = 0; j < d; j++) {
            double out = 0;
            for (int i = 0; i < d; i++) {
                if (i != j) {
                    s[i * d + j] = rng.nextDouble();
                    out += s[i * d + j];
                }
            }
            s[j * d + j] = -out - 0.1 * rng.nextDouble() - 1e-3;
        }
        double[] inv = PopulationBlock.invert(s, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double e = 0;
                for (int k = 0; k < d; k++) {
                    e += s[i * d + k] * inv[k * d + j];
                }
                assertEquals(i == j ? 1 : 0, e, 1e-10, "(S S^-1)_" + i + j);
            }
        }
    }

    @Test
    void refusesANonNegativePivot() {
        // A closed generator (no leak) has a zero last pivot: the caller falls back to the damped populations.
        assertNull(PopulationBlock.invert(new double[] {-1, 1, 1, -1}, 2));
        assertNull(PopulationBlock.invert(new double[] {1, 0, 0, -1}, 2));
    }
}
