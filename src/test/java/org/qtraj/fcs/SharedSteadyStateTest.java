package org.qtraj.fcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.counting.Cumulants;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * `exact --noise` takes the steady state from the counting generator's own solve instead of building and solving a
 * second Liouvillian: the numbers must be those of the plain solve, bit for bit (same generator, same solver), and
 * the cumulants those of a fresh generator.
 */
class SharedSteadyStateTest {
    /** An XXZ chain with dephasing and unequal bath rates: auto resolves it to the Liouvillian. */
    private static Chain xxz() {
        return Chain.of(new double[] {1, 1.2, 0.9, 1.1, 1}, new double[] {1, 0.8, 1.1, 0.9}, new double[] {1, 0.5, 1, 0.5},
                new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, new double[] {1, 0.8, 1.1, 0.9},
                new Bath(0, 1, 1), new Bath(4, 0.7, 0.2));
    }

    @Test
    void sharedSolveEqualsThePlainSolveBitForBit() {
        Chain c = xxz();
        for (ExactMethod m : new ExactMethod[] {ExactMethod.AUTO, ExactMethod.LIOUVILLIAN}) {
            ExactResult plain = m.solve(c, 2);
            FcsExact counting = FcsExact.of(c, false, 0, 2);
            ExactResult shared = counting.steadyState(m, c, 2);
            assertEquals(text(plain), text(shared), m.id());
            // the cumulants after the shared solve: those of a generator that solved on its own
            double[] fresh = Cumulants.of(QuantumCountingGenerator.of(c, 0, 1), 3);
            assertArrayEquals(fresh, counting.cumulants(), 0, m.id());
        }
    }

    @Test
    void aMethodOtherThanTheLiouvillianSolvesOnItsOwn() {
        Chain c = FcsTest.chain(4, 0.5);
        ExactResult closed = FcsExact.of(c, false, 0, 1).steadyState(ExactMethod.CLOSED, c, 1);
        assertEquals("closed", closed.method());
        ExactResult rate = FcsExact.of(c, true, 0, 1).steadyState(ExactMethod.RATE, c, 1);
        assertEquals(text(ExactMethod.RATE.solve(c, 1)), text(rate));
    }

    /** Every number of the result but its wall time, arrays spelled out (Double.toString: every bit). */
    private static String text(ExactResult r) {
        return deep(r.withElapsed(0).toMap());
    }

    private static String deep(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(k).append('=').append(deep(v)).append(", "));
            return b.append('}').toString();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(SharedSteadyStateTest::deep).toList().toString();
        }
        return o != null && o.getClass().isArray() ? Arrays.deepToString(new Object[] {o}) : String.valueOf(o);
    }
}
